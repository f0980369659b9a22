package io.leakwatch.topology.compliance;

import io.leakwatch.schemas.ComplianceRule;
import io.leakwatch.schemas.internal.CompliancePartial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Counts of one sender, signature and day, and how two of them add. */
final class Partials {

    private Partials() {
    }

    static CompliancePartial empty(String sender, String signature, String day, long start, long end) {
        return CompliancePartial.newBuilder().setSender(sender).setSignature(signature).setDay(day).setWindowStart(start).setWindowEnd(end)
                .setRuleMessages(new HashMap<>()).setRuleRecipients(new HashMap<>()).setFingerprints(new ArrayList<>()).build();
    }

    static void count(CompliancePartial partial, ComplianceRule rule, boolean newRecipient) {
        partial.getRuleMessages().merge(rule.name(), 1L, Long::sum);
        if (newRecipient) {
            partial.getRuleRecipients().merge(rule.name(), 1L, Long::sum);
        }
    }

    static void delay(CompliancePartial partial, long delayMs) {
        partial.setMinDelayMs(partial.getMinDelayMs() == null ? delayMs : Math.min(partial.getMinDelayMs(), delayMs));
        partial.setMaxDelayMs(partial.getMaxDelayMs() == null ? delayMs : Math.max(partial.getMaxDelayMs(), delayMs));
    }

    /** Keeps the smallest {@code limit} fingerprints: the same examples whatever the order records came in. */
    static void example(CompliancePartial partial, String fingerprint, int limit) {
        if (fingerprint == null || fingerprint.isEmpty()) {
            return;
        }
        final TreeSet<String> kept = new TreeSet<>(partial.getFingerprints());
        kept.add(fingerprint);
        while (kept.size() > limit) {
            kept.pollLast();
        }
        partial.setFingerprints(new ArrayList<>(kept));
    }

    /** {@code into} plus {@code more}. */
    static void add(CompliancePartial into, CompliancePartial more, int limit) {
        into.setMarketingMessages(into.getMarketingMessages() + more.getMarketingMessages());
        into.setMarketingRecipients(into.getMarketingRecipients() + more.getMarketingRecipients());
        into.setNoticeMessages(into.getNoticeMessages() + more.getNoticeMessages());
        into.setRefusals(into.getRefusals() + more.getRefusals());
        addAll(into.getRuleMessages(), more.getRuleMessages());
        addAll(into.getRuleRecipients(), more.getRuleRecipients());
        if (more.getMinDelayMs() != null) {
            delay(into, more.getMinDelayMs());
        }
        if (more.getMaxDelayMs() != null) {
            delay(into, more.getMaxDelayMs());
        }
        final List<String> fingerprints = new ArrayList<>(more.getFingerprints());
        for (String fingerprint : fingerprints) {
            example(into, fingerprint, limit);
        }
    }

    private static void addAll(Map<String, Long> into, Map<String, Long> more) {
        more.forEach((rule, n) -> into.merge(rule, n, Long::sum));
    }
}
