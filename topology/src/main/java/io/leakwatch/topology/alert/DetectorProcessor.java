package io.leakwatch.topology.alert;

import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.BuyerEvidence;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.Evidence;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.internal.CohortHistory;
import io.leakwatch.schemas.internal.Incident;
import io.leakwatch.topology.BucketKeys;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.membership.MembershipProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sees every app's cohort statistics (one partition: a few records per app per bucket). Evaluates a bucket once
 * every known app has reported it, or once a later bucket shows up, and turns the signals into incident state
 * changes: OPEN on a new signal, UPDATED when the evidence grows (a new buyer, or exposure grown by the update
 * factor), RESOLVED after the configured number of quiet evaluations. Never one alert per window.
 *
 * <p>An evaluation is quiet when it raises no signal for the app and the incident's buyers no longer target its
 * members. A weak leak's test passes in some hours and not in others; until 2026-12-02 an evaluation was quiet as
 * soon as the test failed, and a held-out scenario (5 % of jd's registrants, one message each) saw its incident
 * RESOLVED while both buyers went on, and a second one OPEN nine hours later for the same leak.
 *
 * <p>An app's history is one value of {@link #HISTORY_STORE}: its last {@code maxWindowBuckets} statistics, each
 * with at most {@code leakwatch.top.senders} senders. A sender-totals shard lists every spam sender of its share of
 * the traffic, so its windows are one value each (keys: {@link BucketKeys}), and no value grows with the
 * window count. Until 2026-12-02 a shard's 24 windows were one value too: about 35 bytes per sender and window
 * serialised, so past Kafka's default 1 MB limit on a record (and so on a changelog record) at some 1,200 spam
 * senders per shard and hour, 10,000 in all, which a national carrier's traffic can exceed. One window of a shard
 * reaches 1 MB at some 30,000 senders per shard and hour; the repartition record that brings it has the same size.
 */
public final class DetectorProcessor implements Processor<String, CohortStats, String, LeakAlert> {

    public static final String HISTORY_STORE = "detector-history-store";
    public static final String INCIDENT_STORE = "incident-store";
    public static final String SENDER_FIRST_SEEN_STORE = "sender-first-seen-store";
    /**
     * Buyers still target a cohort when the share of their spam that reaches it is at least this many times the
     * share of all spam that does: a buyer that also sprays random lists reaches a large cohort by chance.
     */
    static final double TARGETING_LIFT = 2.0;

    private final LeakWatchConfig config;
    private final LeakEvaluator evaluator;
    private final PipelineListener listener;
    private ProcessorContext<String, LeakAlert> context;
    private KeyValueStore<String, CohortHistory> histories;
    private KeyValueStore<String, Incident> incidents;
    private KeyValueStore<String, Long> firstSeen;
    /** Last bucket evaluated, and the apps that reported the newest bucket so far. */
    private long evaluatedBucket = Long.MIN_VALUE;
    private long newestBucket = Long.MIN_VALUE;
    private final Set<String> reportedNewest = new LinkedHashSet<>();
    private final Set<String> knownApps = new LinkedHashSet<>();

    public DetectorProcessor(LeakWatchConfig config, PipelineListener listener) {
        this.config = config;
        this.evaluator = new LeakEvaluator(config);
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, LeakAlert> context) {
        this.context = context;
        this.histories = context.getStateStore(HISTORY_STORE);
        this.incidents = context.getStateStore(INCIDENT_STORE);
        this.firstSeen = context.getStateStore(SENDER_FIRST_SEEN_STORE);
        try (KeyValueIterator<String, CohortHistory> it = histories.all()) {
            while (it.hasNext()) {
                final KeyValue<String, CohortHistory> entry = it.next();
                knownApps.add(entry.value.getApp());
                final List<CohortStats> stats = entry.value.getStats();
                if (!stats.isEmpty()) {
                    newestBucket = Math.max(newestBucket, bucketOf(stats.get(stats.size() - 1)));
                }
            }
        }
        evaluatedBucket = newestBucket;
    }

    @Override
    public void process(Record<String, CohortStats> record) {
        final CohortStats stats = record.value();
        if (stats == null) {
            return;
        }
        final long bucket = bucketOf(stats);
        if (bucket > newestBucket) {
            if (newestBucket != Long.MIN_VALUE && evaluatedBucket < newestBucket) {
                evaluate(newestBucket);
            }
            newestBucket = bucket;
            reportedNewest.clear();
        }
        remember(stats);
        if (bucket == newestBucket) {
            reportedNewest.add(stats.getApp());
            if (evaluatedBucket < newestBucket && reportedNewest.containsAll(knownApps)) {
                evaluate(newestBucket);
            }
        }
    }

    private long bucketOf(CohortStats stats) {
        return Math.floorDiv(stats.getWindowStart(), config.bucketMs());
    }

    private void remember(CohortStats stats) {
        if (stats.getApp().startsWith(MembershipProcessor.TOTALS_PREFIX)) {
            for (SenderExposure sender : stats.getSenders()) {
                if (firstSeen.get(sender.getSender()) == null) {
                    firstSeen.put(sender.getSender(), stats.getWindowStart());
                }
            }
            rememberShardWindow(stats);
            return;
        }
        final CohortHistory existing = histories.get(stats.getApp());
        final List<CohortStats> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing.getStats());
        list.removeIf(s -> s.getWindowStart() == stats.getWindowStart());
        int at = list.size();
        while (at > 0 && list.get(at - 1).getWindowStart() > stats.getWindowStart()) {
            at--;
        }
        list.add(at, stats);
        while (list.size() > config.maxWindowBuckets()) {
            list.remove(0);
        }
        knownApps.add(stats.getApp());
        histories.put(stats.getApp(), CohortHistory.newBuilder().setApp(stats.getApp()).setStats(list).build());
    }

    /** A shard's window under a key of its own; a shard history of the earlier format (all windows in one value) is split first. */
    private void rememberShardWindow(CohortStats stats) {
        final CohortHistory legacy = histories.get(stats.getApp());
        if (legacy != null) {
            for (CohortStats old : legacy.getStats()) {
                putShardWindow(old);
            }
            histories.delete(stats.getApp());
        }
        putShardWindow(stats);
        knownApps.add(stats.getApp());
    }

    private void putShardWindow(CohortStats stats) {
        histories.put(BucketKeys.of(stats.getApp(), bucketOf(stats)),
                CohortHistory.newBuilder().setApp(stats.getApp()).setStats(new ArrayList<>(List.of(stats))).build());
    }

    /**
     * Every app's and shard's history, oldest first, as the evaluation reads it: a shard's windows gathered from their
     * keys, only its newest {@code maxWindowBuckets} kept (older ones are deleted), as an app's history keeps them.
     */
    private SortedMap<String, List<CohortStats>> readHistories() {
        final SortedMap<String, List<CohortStats>> all = new TreeMap<>();
        final Set<String> shardsByWindow = new TreeSet<>();
        try (KeyValueIterator<String, CohortHistory> it = histories.all()) {
            while (it.hasNext()) {
                final KeyValue<String, CohortHistory> entry = it.next();
                all.computeIfAbsent(entry.value.getApp(), app -> new ArrayList<>()).addAll(entry.value.getStats());
                if (BucketKeys.isBucketKey(entry.key)) {
                    shardsByWindow.add(entry.value.getApp());
                }
            }
        }
        for (String shard : shardsByWindow) {
            final List<CohortStats> stats = all.get(shard);
            stats.sort(Comparator.comparingLong(CohortStats::getWindowStart));
            while (stats.size() > config.maxWindowBuckets()) {
                histories.delete(BucketKeys.of(shard, bucketOf(stats.remove(0))));
            }
        }
        return all;
    }

    private void evaluate(long bucket) {
        evaluatedBucket = bucket;
        final long at = (bucket + 1) * config.bucketMs() + config.grace().toMillis();
        final SortedMap<String, List<CohortStats>> window = new TreeMap<>();
        for (Map.Entry<String, List<CohortStats>> entry : readHistories().entrySet()) {
            final List<CohortStats> upTo = new ArrayList<>();
            for (CohortStats s : entry.getValue()) {
                if (bucketOf(s) <= bucket) {
                    upTo.add(s);
                }
            }
            if (!upTo.isEmpty()) {
                window.put(entry.getKey(), upTo);
            }
        }
        final Map<String, LeakEvaluator.Signal> signals = new TreeMap<>();
        evaluator.evaluate(window, newSenders(window, (bucket + 1) * config.bucketMs() - config.newSenderHorizon().toMillis()))
                .forEach(s -> signals.put(s.app(), s));
        for (Map.Entry<String, LeakEvaluator.Signal> e : signals.entrySet()) {
            onSignal(e.getValue(), window.get(e.getKey()), at);
        }
        final List<KeyValue<String, Incident>> open = new ArrayList<>();
        try (KeyValueIterator<String, Incident> it = incidents.all()) {
            it.forEachRemaining(open::add);
        }
        for (KeyValue<String, Incident> entry : open) {
            if (entry.value.getOpen() && !signals.containsKey(entry.key)) {
                if (buyersStillTarget(entry.value, window, bucket)) {
                    entry.value.setQuietBuckets(0);
                    incidents.put(entry.key, entry.value);
                } else {
                    onQuiet(entry.value, at);
                }
            }
        }
    }

    /**
     * Whether the incident's buyers reached the app's members in the bucket, with a share of all they sent at least
     * {@link #TARGETING_LIFT} times the share of all spam that reached those members (the sender-total shards hold
     * every sender's spam to anyone).
     */
    private boolean buyersStillTarget(Incident incident, SortedMap<String, List<CohortStats>> window, long bucket) {
        final CohortStats own = statsOf(window.get(incident.getApp()), bucket);
        if (own == null) {
            return false;
        }
        final Set<String> buyers = Set.copyOf(incident.getBuyers());
        // a buyer named for its bulk sending brings its other messages too; the spam of everyone else is the baseline
        final long buyerContacts = own.getSenders().stream().filter(s -> buyers.contains(s.getSender()))
                .mapToLong(SenderExposure::getContacts).sum();
        final long inCohort = own.getSenders().stream().filter(s -> buyers.contains(s.getSender()))
                .mapToLong(SenderExposure::getExposed).sum() + buyerContacts;
        if (inCohort == 0) {
            return false;
        }
        long sent = 0;
        long allSpam = 0;
        for (Map.Entry<String, List<CohortStats>> entry : window.entrySet()) {
            final CohortStats totals = entry.getKey().startsWith(MembershipProcessor.TOTALS_PREFIX)
                    ? statsOf(entry.getValue(), bucket) : null;
            if (totals != null) {
                for (SenderExposure sender : totals.getSenders()) {
                    final long counted = sender.getExposed() + (buyers.contains(sender.getSender()) ? sender.getContacts() : 0);
                    allSpam += counted;
                    sent += buyers.contains(sender.getSender()) ? counted : 0;
                }
            }
        }
        if (allSpam == 0) {
            return false;
        }
        final double cohortShare = (double) (own.getMemberSpam() + buyerContacts) / allSpam;
        return (double) inCohort / Math.max(sent, inCohort) >= TARGETING_LIFT * cohortShare;
    }

    /** The statistics of one bucket in an app's history, or null. */
    private CohortStats statsOf(List<CohortStats> history, long bucket) {
        if (history == null) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (bucketOf(history.get(i)) == bucket) {
                return history.get(i);
            }
        }
        return null;
    }

    /** Senders in the window's totals that were first seen at or after {@code since}. */
    private Set<String> newSenders(SortedMap<String, List<CohortStats>> window, long since) {
        final Set<String> fresh = new java.util.HashSet<>();
        window.forEach((key, stats) -> {
            if (key.startsWith(MembershipProcessor.TOTALS_PREFIX)) {
                stats.forEach(s -> s.getSenders().forEach(e -> {
                    final Long first = firstSeen.get(e.getSender());
                    if (first != null && first >= since) {
                        fresh.add(e.getSender());
                    }
                }));
            }
        });
        return fresh;
    }

    private void onSignal(LeakEvaluator.Signal signal, List<CohortStats> history, long at) {
        final Incident incident = incidents.get(signal.app());
        final List<String> buyers = signal.buyers().stream().map(BuyerEvidence::getSender).toList();
        if (incident == null || !incident.getOpen()) {
            final long onset = onset(history, buyers, signal.windowStart());
            final Incident opened = Incident.newBuilder()
                    .setAlertId(signal.app() + "-" + at)
                    .setApp(signal.app()).setOpen(true).setOpenedAt(at).setLastEmittedAt(at)
                    .setLastEmittedExposed(signal.rate().k()).setQuietBuckets(0).setOnset(onset)
                    .setBuyers(new ArrayList<>(buyers)).build();
            incidents.put(signal.app(), opened);
            emit(opened, AlertStatus.OPEN, at, signal);
            return;
        }
        incident.setQuietBuckets(0);
        final Set<String> known = new LinkedHashSet<>(incident.getBuyers());
        final boolean newBuyer = !known.containsAll(buyers);
        final boolean grown = signal.rate().k() >= incident.getLastEmittedExposed() * config.updateGrowth();
        if (newBuyer || grown) {
            known.addAll(buyers);
            incident.setBuyers(new ArrayList<>(known));
            incident.setLastEmittedAt(at);
            incident.setLastEmittedExposed(Math.max(incident.getLastEmittedExposed(), signal.rate().k()));
            emit(incident, AlertStatus.UPDATED, at, signal);
        }
        incidents.put(signal.app(), incident);
    }

    private void onQuiet(Incident incident, long at) {
        incident.setQuietBuckets(incident.getQuietBuckets() + 1);
        if (incident.getQuietBuckets() >= config.resolveAfter()) {
            incident.setOpen(false);
            incident.setLastEmittedAt(at);
            emit(incident, AlertStatus.RESOLVED, at, null);
        }
        incidents.put(incident.getApp(), incident);
    }

    /** The start of the earliest bucket in which one of the buyers reached the cohort. */
    private static long onset(List<CohortStats> history, List<String> buyers, long fallback) {
        for (CohortStats stats : history) {
            for (SenderExposure sender : stats.getSenders()) {
                if (buyers.contains(sender.getSender())) {
                    return stats.getWindowStart();
                }
            }
        }
        return fallback;
    }

    private void emit(Incident incident, AlertStatus status, long at, LeakEvaluator.Signal signal) {
        final LeakAlert alert = LeakAlert.newBuilder()
                .setAlertId(incident.getAlertId())
                .setApp(incident.getApp())
                .setStatus(status)
                .setAt(at)
                .setOnsetEstimate(incident.getOnset())
                .setBuyerSenders(new ArrayList<>(incident.getBuyers()))
                .setEvidence(signal == null ? emptyEvidence() : evidence(signal))
                .build();
        listener.alert(alert);
        context.forward(new Record<>(incident.getApp(), alert, at));
    }

    private static Evidence evidence(LeakEvaluator.Signal signal) {
        final RateTest rate = signal.rate();
        return Evidence.newBuilder()
                .setStratum(signal.stratum())
                .setWindowHours(signal.windowBuckets())
                .setMembers(Math.round(rate.n()))
                .setExposed(rate.k())
                .setExpected(rate.expected())
                .setRateRatio(finite(rate.rateRatio()))
                .setRateRatioLower(finite(rate.rateRatioLower()))
                .setPValue(rate.pValue())
                .setControlMembers(Math.round(rate.nc()))
                .setControlExposed(rate.kc())
                .setMedianHoursToFirstSpam(signal.medianHoursToFirstSpam())
                .setControlMedianHoursToFirstSpam(signal.controlMedianHoursToFirstSpam())
                .setNewSenders(signal.newSenders())
                .setExposedByText(signal.exposedByText())
                .setExposedBySenderBehaviour(signal.exposedBySenderBehaviour())
                .setExplainedAway(signal.explainedAway())
                .setBuyers(signal.buyers())
                .build();
    }

    /** JSON has no infinity; a ratio with an empty control is reported as the largest double. */
    private static double finite(double value) {
        return Double.isFinite(value) ? value : Double.MAX_VALUE;
    }

    private static Evidence emptyEvidence() {
        return Evidence.newBuilder().setStratum("none").setWindowHours(0).setMembers(0).setExposed(0).setExpected(0)
                .setRateRatio(0).setRateRatioLower(0).setPValue(1).setControlMembers(0).setControlExposed(0)
                .setExplainedAway(List.of()).setBuyers(List.of()).build();
    }

}
