package io.leakwatch.classifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignFingerprintTest {
    @Test
    void shouldBeStableAcrossCodesAmountsAndLinks() {
        final String a = CampaignFingerprint.of("【美柚】您的验证码是482913，5分钟内有效，请勿泄露。");
        final String b = CampaignFingerprint.of("【美柚】您的验证码是 110022 ，10分钟内有效，请勿泄露!");
        assertThat(a).isEqualTo(b).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void shouldTreatDigitMasksLikeDigits() {
        assertThat(CampaignFingerprint.of("店庆x月x日全场xx元起，电话xxxxxxxxxxx"))
            .isEqualTo(CampaignFingerprint.of("店庆3月8日全场99元起，电话13912345678"));
    }

    @Test
    void shouldIgnoreLinksAndNames() {
        assertThat(CampaignFingerprint.of("尊敬的张三先生，您的积分即将清零，请登录 http://a.cn/x1 兑换"))
            .isEqualTo(CampaignFingerprint.of("尊敬的欧阳明先生，您的积分即将清零，请登录 http://b.cn/zz9 兑换"));
        assertThat(CampaignFingerprint.of("Dear John, you have won a prize, call 09061701461"))
            .isEqualTo(CampaignFingerprint.of("Dear Mary, you have WON a prize! call 09061701999"));
    }

    @Test
    void shouldDifferAcrossTemplates() {
        assertThat(CampaignFingerprint.of("【京东】您的订单已发货"))
            .isNotEqualTo(CampaignFingerprint.of("【京东】您的订单已签收"));
        assertThat(CampaignFingerprint.of("今晚吃饭吗")).isNotEqualTo(CampaignFingerprint.of("明晚吃饭吗"));
    }

    @Test
    void shouldHandleNull() {
        assertThat(CampaignFingerprint.of(null)).isEqualTo(CampaignFingerprint.of(""));
    }
}
