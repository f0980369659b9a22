package io.leakwatch.classifier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesTest {
    private final SmsClassifier base = Classifiers.loadDefault();

    @Test
    void shouldApplyNewDecisiveRule() {
        final String text = "周末来我们店看看新到的茶叶";
        assertThat(base.classify(text, null).category()).isEqualTo(Category.NORMAL);
        final RuleAwareClassifier withRule = base.withRules(List.of(
            new RuleSpec("tea-spam", RuleKind.KEYWORD, "新到的茶叶", Category.MARKETING, 1.0, true)));
        final Classification c = withRule.classify(text, null);
        assertThat(c.category()).isEqualTo(Category.MARKETING);
        assertThat(c.reason()).isEqualTo("rule:tea-spam");
        assertThat(base.classify(text, null).category()).as("the original is unchanged").isEqualTo(Category.NORMAL);
    }

    @Test
    void shouldApplySenderAndRegexRules() {
        final RuleAwareClassifier c = base.withRules(List.of(
            new RuleSpec("blocked-port", RuleKind.SENDER, "1069000{3}1", Category.FRAUD, 1.0, true),
            new RuleSpec("loan-regex", RuleKind.REGEX, "日息\\s*0\\.\\d+", Category.FRAUD, 1.0, true)));
        assertThat(c.classify("你好", "+86 10690 00001").category()).isEqualTo(Category.FRAUD);
        assertThat(c.classify("低息贷款，日息 0.02%，当天到账", null).reason()).isEqualTo("rule:loan-regex");
    }

    @Test
    void shouldSwitchOffBuiltInRulesById() {
        final String otp = "【美柚】您的验证码是482913，5分钟内有效。";
        assertThat(base.classify(otp, null).reason()).isEqualTo("rule:otp");
        final RuleAwareClassifier off = base.withRules(List.of(
            new RuleSpec("otp", RuleKind.KEYWORD, "-", Category.TRANSACTIONAL, 1.0, false)));
        assertThat(off.classify(otp, null).reason()).isNotEqualTo("rule:otp");
        assertThat(off.classify(otp, null).otp()).isFalse();
    }

    @Test
    void shouldCallTwoEscortEuphemismsAdultUnlessSwitchedOff() {
        final String two = "本店新推出男士养生套餐，到店出示短信立减50元，技师照片请加微信 abc123";
        assertThat(base.classify(two, null).category()).isEqualTo(Category.ADULT);
        assertThat(base.classify(two, null).reason()).isEqualTo("rule:escort-cues");
        assertThat(base.explain(two, null).rulesFired()).contains("escort-cues");
        assertThat(base.classify("明前新茶到店，欢迎品尝，满100元送茶具", null).reason())
            .as("one euphemism is not enough").isNotEqualTo("rule:escort-cues");
        final RuleAwareClassifier off = base.withRules(List.of(
            new RuleSpec("escort-cues", RuleKind.KEYWORD, "-", Category.ADULT, 1.0, false)));
        assertThat(off.classify(two, null).reason()).isNotEqualTo("rule:escort-cues");
    }

    @Test
    void shouldKeepFraudRulesOffWarningsAgainstFraudUnlessSwitchedOff() {
        final String scam = "您的银行卡涉嫌洗钱，请立即将资金转入安全账户配合调查。";
        final String warning = "市公安局提醒您：不要相信任何要求您向安全账户汇款的电话短信，谨防上当受骗。";
        assertThat(base.classify(scam, null).reason()).isEqualTo("rule:fraud-safe-account");
        assertThat(base.classify(warning, null).reason()).as("the model decides a warning")
            .startsWith("model:");
        assertThat(base.explain(warning, null).rulesFired()).contains("fraud-warning (kept fraud-safe-account off)");
        final String clickFarm = "警方提醒：网上兼职刷单是违法行为，请提高警惕。";
        assertThat(base.explain(clickFarm, null).rulesFired()).as("evidence rules are kept off too")
            .doesNotContain("fraud-click-farming").contains("fraud-warning (kept fraud-click-farming off)");
        assertThat(base.explain("兼职刷单，日结200元，加微信", null).rulesFired()).as("where nothing warns")
            .containsExactly("fraud-click-farming");
        final RuleAwareClassifier off = base.withRules(List.of(
            new RuleSpec("fraud-warning", RuleKind.KEYWORD, "-", Category.FRAUD, 1.0, false)));
        assertThat(off.classify(warning, null).reason()).isEqualTo("rule:fraud-safe-account");
        final RuleAwareClassifier sender = base.withRules(List.of(
            new RuleSpec("blocked-port", RuleKind.SENDER, "1069000{3}1", Category.FRAUD, 1.0, true)));
        assertThat(sender.classify(warning, "1069000001").reason()).as("sender rules are not text")
            .isEqualTo("rule:blocked-port");
    }

    @Test
    void shouldSkipRulesThatDoNotCompile() {
        final SmsClassifier c = base.withRules(List.of(
            new RuleSpec("broken", RuleKind.REGEX, "([unclosed", Category.FRAUD, 1.0, true)));
        assertThat(c.rejectedRules()).singleElement().asString().startsWith("broken");
        assertThat(c.classify("([unclosed", null).category()).isNotNull();
    }
}
