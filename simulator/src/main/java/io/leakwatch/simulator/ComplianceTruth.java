package io.leakwatch.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.leakwatch.simulator.traffic.Event;
import io.leakwatch.simulator.traffic.Timeline;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which senders broke which marketing rule, judged on what the simulation knows of each message (its category as
 * generated, the signature and refusal instruction as written), not on what a classifier would make of it. Every
 * sender of the scenario is judged, background spammers included. A sender breaks the total cap when it sent marketing
 * to a recipient who got more than the cap from all senders that day; a port mixes marketing and notices when it sent
 * both on one day.
 *
 * @param rules per rule name (as in {@code ComplianceRule}), the senders that broke it at least once, sorted
 */
@JsonPropertyOrder({"marketers", "rules"})
record ComplianceTruth(List<MarketerTruth> marketers, Map<String, List<String>> rules) {

    /** A planted marketer: its port, signature and the rule it was planted to break. */
    @JsonPropertyOrder({"sender", "signature", "kind"})
    record MarketerTruth(String sender, String signature, String kind) {
    }

    private static final Pattern SIGNATURE = Pattern.compile("^\\s*【([^】]{1,24})】|【([^】]{1,24})】\\s*$");
    private static final List<String> REFUSAL_INSTRUCTIONS = List.of("退订", "拒收", "回T", "回TD", "回N", "回复T");

    static ComplianceTruth judge(Scenario.Compliance block, Timeline timeline, List<Event> events, List<MarketerTruth> marketers) {
        final String[] window = block.sendingWindow().split("-");
        final LocalTime open = LocalTime.parse(window[0]);
        final LocalTime close = LocalTime.parse(window[1]);
        final Map<String, Set<String>> broken = new TreeMap<>();
        final Map<String, Long> refusedAt = new HashMap<>();
        final Map<String, String> lastSignature = new HashMap<>();
        final Map<String, Integer> perSignature = new HashMap<>();
        final Map<String, Integer> total = new HashMap<>();
        final Map<String, Set<String>> reached = new HashMap<>();
        final Map<String, Set<String>> marketingDays = new HashMap<>();
        final Map<String, Set<String>> noticeDays = new HashMap<>();
        for (final Event event : events) {
            final LocalDateTime local = timeline.local(event.epochSecond());
            final LocalDate day = local.toLocalDate();
            if (event.source() == Event.Source.REFUSAL) {
                refuse(refusedAt, event.sender() + "|P|" + event.recipient(), event.epochSecond());
                final String signature = lastSignature.get(event.sender() + "|" + event.recipient());
                if (signature != null) {
                    refuse(refusedAt, event.sender() + "|S|" + signature, event.epochSecond());
                }
                continue;
            }
            if (event.category() == Category.TRANSACTIONAL) {
                noticeDays.computeIfAbsent(event.sender(), s -> new HashSet<>()).add(day.toString());
                continue;
            }
            if (event.category() != Category.MARKETING) {
                continue;
            }
            final String sender = event.sender();
            final String signature = signature(event.text());
            marketingDays.computeIfAbsent(sender, s -> new HashSet<>()).add(day.toString());
            final Long byPort = refusedAt.get(event.recipient() + "|P|" + sender);
            final Long bySignature = signature == null ? null : refusedAt.get(event.recipient() + "|S|" + signature);
            if ((byPort != null && byPort < event.epochSecond()) || (bySignature != null && bySignature < event.epochSecond())) {
                mark(broken, "AFTER_REFUSAL", sender);
            }
            if (REFUSAL_INSTRUCTIONS.stream().noneMatch(event.text()::contains)) {
                mark(broken, "NO_REFUSAL_INSTRUCTION", sender);
            }
            if (signature == null) {
                mark(broken, "NO_SIGNATURE", sender);
            }
            final LocalTime time = local.toLocalTime();
            if (time.isBefore(open) || !time.isBefore(close)) {
                mark(broken, "OUTSIDE_SENDING_WINDOW", sender);
            }
            final String from = signature == null ? "P|" + sender : "S|" + signature;
            if (perSignature.merge(day + "|" + event.recipient() + "|" + from, 1, Integer::sum) > block.capPerSignature()) {
                mark(broken, "OVER_SIGNATURE_CAP", sender);
            }
            total.merge(day + "|" + event.recipient(), 1, Integer::sum);
            reached.computeIfAbsent(day + "|" + event.recipient(), k -> new TreeSet<>()).add(sender);
            lastSignature.put(event.recipient() + "|" + sender, signature == null ? "" : signature);
        }
        total.forEach((dayRecipient, count) -> {
            if (count > block.capTotal()) {
                reached.get(dayRecipient).forEach(sender -> mark(broken, "OVER_TOTAL_CAP", sender));
            }
        });
        marketingDays.forEach((sender, days) -> {
            final Set<String> notices = noticeDays.getOrDefault(sender, Set.of());
            if (days.stream().anyMatch(notices::contains)) {
                mark(broken, "PORT_ALSO_SENDS_NOTICES", sender);
            }
        });
        final Map<String, List<String>> rules = new TreeMap<>();
        for (final String rule : List.of("AFTER_REFUSAL", "NO_REFUSAL_INSTRUCTION", "NO_SIGNATURE", "PORT_ALSO_SENDS_NOTICES",
                "OUTSIDE_SENDING_WINDOW", "OVER_SIGNATURE_CAP", "OVER_TOTAL_CAP")) {
            rules.put(rule, List.copyOf(broken.getOrDefault(rule, new TreeSet<>())));
        }
        return new ComplianceTruth(marketers, rules);
    }

    static String signature(String text) {
        final Matcher m = SIGNATURE.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static void refuse(Map<String, Long> refusedAt, String key, long at) {
        refusedAt.merge(key, at, Math::min);
    }

    private static void mark(Map<String, Set<String>> broken, String rule, String sender) {
        broken.computeIfAbsent(rule, r -> new TreeSet<>()).add(sender);
    }
}
