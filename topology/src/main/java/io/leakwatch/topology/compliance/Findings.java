package io.leakwatch.topology.compliance;

import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.ComplianceRule;
import io.leakwatch.schemas.internal.CompliancePartial;
import java.util.ArrayList;
import java.util.List;

/** The findings of one sender, signature and day: one per rule with at least one offending message, in rule order. */
final class Findings {

    private Findings() {
    }

    /**
     * @param senderNotices   the sender's notices that day, over all its signatures
     * @param senderMarketing the sender's marketing that day, over all its signatures
     */
    static List<ComplianceFinding> of(CompliancePartial day, long senderNotices, long senderMarketing, ComplianceSettings settings) {
        final List<ComplianceFinding> out = new ArrayList<>();
        for (ComplianceRule rule : ComplianceRule.values()) {
            if (rule == ComplianceRule.PORT_ALSO_SENDS_NOTICES) {
                if (mixes(senderNotices, senderMarketing, settings) && day.getMarketingMessages() > 0) {
                    out.add(finding(day, rule, day.getMarketingMessages(), day.getMarketingRecipients(), senderNotices, settings));
                }
                continue;
            }
            final long messages = day.getRuleMessages().getOrDefault(rule.name(), 0L);
            if (messages > 0) {
                out.add(finding(day, rule, messages, day.getRuleRecipients().getOrDefault(rule.name(), 0L), 0, settings));
            }
        }
        return out;
    }

    private static boolean mixes(long notices, long marketing, ComplianceSettings settings) {
        final long fewer = Math.min(notices, marketing);
        return fewer >= settings.portMixMin() && fewer >= settings.portMixShare() * (notices + marketing);
    }

    private static ComplianceFinding finding(CompliancePartial day, ComplianceRule rule, long messages, long recipients, long notices,
                                             ComplianceSettings settings) {
        final boolean refusal = rule == ComplianceRule.AFTER_REFUSAL;
        final Long threshold = switch (rule) {
            case OVER_SIGNATURE_CAP -> settings.capPerSignature();
            case OVER_TOTAL_CAP -> settings.capTotal();
            default -> null;
        };
        return ComplianceFinding.newBuilder()
                .setSender(day.getSender())
                .setSignature(day.getSignature())
                .setRule(rule)
                .setDay(day.getDay())
                .setWindowStart(day.getWindowStart())
                .setWindowEnd(day.getWindowEnd())
                .setMessages(messages)
                .setRecipients(recipients)
                .setMarketingMessages(day.getMarketingMessages())
                .setMarketingRecipients(day.getMarketingRecipients())
                .setNoticeMessages(notices)
                .setRefusalsReceived(day.getRefusals())
                .setMinDelayMs(refusal ? day.getMinDelayMs() : null)
                .setMaxDelayMs(refusal ? day.getMaxDelayMs() : null)
                .setThreshold(threshold)
                .setExampleFingerprints(List.copyOf(day.getFingerprints()))
                .build();
    }
}
