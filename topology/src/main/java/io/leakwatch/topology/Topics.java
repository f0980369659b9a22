package io.leakwatch.topology;

import io.leakwatch.schemas.App;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.serde.AvroSerdes;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics LeakWatch reads and writes, each with its serdes. Internal topics (repartition, changelog)
 * are named by the topology's named operations and prefixed by the application id.
 */
public final class Topics {

    /** Raw SMS in the Confluent Avro wire format ({@code SmsEvent}); read as bytes so unreadable records reach the DLQ. */
    public final Topic<byte[], byte[]> smsEvents;
    public final Topic<String, DeadLetter> deadLetters;
    public final Topic<String, ClassifiedSms> classified;
    public final Topic<String, SenderStats> senderStats;
    public final Topic<String, CohortStats> cohortStats;
    public final Topic<String, LeakAlert> leakAlerts;
    public final Topic<String, ComplianceFinding> complianceFindings;
    public final Topic<String, App> apps;
    public final Topic<String, Rule> rules;

    public Topics(AvroSerdes serdes) {
        smsEvents = new Topic<>("sms.events", Serdes.ByteArray(), Serdes.ByteArray(), false,
                "SMS as the SMSC hands them over (SmsEvent), keyed by anything; the only topic with raw numbers and text");
        deadLetters = new Topic<>("sms.dlq", Serdes.String(), serdes.value(DeadLetter.class), false,
                "records that could not be read, with the reason and the original bytes");
        classified = new Topic<>("sms.classified", Serdes.String(), serdes.value(ClassifiedSms.class), false,
                "every message classified, keyed by recipient token; no text, no raw number");
        senderStats = new Topic<>("sender.stats", Serdes.String(), serdes.value(SenderStats.class), false,
                "per-sender traffic per window, keyed by sender, once when the window closes and once per later correction");
        cohortStats = new Topic<>("cohort.stats", Serdes.String(), serdes.value(CohortStats.class), false,
                "per-app cohort spam exposure per bucket, keyed by app, once per bucket");
        leakAlerts = new Topic<>("leak.alerts", Serdes.String(), serdes.value(LeakAlert.class), false,
                "leak incidents' state changes (OPEN, UPDATED, RESOLVED), keyed by app");
        complianceFindings = new Topic<>("compliance.findings", Serdes.String(), serdes.value(ComplianceFinding.class), false,
                "marketing rules broken per sender, signature and local day, keyed by sender; no number, no text");
        apps = new Topic<>("apps", Serdes.String(), serdes.value(App.class), true,
                "watched apps by id (compacted): names, signatures, ports");
        rules = new Topic<>("rules", Serdes.String(), serdes.value(Rule.class), true,
                "classification rules by id (compacted); a tombstone deletes one");
    }

    public List<Topic<?, ?>> all() {
        return List.of(smsEvents, deadLetters, classified, senderStats, cohortStats, leakAlerts, complianceFindings, apps, rules);
    }
}
