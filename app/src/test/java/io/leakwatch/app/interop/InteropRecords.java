package io.leakwatch.app.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakwatch.app.run.TrafficView;
import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.BuyerEvidence;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.Evidence;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.PooledSenderEvidence;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.Stratum;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Records that exercise every kind of field the project's schemas use (strings with CJK text and escapes, longs
 * past 2^32, a map, an enum, nested records, arrays of records, unions on both branches), and their plain JSON
 * form: what Python's and JavaScript's Avro libraries hand their callers (unions unwrapped, enums as symbols).
 */
final class InteropRecords {

    static final ObjectMapper JSON = new ObjectMapper();

    private InteropRecords() {
    }

    /** Raw SMS as an SMSC gateway would produce them to {@code sms.events}. */
    static List<SmsEvent> smsEvents() {
        return List.of(
            new SmsEvent("e-1", 1_793_500_000_000L, "106901234567", "+8613800138000",
                "【美柚】您的验证码是834216，5分钟内有效。", Map.of("gateway", "gw-sh-01", "encoding", "UCS2")),
            new SmsEvent("e-2", 1_793_500_060_123L, "95533", "+8613912345678",
                "Club \"VIP\" offer: 回T退订 \\ tab\there", Map.of()),
            new SmsEvent("e-3", 0L, "+8617000000001", "+8618600000002", "", Map.of("empty", "")));
    }

    /** An incident opened with a full evidence pack, and one resolved with every optional field empty. */
    /** 2026-11-02T10:00+08:00, the newest window of {@link #trafficOfTwoWindows}. */
    static final long TRAFFIC_WINDOW = 1_793_584_800_000L;
    private static final long HOUR = 3_600_000L;

    /** Two cohort windows of two apps, meiyou's registrants pulling away in the newer; two spam senders in it. */
    static TrafficView trafficOfTwoWindows(ZoneOffset offset) {
        final TrafficView view = new TrafficView(offset);
        view.add(cohort("meiyou", TRAFFIC_WINDOW - HOUR, 100, 4, 0));
        view.add(cohort("taobao", TRAFFIC_WINDOW - HOUR, 200, 8, 0));
        view.add(cohort("meiyou", TRAFFIC_WINDOW, 100, 30, 12));
        view.add(cohort("taobao", TRAFFIC_WINDOW, 200, 10, 1));
        view.add(sender("10690000123", Map.of("FRAUD", 40L, "NORMAL", 1L), 38, 0.9));
        view.add(sender("10690000456", Map.of("MARKETING", 5L), 5, 0.2));
        view.add(sender("95588", Map.of("TRANSACTIONAL", 300L), 290, 0.1));
        return view;
    }

    private static CohortStats cohort(String app, long start, long members, long exposed, long firstSpams) {
        final List<SenderExposure> senders = exposed == 0 ? List.of() : List.of(SenderExposure.newBuilder()
            .setSender("10690000123").setExposed(exposed).setRecentExposed(exposed).setCategory(Category.FRAUD).build());
        return CohortStats.newBuilder().setApp(app).setWindowStart(start).setWindowEnd(start + HOUR).setRegistrations(5)
            .setRecent(Stratum.newBuilder().setMembers(members).setExposed(exposed).build())
            .setAll(Stratum.newBuilder().setMembers(4 * members).setExposed(exposed).build())
            .setFirstSpams(firstSpams).setSenders(senders).build();
    }

    private static SenderStats sender(String sender, Map<String, Long> byCategory, long recipients, double newRatio) {
        return SenderStats.newBuilder().setSender(sender).setWindowStart(TRAFFIC_WINDOW).setWindowEnd(TRAFFIC_WINDOW + HOUR)
            .setMessages(byCategory.values().stream().mapToLong(Long::longValue).sum()).setByCategory(new HashMap<>(byCategory))
            .setDistinctRecipients(recipients).setNewRecipientRatio(newRatio).setOptOutMessages(0).setDistinctCampaigns(2).build();
    }

    static List<LeakAlert> leakAlerts() {
        return List.of(openAlert(), resolvedAlert());
    }

    /** The plain JSON of records: Avro's own JSON-like rendering, which unwraps unions as these clients do. */
    static JsonNode plainJson(final List<? extends SpecificRecord> records) {
        final ArrayNode array = JSON.createArrayNode();
        records.forEach(record -> array.add(parse(GenericData.get().toString(record))));
        return array;
    }

    static JsonNode parse(final String json) {
        try {
            return JSON.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new AssertionError("not JSON: " + ChildProcess.tail(json), e);
        }
    }

    private static LeakAlert openAlert() {
        final BuyerEvidence buyer = BuyerEvidence.newBuilder()
            .setSender("10690000123").setExposedInCohort(41L).setExposedElsewhere(3L)
            .setLift(12.625).setQValue(3.0517578125e-9).setCategory(Category.FRAUD).setFingerprint("俱乐部#d#url")
            .build();
        final Evidence evidence = Evidence.newBuilder()
            .setStratum("recent").setWindowHours(6).setMembers(5_000_000_123L).setExposed(412L)
            .setExpected(37.5).setRateRatio(10.986666666666666).setRateRatioLower(8.25).setPValue(1.0e-300)
            .setControlMembers(120_000L).setControlExposed(900L)
            .setMedianHoursToFirstSpam(2.5).setControlMedianHoursToFirstSpam(71.0)
            .setNewSenders(new PooledSenderEvidence(57L, 60L, 0.0125, 4.2e-12))
            .setExplainedAway(List.of("taobao", "wechat")).setBuyers(List.of(buyer))
            .build();
        return LeakAlert.newBuilder()
            .setAlertId("meiyou-1793500000000").setApp("meiyou").setStatus(AlertStatus.OPEN)
            .setAt(1_793_503_600_000L).setOnsetEstimate(1_793_500_000_000L)
            .setBuyerSenders(List.of("10690000123", "+8617100000000")).setEvidence(evidence)
            .build();
    }

    private static LeakAlert resolvedAlert() {
        final Evidence evidence = Evidence.newBuilder()
            .setStratum("all").setWindowHours(24).setMembers(0L).setExposed(0L)
            .setExpected(0.0).setRateRatio(1.0).setRateRatioLower(0.0).setPValue(1.0)
            .setControlMembers(0L).setControlExposed(0L)
            .setMedianHoursToFirstSpam(null).setControlMedianHoursToFirstSpam(null).setNewSenders(null)
            .setExplainedAway(List.of()).setBuyers(List.of())
            .build();
        return LeakAlert.newBuilder()
            .setAlertId("meiyou-1793500000000").setApp("meiyou").setStatus(AlertStatus.RESOLVED)
            .setAt(1_793_600_000_000L).setOnsetEstimate(1_793_500_000_000L)
            .setBuyerSenders(List.of()).setEvidence(evidence)
            .build();
    }

    /**
     * The same tree with every number as its exact decimal value: JavaScript writes the double 1.0 as {@code 1},
     * which must still equal Java's {@code 1.0}, while 1.0 and 1.0000001 must not.
     */
    static JsonNode numbersByValue(final JsonNode node) {
        if (node.isNumber()) {
            return JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isArray()) {
            final ArrayNode array = JSON.createArrayNode();
            node.forEach(item -> array.add(numbersByValue(item)));
            return array;
        }
        if (node.isObject()) {
            final ObjectNode object = JSON.createObjectNode();
            node.properties().forEach(field -> object.set(field.getKey(), numbersByValue(field.getValue())));
            return object;
        }
        return node;
    }
}
