package io.leakwatch.classifier.rules;

import io.leakwatch.classifier.analysis.KeywordMatcher;
import io.leakwatch.classifier.analysis.TextAnalysis;

import java.util.List;

/**
 * Built-in guard {@value #RULE_ID}: a message that warns against fraud is not fraud. Operators, banks and the police
 * broadcast warnings that name the scams they warn about ("不要相信任何要求您向安全账户汇款的电话", "兼职刷单...谨防上当受骗"),
 * so the fraud keywords of the rules (安全账户, 刷单, 办证...) fire on them. When the text also carries an advisory
 * marker (谨防, 警惕, 防范, 不要轻信, beware...), the FRAUD text rules do not fire and the model decides. Scams that
 * pose as the police say "涉嫌诈骗" and tell the victim what to do, not what to beware of, so bare 诈骗 is not a
 * marker. Sender rules are not affected. In the corpora: the one zh-inbox message with 安全账户 is an operator's
 * warning (labelled {@code inform}); both zh-spam-classes messages with 安全帐户 or 刷单 in class {@code Other} are
 * police warnings; no spam message of any corpus has 安全账户. Switched off like {@code otp}: a rule with this id and
 * {@code enabled=false} on the rules topic.
 */
public final class FraudWarning {
    /** Id of the guard on the rules topic. */
    public static final String RULE_ID = "fraud-warning";

    private static final KeywordMatcher MARKERS = new KeywordMatcher(List.of(
        "谨防", "警惕", "防骗", "反诈", "防范", "提防", "防止被骗", "上当受骗", "以防上当", "不要相信", "不要轻信",
        "切勿相信", "切勿轻信", "请勿相信", "请勿轻信", "勿轻信",
        "beware", "scam", "scams", "scammers", "fraudsters"));

    private FraudWarning() {
    }

    /** Whether the prepared text carries an advisory marker. */
    public static boolean in(final TextAnalysis text) {
        return MARKERS.any(text.folded, text.length);
    }
}
