package io.leakwatch.app.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakwatch.schemas.BuyerEvidence;
import io.leakwatch.schemas.Evidence;
import io.leakwatch.schemas.LeakAlert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A leak alert as one JSON line in the format of {@code simulator/scenarios/README.md}; times in a given offset. */
public final class AlertJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    public static String line(LeakAlert alert, ZoneOffset offset) {
        return toNode(alert, offset).toString();
    }

    public static ObjectNode toNode(LeakAlert alert, ZoneOffset offset) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("alertId", alert.getAlertId());
        node.put("app", alert.getApp());
        node.put("status", alert.getStatus().name());
        node.put("at", time(alert.getAt(), offset));
        node.put("onsetEstimate", time(alert.getOnsetEstimate(), offset));
        final ArrayNode buyers = node.putArray("buyerSenders");
        alert.getBuyerSenders().forEach(buyers::add);
        node.set("evidence", evidence(alert.getEvidence()));
        return node;
    }

    private static ObjectNode evidence(Evidence e) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("stratum", e.getStratum());
        node.put("windowHours", e.getWindowHours());
        node.put("memberHours", e.getMembers());
        node.put("exposed", e.getExposed());
        node.put("expected", round(e.getExpected()));
        node.put("rateRatio", round(e.getRateRatio()));
        node.put("rateRatioLower", round(e.getRateRatioLower()));
        node.put("pValue", e.getPValue());
        node.put("controlMemberHours", e.getControlMembers());
        node.put("controlExposed", e.getControlExposed());
        node.put("exposedByText", e.getExposedByText());
        node.put("exposedBySenderBehaviour", e.getExposedBySenderBehaviour());
        if (e.getMedianHoursToFirstSpam() != null) {
            node.put("medianHoursToFirstSpam", round(e.getMedianHoursToFirstSpam()));
        }
        if (e.getControlMedianHoursToFirstSpam() != null) {
            node.put("controlMedianHoursToFirstSpam", round(e.getControlMedianHoursToFirstSpam()));
        }
        if (e.getNewSenders() != null) {
            final ObjectNode pooled = node.putObject("newSenders");
            pooled.put("messagesInCohort", e.getNewSenders().getMessagesInCohort());
            pooled.put("messagesSent", e.getNewSenders().getMessagesSent());
            pooled.put("expectedShare", e.getNewSenders().getExpectedShare());
            pooled.put("pValue", e.getNewSenders().getPValue());
        }
        final ArrayNode explained = node.putArray("explainedAway");
        e.getExplainedAway().forEach(explained::add);
        final ArrayNode buyers = node.putArray("buyers");
        for (BuyerEvidence b : e.getBuyers()) {
            final ObjectNode buyer = buyers.addObject();
            buyer.put("sender", b.getSender());
            buyer.put("exposedInCohort", b.getExposedInCohort());
            buyer.put("exposedElsewhere", b.getExposedElsewhere());
            buyer.put("lift", round(b.getLift()));
            buyer.put("qValue", b.getQValue());
            buyer.put("category", b.getCategory().name());
            buyer.put("fingerprint", b.getFingerprint());
            buyer.put("signal", b.getSignal());
        }
        return node;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000.0) / 1000.0 : value;
    }

    public static String time(long epochMillis, ZoneOffset offset) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atOffset(offset));
    }
}
