package io.leakwatch.classifier;

import io.leakwatch.classifier.analysis.CueLexicon;
import io.leakwatch.classifier.analysis.Featurizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmsClassifierTest {
    private final SmsClassifier classifier = Classifiers.loadDefault();

    @Test
    void shouldDetectOneTimeCodesAsTransactional() {
        for (final String text : List.of(
                "【美柚】您的验证码是482913，5分钟内有效，请勿泄露。",
                "【支付宝】校验码 7731，您正在进行付款，切勿告诉他人。",
                "您的动态码为 660184，用于登录，10分钟内有效【中国银行】",
                "Your verification code is 551204. Do not share it with anyone.",
                // sms-features-7: 随机码, 临时密码, 交易码, 动态口令, pickup codes... are one-time codes too
                "您的随机码是803417，欢迎登录网上营业厅。",
                "您的临时密码为552031，6小时内有效。",
                "手机交易码 309916，您正在进行网上支付，切勿泄露。",
                "【菜鸟驿站】您的包裹已到站，取件码 8-2-6031，请及时领取。")) {
            final Classification c = classifier.classify(text, "1069012345");
            assertThat(c.category()).as(text).isEqualTo(Category.TRANSACTIONAL);
            assertThat(c.otp()).as(text).isTrue();
            assertThat(c.reason()).as(text).isEqualTo("rule:otp");
        }
    }

    @Test
    void shouldNotLetAQuotedCodeOverruleSpam() {
        final String text = "URGENT! Your mobile account shows 800 unclaimed bonus points. To claim call 09061701461 now. "
            + "Claim code: 48217. Expires 31/12";
        // the text holds what the one-time-code check looks for...
        assertThat(new Featurizer(18, CueLexicon.defaultLexicon()).featurize(text).text.otp).isTrue();
        // ...but the rest of it is prize spam, and the code must not make it a notice (or an app membership)
        final Classification c = classifier.classify(text, null);
        assertThat(c.category().isSpam()).isTrue();
        assertThat(c.otp()).isFalse();
        assertThat(c.reason()).isNotEqualTo("rule:otp");
    }

    @Test
    void shouldNotTakeMaskedOrMissingCodeForOtp() {
        assertThat(classifier.classify("验证码是什么意思", null).otp()).isFalse();
        assertThat(classifier.classify("【某某】您的验证码是xxxxxx", null).otp()).isFalse();
    }

    @Test
    void shouldNotTakeAGroupPassPhraseOrAContactIdForOtp() {
        for (final String text : List.of(
                "东方财富前敢死队操盘手建群，明早8点群内公布牛股，不收费人满即封，加QQ 52866120 验证码必填，退订回T",
                "邀您进QQ群号477536315，进群验证码9701，群内每天免单秒杀，退订回T",
                "加微信 wx52866120 验证码888 领取内部资料")) {
            final Classification c = classifier.classify(text, null);
            assertThat(c.otp()).as(text).isFalse();
            assertThat(c.reason()).as(text).isNotEqualTo("rule:otp");
            assertThat(c.category().isSpam()).as(text).isTrue();
        }
        assertThat(classifier.classify("582242（设备锁验证码），用于QQ29*******4登录的设备锁验证，请勿转发。如不想接收此类短信，请回复T退订【腾讯科技】",
            null).otp()).isTrue();
    }

    @Test
    void shouldCallShortRepliesNormal() {
        // before sms-features-6 the one unigram of a one-character reply weighed ten times what it was learnt at:
        // 行 ("OK") and 银 were FRAUD for the 行 and 银 of 银行 in phishing
        for (final String text : List.of("行", "银", "好", "嗯", "好的", "收到", "可以", "不行", "在吗", "到了", "谢谢",
                "ok", "k", "Yup...", "Ok lor", "1", "666", "？")) {
            assertThat(classifier.classify(text, null).category()).as(text).isEqualTo(Category.NORMAL);
        }
    }

    @Test
    void shouldCarrySignatureAndOptOut() {
        final Classification c = classifier.classify("【优衣库】春季新品全场8折，会员再享95折，回T退订", "10690000");
        assertThat(c.signature()).isEqualTo("优衣库");
        assertThat(c.optOut()).isTrue();
        assertThat(c.category()).isEqualTo(Category.MARKETING);
        assertThat(c.category().isSpam()).isTrue();
    }

    @Test
    void shouldClassifyNotices() {
        for (final String text : List.of(
                "【招商银行】您尾号8812的储蓄卡03月02日12:01消费支出人民币188.00元，余额2,311.50元。",
                "【丰巢】您的快递已存入丰巢柜，取件码 123456，请及时取件。",
                "尊敬的客户，您本月套餐内流量已使用80%，剩余话费23.5元。【中国移动】")) {
            assertThat(classifier.classify(text, "95555").category()).as(text).isEqualTo(Category.TRANSACTIONAL);
        }
    }

    @Test
    void shouldClassifyPersonalMessagesAsNormal() {
        for (final String text : List.of("那我还是去你楼下等你吧，快点啊。", "今晚回家吃饭吗", "ok see you at 8 then")) {
            assertThat(classifier.classify(text, "13800138000").category()).as(text).isEqualTo(Category.NORMAL);
        }
    }

    @Test
    void shouldClassifyAdult() {
        assertThat(classifier.classify("本会所提供酒店上门服务，学生妹少妇模特，无需定金满意付款，电话13912345678", null)
            .category()).isEqualTo(Category.ADULT);
    }

    @Test
    void shouldClassifyFraud() {
        for (final String text : List.of(
                "澳门百家乐真人娱乐城，注册送彩金，首存即送100%，网址 www.example88.com",
                "代开各类发票，增值税专用发票，电话13912345678",
                "尊敬的用户您的网银密码器将于今日失效，请立即登录 http://icbc-xx.cn 进行升级【工商银行】")) {
            assertThat(classifier.classify(text, null).category()).as(text).isEqualTo(Category.FRAUD);
        }
    }

    @Test
    void shouldExplainWithTopFeatures() {
        final Explanation e = classifier.explain("【优衣库】春季新品全场8折，会员再享95折，回T退订", "10690000");
        assertThat(e.classification().category()).isEqualTo(Category.MARKETING);
        assertThat(e.classification().reason()).startsWith("model:top=");
        assertThat(e.contributions()).isNotEmpty();
        assertThat(e.contributions().get(0).weight()).isPositive();
        assertThat(e.toString()).contains("MARKETING", "top features:", "signature: 优衣库", "opt-out: true");
    }

    @Test
    void shouldGiveCalibratedScoresBetweenZeroAndOne() {
        final Classification sure = classifier.classify("【优衣库】春季新品全场8折，会员再享95折，回T退订", null);
        final Classification vague = classifier.classify("好", null);
        assertThat(sure.score()).isBetween(0.8, 1.0);
        assertThat(vague.score()).isBetween(0.0, 1.0);
    }
}
