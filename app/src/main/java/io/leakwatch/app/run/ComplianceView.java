package io.leakwatch.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakwatch.app.http.Handler;
import io.leakwatch.app.http.Response;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.topology.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compliance findings of the last {@link #DAYS} local days, for {@code GET /compliance}: the top offenders (most
 * offending messages over the days kept, every rule they broke) and each one's marketing volume per day. A finding
 * written again (late partial counts) replaces the one before it.
 */
public final class ComplianceView {

    public static final String PATH = "/compliance";
    static final int DAYS = 7;
    static final int TOP = 20;
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** sender, signature, day, rule to the latest finding; sorted so the output does not depend on arrival order. */
    private final TreeMap<String, ComplianceFinding> findings = new TreeMap<>();
    private long latestDayStart = Long.MIN_VALUE;

    /** Follows {@code compliance.findings} from the records of about the days kept; closing the follower stops it. */
    public static AutoCloseable follow(Properties connection, Topics topics, ComplianceView view) {
        return new TopicFollower<>(connection, topics.complianceFindings, "compliance-view", Duration.ofDays(DAYS + 1), Clock.systemUTC(),
                view::add);
    }

    public synchronized void add(ComplianceFinding finding) {
        if (latestDayStart != Long.MIN_VALUE && finding.getWindowStart() < latestDayStart - DAYS * DAY_MS) {
            return;
        }
        latestDayStart = Math.max(latestDayStart, finding.getWindowStart());
        findings.put(String.join("\u001f", finding.getSender(), String.valueOf(finding.getSignature()), finding.getDay(),
                finding.getRule().name()), finding);
        findings.values().removeIf(f -> f.getWindowStart() < latestDayStart - DAYS * DAY_MS);
    }

    /** {@code GET /compliance}: {@link #json()}. */
    public Handler handler() {
        return request -> Response.json(200, json().toString());
    }

    /**
     * {@code {"days": [...], "findings": N, "offenders": [{"sender", "offendingMessages", "offendingRecipients", "rules",
     * "signatures", "volume": [{"day", "marketingMessages"}]}]}}, the offenders most offending messages first.
     */
    public synchronized ObjectNode json() {
        final Map<String, Offender> bySender = new HashMap<>();
        final TreeSet<String> days = new TreeSet<>();
        for (ComplianceFinding f : findings.values()) {
            days.add(f.getDay());
            final Offender o = bySender.computeIfAbsent(f.getSender(), Offender::new);
            o.messages += f.getMessages();
            o.recipients += f.getRecipients();
            o.rules.add(f.getRule().name());
            if (f.getSignature() != null) {
                o.signatures.add(f.getSignature());
            }
            // every finding of one sender, signature and day carries that day's marketing: count it once per signature
            o.volume.computeIfAbsent(f.getDay(), d -> new HashMap<>()).put(String.valueOf(f.getSignature()), f.getMarketingMessages());
        }
        final List<Offender> top = new ArrayList<>(bySender.values());
        top.sort(Comparator.comparingLong((Offender o) -> o.messages).reversed().thenComparing(o -> o.sender));
        final ObjectNode out = JSON.createObjectNode();
        final ArrayNode dayList = out.putArray("days");
        days.forEach(dayList::add);
        out.put("findings", findings.size());
        final ArrayNode offenders = out.putArray("offenders");
        for (Offender o : top.subList(0, Math.min(TOP, top.size()))) {
            final ObjectNode node = offenders.addObject();
            node.put("sender", o.sender);
            node.put("offendingMessages", o.messages);
            node.put("offendingRecipients", o.recipients);
            o.rules.forEach(node.putArray("rules")::add);
            o.signatures.forEach(node.putArray("signatures")::add);
            final ArrayNode volume = node.putArray("volume");
            new TreeMap<>(o.volume).forEach((day, bySignature) -> volume.addObject().put("day", day)
                    .put("marketingMessages", bySignature.values().stream().mapToLong(Long::longValue).sum()));
        }
        return out;
    }

    private static final class Offender {
        final String sender;
        long messages;
        long recipients;
        final TreeSet<String> rules = new TreeSet<>();
        final TreeSet<String> signatures = new TreeSet<>();
        final Map<String, Map<String, Long>> volume = new HashMap<>();

        Offender(String sender) {
            this.sender = sender;
        }
    }
}
