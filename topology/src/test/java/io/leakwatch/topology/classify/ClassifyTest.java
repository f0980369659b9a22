package io.leakwatch.topology.classify;

import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.RuleKind;
import io.leakwatch.topology.LeakWatchDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClassifyTest {

    private static final String OTP = "【美柚】您的验证码是483920，5分钟内有效";
    private static final String TEA = "新到的茶叶，欢迎来店里品尝";
    private final LeakWatchDriver lw = new LeakWatchDriver();

    @BeforeEach
    void registerApps() {
        lw.app("meiyou", "美柚", "1069001");
    }

    @AfterEach
    void close() {
        lw.close();
    }

    @Test
    void shouldClassifyAnAppsOtpAsTransactionalFromThatApp() {
        final var sent = lw.send(T0, "1069001", "13800138000", OTP);

        final ClassifiedSms sms = lw.classified().get(0);
        assertThat(sms.getEventId()).isEqualTo(sent.getEventId());
        assertThat(sms.getTs()).isEqualTo(T0);
        assertThat(sms.getSender()).isEqualTo("1069001");
        assertThat(sms.getCategory()).isEqualTo(Category.TRANSACTIONAL);
        assertThat(sms.getOtp()).isTrue();
        assertThat(sms.getSignature()).isEqualTo("美柚");
        assertThat(sms.getApp()).isEqualTo("meiyou");
    }

    @Test
    void shouldFindTheAppByItsPortWhenTheMessageHasNoKnownSignature() {
        lw.send(T0, "1069001", "13800138000", "您的验证码是662211，5分钟内有效");
        lw.send(T0, "1069002", "13800138000", "您的验证码是662211，5分钟内有效");

        final List<ClassifiedSms> out = lw.classified();
        assertThat(out).extracting(ClassifiedSms::getApp).containsExactly("meiyou", null);
        assertThat(out).allMatch(ClassifiedSms::getOtp);
    }

    @Test
    void shouldLeaveOutAnAppWhoseIdCannotKeyTheCohortStores() {
        lw.app("bad\u0001id", "饿了么", "1069002");
        lw.app(" ", "淘宝", "1069003");
        lw.send(T0, "1069002", "13800138000", "【饿了么】您的验证码是551204，5分钟内有效");
        lw.send(T0, "1069003", "13800138000", "【淘宝】您的验证码是551204，5分钟内有效");
        lw.send(T0, "1069001", "13800138000", OTP);

        assertThat(lw.classified()).extracting(ClassifiedSms::getApp).containsExactly(null, null, "meiyou");
    }

    @Test
    void shouldCarryNoMessageTextDownstream() {
        assertThat(ClassifiedSms.getClassSchema().getField("text")).isNull();
        assertThat(ClassifiedSms.getClassSchema().getFields()).noneMatch(f -> f.name().toLowerCase(java.util.Locale.ROOT).contains("text"));

        lw.send(T0, "1069001", "13800138000", OTP);

        final List<TestRecord<byte[], byte[]>> records = lw.raw("sms.classified");
        assertThat(records).hasSize(1);
        final String written = new String(records.get(0).value(), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("483920").doesNotContain("验证码").doesNotContain("5分钟内有效");
        assertThat(written).contains("美柚");
    }

    @Test
    void shouldApplyARuleFromTheRulesTopicWithoutRebuilding() {
        lw.send(T0, "13912345678", "13800138000", TEA);
        lw.rule(Rule.newBuilder().setId("tea-fraud").setKind(RuleKind.KEYWORD).setPattern("新到的茶叶")
                .setCategory(Category.FRAUD).setWeight(1.0).setEnabled(true).build());
        lw.send(T0 + MINUTE, "13912345678", "13800138000", TEA);
        lw.deleteRule("tea-fraud");
        lw.send(T0 + 2 * MINUTE, "13912345678", "13800138000", TEA);

        final List<ClassifiedSms> out = lw.classified();
        assertThat(out).hasSize(3);
        assertThat(out.get(0).getCategory()).isNotEqualTo(Category.FRAUD);
        assertThat(out.get(1).getCategory()).isEqualTo(Category.FRAUD);
        assertThat(out.get(1).getReason()).isEqualTo("rule:tea-fraud");
        assertThat(out.get(2).getCategory()).as("deleting the rule restores the old verdict").isEqualTo(out.get(0).getCategory());
    }

    @Test
    void shouldCarryTheModelsCategoryNotItsTopFeatureAsTheReason() {
        final String chat = "今晚回家吃饭吗";
        lw.send(T0, "13912345678", "13800138000", chat);
        lw.send(T0 + MINUTE, "13912345678", "13800138000", TEA);

        final List<ClassifiedSms> out = lw.classified();
        assertThat(out).hasSize(2).allSatisfy(sms -> {
            assertThat(sms.getReason()).matches("rule:[A-Za-z0-9._-]+|model:[A-Z]+");
            assertThat(sms.getReason()).doesNotContain("top=");
        });
        assertThat(out.get(0).getReason()).isEqualTo("model:" + out.get(0).getCategory().name());
        for (int i = 0; i + 2 <= chat.length(); i++) {
            assertThat(out.get(0).getReason()).doesNotContain(chat.substring(i, i + 2));
        }
    }

    @Test
    void shouldKeepOnlyCodesThatSayNothingOfTheMessage() {
        assertThat(ClassifyProcessor.downstreamReason("rule:tea-fraud", Category.FRAUD)).isEqualTo("rule:tea-fraud");
        assertThat(ClassifyProcessor.downstreamReason("error:NullPointerException", Category.NORMAL)).isEqualTo("error:NullPointerException");
        assertThat(ClassifyProcessor.downstreamReason("model:top=茶叶", Category.MARKETING)).isEqualTo("model:MARKETING");
        assertThat(ClassifyProcessor.downstreamReason("rule:新到的茶叶", Category.FRAUD)).isEqualTo("model:FRAUD");
        assertThat(ClassifyProcessor.downstreamReason(null, Category.NORMAL)).isEqualTo("model:NORMAL");
    }

    @Test
    void shouldSkipAndCountBadRulesAndAppsWhileTheGoodOnesApply() {
        lw.rule(Rule.newBuilder().setId("negative").setKind(RuleKind.KEYWORD).setPattern("新到的茶叶")
                .setCategory(Category.FRAUD).setWeight(-1.0).setEnabled(true).build());
        lw.rule(Rule.newBuilder().setId("broken-regex").setKind(RuleKind.REGEX).setPattern("新到的(茶叶")
                .setCategory(Category.FRAUD).setWeight(1.0).setEnabled(true).build());
        lw.rule(Rule.newBuilder().setId("nan").setKind(RuleKind.KEYWORD).setPattern("茶叶")
                .setCategory(Category.FRAUD).setWeight(Double.NaN).setEnabled(true).build());
        lw.app(" ", "饿了么", "1069002");
        lw.send(T0, "13912345678", "13800138000", TEA);
        lw.rule(Rule.newBuilder().setId("tea-fraud").setKind(RuleKind.KEYWORD).setPattern("新到的茶叶")
                .setCategory(Category.FRAUD).setWeight(1.0).setEnabled(true).build());
        lw.send(T0 + MINUTE, "13912345678", "13800138000", TEA);
        // a good value under a bad one's key replaces it; a bad value under a good one's key removes it
        lw.rule(Rule.newBuilder().setId("negative").setKind(RuleKind.KEYWORD).setPattern("茶叶")
                .setCategory(Category.ADULT).setWeight(0.5).setEnabled(true).build());
        lw.rule(Rule.newBuilder().setId("tea-fraud").setKind(RuleKind.KEYWORD).setPattern("新到的茶叶")
                .setCategory(Category.FRAUD).setWeight(-2.0).setEnabled(true).build());
        lw.send(T0 + 2 * MINUTE, "13912345678", "13800138000", TEA);

        final List<ClassifiedSms> out = lw.classified();
        assertThat(out).hasSize(3);
        assertThat(out.get(0).getCategory()).as("no bad rule took effect").isNotEqualTo(Category.FRAUD);
        assertThat(out.get(1).getReason()).isEqualTo("rule:tea-fraud");
        assertThat(out.get(2).getReason()).isNotEqualTo("rule:tea-fraud");
        assertThat(lw.listener().skippedReferences).containsExactly(
                "rules bad-rule: IllegalArgumentException",
                "rules bad-rule: pattern does not compile",
                "rules bad-rule: IllegalArgumentException",
                "apps bad-app: unusable id",
                "rules bad-rule: IllegalArgumentException");
    }

    @Test
    void shouldRecogniseAnAppAddedAtRunTime() {
        lw.send(T0, "1069002", "13800138000", "【饿了么】您的验证码是551204，5分钟内有效");
        lw.app("eleme", "饿了么", "1069002");
        lw.send(T0 + MINUTE, "1069002", "13800138000", "【饿了么】您的验证码是551204，5分钟内有效");

        assertThat(lw.classified()).extracting(ClassifiedSms::getApp).containsExactly(null, "eleme");
    }
}
