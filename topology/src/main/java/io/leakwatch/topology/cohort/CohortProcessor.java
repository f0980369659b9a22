package io.leakwatch.topology.cohort;

import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.Stratum;
import io.leakwatch.schemas.internal.CohortEvent;
import io.leakwatch.schemas.internal.CohortState;
import io.leakwatch.schemas.internal.RegistrationBucket;
import io.leakwatch.schemas.internal.RegistrationHistory;
import io.leakwatch.schemas.internal.SenderAccumulator;
import io.leakwatch.topology.BucketKeys;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.membership.MembershipProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by app. Counts cohort events into their time bucket and, when stream time passes a bucket's end
 * plus the grace period, emits one {@link CohortStats} per app for it, including apps that saw nothing (their
 * members still count for the control).
 *
 * <p>While a bucket waits out its grace period, events of the next bucket arrive; they are counted in a state of their
 * own (the app's key with {@link #NEXT_MARK}), which becomes the app's open state when the first closes. Until
 * 2026-12-02 they were counted in the bucket still open, so every window held the first grace period of the next
 * (a twelfth of it at the default five minutes), and a member exposed on both sides of the hour was counted twice in
 * one window. Later events cannot arrive while a bucket is open: the grace period is shorter than a bucket. A late
 * record of a bucket already closed still counts into the open one.
 *
 * <p>The open bucket is split over two stores: the app's counters ({@link #OPEN_STORE}, one small value per app)
 * and one accumulator per sender that reached the cohort ({@link #SENDERS_STORE}, keyed app, NUL, sender). A
 * store value is read and written whole on every event (the record cache holds serialised bytes), and the senders
 * of a busy app, or of a sender-totals shard, which sees every spam sender, run into the thousands per hour: kept
 * in the app's value they made each event cost as much as the whole map, and the cohort stage the pipeline's
 * bottleneck (38 % of the stream thread in the end-to-end benchmark's profile).
 *
 * <p>Registrations are kept the same way: one entry per app and bucket ({@link #BUCKETS_STORE}, {@link BucketKeys};
 * buckets older than the recent horizon merged into one entry per day), read whole only when a bucket closes. Until
 * 2026-12-02 an app's whole registration history (a day-long entry for each of the 90 days of the membership
 * lifetime, with its overlaps) was one value ({@link #REGISTRATIONS_STORE}), read and written for every registration
 * and every co-membership: a quarter of the replay's time on a scenario of 120 apps. A history of that format moves to
 * the new store on the first event after a start.
 */
public final class CohortProcessor implements Processor<String, CohortEvent, String, CohortStats> {

    public static final String OPEN_STORE = "cohort-open-store";
    /** Up to 2026-12-02: each app's registration history as one value. Read only to move it to {@link #BUCKETS_STORE}. */
    public static final String REGISTRATIONS_STORE = "cohort-registrations-store";
    public static final String BUCKETS_STORE = "cohort-registration-buckets-store";
    public static final String SENDERS_STORE = "cohort-senders-store";
    /** Separates the app from the sender in {@link #SENDERS_STORE} keys; neither contains it. */
    private static final char KEY_SEPARATOR = '\u0000';
    /** Ends the open-store key of an app's next bucket (and its senders' prefix); AppDirectory admits no app id holding it. */
    private static final char NEXT_MARK = '\u0001';
    private static final Serializer<String> PREFIX_SERIALIZER = new StringSerializer();
    /** Hours-to-first-spam histogram: one slot per hour, the last one for "this many or more". */
    static final int HISTOGRAM_SLOTS = 25;
    private static final int FINGERPRINTS_PER_SENDER = 4;
    private static final long BUCKETS_PER_DAY_BLOCK = 24;

    private final LeakWatchConfig config;
    private final long bucketMs;
    private final long graceMs;
    private final long recentMs;
    private final int recentBuckets;
    private final long ttlBuckets;
    private ProcessorContext<String, CohortStats> context;
    private KeyValueStore<String, CohortState> open;
    private KeyValueStore<String, RegistrationHistory> legacyHistories;
    private KeyValueStore<String, RegistrationBucket> registrations;
    private KeyValueStore<String, SenderAccumulator> senders;
    /** Lowest bucket still open in this task; rebuilt from the store after a restart. */
    private long openBucket = Long.MIN_VALUE;
    /** Whether the store holds an open state of the older format already in the next bucket; false after the first close. */
    private boolean mayBeAhead;
    /** Whether {@link #REGISTRATIONS_STORE} may hold histories of the earlier format: until the first event is processed. */
    private boolean legacyPending = true;

    public CohortProcessor(LeakWatchConfig config) {
        this.config = config;
        this.bucketMs = config.bucketMs();
        this.graceMs = config.grace().toMillis();
        this.recentMs = config.recentHorizon().toMillis();
        this.recentBuckets = config.recentBuckets();
        this.ttlBuckets = Math.max(1, config.memberTtl().toMillis() / bucketMs);
    }

    @Override
    public void init(ProcessorContext<String, CohortStats> context) {
        this.context = context;
        this.open = context.getStateStore(OPEN_STORE);
        this.legacyHistories = context.getStateStore(REGISTRATIONS_STORE);
        this.registrations = context.getStateStore(BUCKETS_STORE);
        this.senders = context.getStateStore(SENDERS_STORE);
        long newestOpen = Long.MIN_VALUE;
        try (KeyValueIterator<String, CohortState> it = open.all()) {
            while (it.hasNext()) {
                final KeyValue<String, CohortState> entry = it.next();
                final long bucket = entry.value.getBucket() - (isNextKey(entry.key) ? 1 : 0);
                openBucket = openBucket == Long.MIN_VALUE ? bucket : Math.min(openBucket, bucket);
                newestOpen = isNextKey(entry.key) ? newestOpen : Math.max(newestOpen, bucket);
            }
        }
        mayBeAhead = newestOpen > openBucket;
    }

    @Override
    public void process(Record<String, CohortEvent> record) {
        final CohortEvent event = record.value();
        if (record.key() == null || event == null) {
            return;
        }
        if (legacyPending) {
            moveLegacyHistories();
        }
        closeBucketsUpTo(Math.floorDiv(context.currentStreamTimeMs() - graceMs, bucketMs) - 1);
        final long eventBucket = Math.floorDiv(event.getTs(), bucketMs);
        if (openBucket == Long.MIN_VALUE) {
            openBucket = eventBucket;
        }
        final boolean next = eventBucket > openBucket && !isAhead(event.getApp());
        final String key = next ? nextKey(event.getApp()) : event.getApp();
        final CohortState state = openState(key, event.getApp(), next);
        switch (event.getKind()) {
            case REGISTRATION -> countRegistration(state, event);
            case COMEMBER -> countCoMember(event);
            case EXPOSURE -> countExposure(key, state, event);
            case SENDER_TOTAL -> countSenderTotal(key, state, event);
            case CONTACT -> countContact(key, event);
        }
        open.put(key, state);
    }

    private CohortState openState(String key, String app, boolean next) {
        final CohortState existing = open.get(key);
        if (existing != null) {
            moveSendersOut(existing);
            return existing;
        }
        return emptyState(app, next ? openBucket + 1 : openBucket);
    }

    /**
     * Whether the app's open state is already the next bucket's: written before next states existed, an app whose first
     * event came in a grace period got its open state in the next bucket. Read only for events of the next bucket, and
     * only until the first close after a restart found such states (none are written since).
     */
    private boolean isAhead(String app) {
        if (!mayBeAhead) {
            return false;
        }
        final CohortState state = open.get(app);
        return state != null && state.getBucket() > openBucket;
    }

    private static String nextKey(String app) {
        return app + NEXT_MARK;
    }

    private static boolean isNextKey(String key) {
        return !key.isEmpty() && key.charAt(key.length() - 1) == NEXT_MARK;
    }

    private static CohortState emptyState(String app, long bucket) {
        return CohortState.newBuilder().setApp(app).setBucket(bucket)
                .setSharedExposedRecent(new HashMap<>()).setSharedExposedAll(new HashMap<>())
                .setHoursToFirstSpam(new ArrayList<>()).setSenders(new HashMap<>()).build();
    }

    private void countRegistration(CohortState state, CohortEvent event) {
        state.setRegistrations(state.getRegistrations() + 1);
        final long bucket = Math.floorDiv(event.getRegisteredAt(), bucketMs);
        RegistrationBucket entry = entryCovering(event.getApp(), bucket);
        if (entry == null) {
            entry = RegistrationBucket.newBuilder().setBucket(bucket).setSpan(1).setMembers(0).setShared(new HashMap<>()).build();
        }
        entry.setMembers(entry.getMembers() + 1);
        for (String co : event.getCoApps()) {
            entry.getShared().merge(co, 1L, Long::sum);
        }
        registrations.put(BucketKeys.of(event.getApp(), entry.getBucket()), entry);
    }

    private void countCoMember(CohortEvent event) {
        final RegistrationBucket entry = entryCovering(event.getApp(), Math.floorDiv(event.getRegisteredAt(), bucketMs));
        if (entry != null) {
            entry.getShared().merge(event.getOtherApp(), 1L, Long::sum);
            registrations.put(BucketKeys.of(event.getApp(), entry.getBucket()), entry);
        }
    }

    /** The app's entry that covers a bucket: the bucket's own, or the day-long one it was merged into; null if none. */
    private RegistrationBucket entryCovering(String app, long bucket) {
        final RegistrationBucket own = registrations.get(BucketKeys.of(app, bucket));
        if (own != null) {
            return own;
        }
        final long day = dayBlock(bucket);
        if (day == bucket) {
            return null;
        }
        final RegistrationBucket merged = registrations.get(BucketKeys.of(app, day));
        return merged != null && bucket < merged.getBucket() + merged.getSpan() ? merged : null;
    }

    private static long dayBlock(long bucket) {
        return Math.floorDiv(bucket, BUCKETS_PER_DAY_BLOCK) * BUCKETS_PER_DAY_BLOCK;
    }

    /**
     * Moves every history of the earlier format (one value per app) to one entry per bucket. Entries already in the
     * new store for the same bucket (none unless two formats ran side by side) are added to.
     */
    private void moveLegacyHistories() {
        final List<KeyValue<String, RegistrationHistory>> histories = new ArrayList<>();
        try (KeyValueIterator<String, RegistrationHistory> it = legacyHistories.all()) {
            it.forEachRemaining(histories::add);
        }
        for (KeyValue<String, RegistrationHistory> history : histories) {
            for (RegistrationBucket entry : history.value.getBuckets()) {
                final String key = BucketKeys.of(history.key, entry.getBucket());
                final RegistrationBucket existing = registrations.get(key);
                if (existing != null) {
                    entry.setMembers(entry.getMembers() + existing.getMembers());
                    existing.getShared().forEach((app, n) -> entry.getShared().merge(app, n, Long::sum));
                }
                registrations.put(key, entry);
            }
            legacyHistories.delete(history.key);
        }
        legacyPending = false;
    }

    private void countExposure(String key, CohortState state, CohortEvent event) {
        final boolean recent = event.getTs() - event.getRegisteredAt() < recentMs;
        if (event.getNewMemberBucket()) {
            state.setExposedAll(state.getExposedAll() + 1);
            event.getCoApps().forEach(co -> state.getSharedExposedAll().merge(co, 1L, Long::sum));
            if (recent) {
                state.setExposedRecent(state.getExposedRecent() + 1);
                event.getCoApps().forEach(co -> state.getSharedExposedRecent().merge(co, 1L, Long::sum));
            }
        }
        if (event.getFirstSpam()) {
            state.setFirstSpams(state.getFirstSpams() + 1);
        }
        // Time to first spam is the T+0 signature; only recent registrants can show it, older ones would swamp it.
        if (event.getFirstSpam() && recent) {
            final int hours = (int) Math.min(HISTOGRAM_SLOTS - 1, (event.getTs() - event.getRegisteredAt()) / 3_600_000L);
            final List<Long> histogram = state.getHoursToFirstSpam();
            while (histogram.size() < HISTOGRAM_SLOTS) {
                histogram.add(0L);
            }
            histogram.set(hours, histogram.get(hours) + 1);
        }
        if (event.getSender() != null) {
            state.setMemberSpam(state.getMemberSpam() + 1);
            if (recent) {
                state.setRecentMemberSpam(state.getRecentMemberSpam() + 1);
            }
            countSender(key, state, event, recent);
        }
    }

    private void countSenderTotal(String stateKey, CohortState state, CohortEvent event) {
        final String key = senderKey(stateKey, event.getSender());
        final SenderAccumulator acc = senderAccumulator(key);
        acc.setExposed(acc.getExposed() + event.getCount());
        acc.setContacts(acc.getContacts() + event.getMessages());
        acc.setRecipients(acc.getRecipients() + event.getRecipients());
        senders.put(key, acc);
    }

    /** A message not called spam from a screened sender: counted apart, the detector decides whether it is exposure. */
    private void countContact(String stateKey, CohortEvent event) {
        final boolean recent = event.getTs() - event.getRegisteredAt() < recentMs;
        final String key = senderKey(stateKey, event.getSender());
        final SenderAccumulator acc = senderAccumulator(key);
        acc.setContacts(acc.getContacts() + 1);
        if (recent) {
            acc.setRecentContacts(acc.getRecentContacts() + 1);
        }
        event.getCoApps().forEach(co -> acc.getContactShared().merge(co, 1L, Long::sum));
        countKinds(acc, event);
        senders.put(key, acc);
    }

    /** A sender's accumulator under an app's open state, or under its next bucket's when {@code stateKey} is a next key. */
    private static String senderKey(String stateKey, String sender) {
        return stateKey + KEY_SEPARATOR + sender;
    }

    private SenderAccumulator senderAccumulator(String key) {
        final SenderAccumulator existing = senders.get(key);
        return existing != null ? existing : emptySenderAccumulator();
    }

    /**
     * A state written before the senders had a store of their own (the format of LeakWatch up to 2026-12-01) still
     * carries them inline: they move to {@link #SENDERS_STORE} the first time the app's state is read.
     */
    private void moveSendersOut(CohortState state) {
        if (state.getSenders().isEmpty()) {
            return;
        }
        state.getSenders().forEach((sender, acc) -> senders.put(senderKey(state.getApp(), sender), acc));
        state.setSenders(new HashMap<>());
    }

    private static SenderAccumulator emptySenderAccumulator() {
        return SenderAccumulator.newBuilder().setShared(new HashMap<>()).setByCategory(new HashMap<>())
                .setByFingerprint(new HashMap<>()).setContactShared(new HashMap<>()).build();
    }

    private void countSender(String stateKey, CohortState state, CohortEvent event, boolean recent) {
        final String key = senderKey(stateKey, event.getSender());
        final SenderAccumulator acc = senderAccumulator(key);
        acc.setExposed(acc.getExposed() + 1);
        if (recent) {
            acc.setRecentExposed(acc.getRecentExposed() + 1);
        }
        event.getCoApps().forEach(co -> acc.getShared().merge(co, 1L, Long::sum));
        countKinds(acc, event);
        senders.put(key, acc);
    }

    private static void countKinds(SenderAccumulator acc, CohortEvent event) {
        if (event.getCategory() != null) {
            acc.getByCategory().merge(event.getCategory().name(), 1L, Long::sum);
        }
        final Map<String, Long> fingerprints = acc.getByFingerprint();
        if (fingerprints.containsKey(event.getFingerprint()) || fingerprints.size() < FINGERPRINTS_PER_SENDER) {
            fingerprints.merge(event.getFingerprint(), 1L, Long::sum);
        }
    }

    /** Emits every bucket up to and including {@code lastClosable} for every app of this task. */
    private void closeBucketsUpTo(long lastClosable) {
        if (openBucket == Long.MIN_VALUE || lastClosable < openBucket) {
            return;
        }
        final Map<String, CohortState> current = new TreeMap<>();
        final Map<String, CohortState> next = new TreeMap<>();
        try (KeyValueIterator<String, CohortState> it = open.all()) {
            it.forEachRemaining(entry -> (isNextKey(entry.key) ? next : current).put(entry.value.getApp(), entry.value));
        }
        for (Map.Entry<String, CohortState> entry : current.entrySet()) {
            moveSendersOut(entry.getValue());
            open.put(entry.getKey(), advance(entry.getValue(), next.remove(entry.getKey()), lastClosable));
        }
        // apps whose first event of all came while the bucket before waited out its grace
        for (Map.Entry<String, CohortState> entry : next.entrySet()) {
            open.put(entry.getKey(), advance(promote(entry.getValue()), null, lastClosable));
        }
        openBucket = lastClosable + 1;
        mayBeAhead = false;
    }

    /**
     * Emits an app's buckets from its open state's up to {@code lastClosable}, the next bucket's state (if any) taking
     * over from the open one when the loop reaches its bucket, and returns the app's new open state.
     */
    private CohortState advance(CohortState open, CohortState next, long lastClosable) {
        CohortState state = open;
        // After a long silence, zero buckets beyond the longest window carry no information.
        final long firstToEmit = Math.max(state.getBucket(), lastClosable - config.maxWindowBuckets());
        for (long bucket = state.getBucket(); bucket <= lastClosable; bucket++) {
            if (bucket >= firstToEmit) {
                emit(state, bucket);
            } else if (bucket == state.getBucket()) {
                // not emitted: its senders must not spill into the next bucket
                takeSenders(state.getApp());
            }
            if (next != null && next.getBucket() == bucket + 1) {
                state = promote(next);
                next = null;
            } else {
                state = emptyState(state.getApp(), bucket + 1);
            }
        }
        return state; // a next state not taken over stays under its key until the bucket before it closes
    }

    /** Makes an app's next-bucket state its open state: its senders move to the open state's keys. */
    private CohortState promote(CohortState next) {
        final String app = next.getApp();
        final String prefix = senderKey(nextKey(app), "");
        final List<KeyValue<String, SenderAccumulator>> moved = new ArrayList<>();
        try (KeyValueIterator<String, SenderAccumulator> it = senders.prefixScan(prefix, PREFIX_SERIALIZER)) {
            it.forEachRemaining(moved::add);
        }
        for (KeyValue<String, SenderAccumulator> entry : moved) {
            senders.put(senderKey(app, entry.key.substring(prefix.length())), entry.value);
            senders.delete(entry.key);
        }
        open.delete(nextKey(app));
        return next;
    }

    private void emit(CohortState state, long bucket) {
        final boolean totals = state.getApp().startsWith(MembershipProcessor.TOTALS_PREFIX);
        final List<RegistrationBucket> history = totals ? List.of() : compactHistory(state.getApp(), bucket);
        final boolean closingOwnBucket = state.getBucket() == bucket;
        final CohortStats stats = CohortStats.newBuilder()
                .setApp(state.getApp())
                .setWindowStart(bucket * bucketMs)
                .setWindowEnd((bucket + 1) * bucketMs)
                .setRegistrations(closingOwnBucket ? state.getRegistrations() : 0)
                .setRecent(stratum(history, bucket, bucket - recentBuckets + 1,
                        closingOwnBucket ? state.getExposedRecent() : 0, closingOwnBucket ? state.getSharedExposedRecent() : Map.of()))
                .setAll(stratum(history, bucket, bucket - ttlBuckets + 1,
                        closingOwnBucket ? state.getExposedAll() : 0, closingOwnBucket ? state.getSharedExposedAll() : Map.of()))
                .setFirstSpams(closingOwnBucket ? state.getFirstSpams() : 0)
                .setMemberSpam(closingOwnBucket ? state.getMemberSpam() : 0)
                .setRecentMemberSpam(closingOwnBucket ? state.getRecentMemberSpam() : 0)
                .setHoursToFirstSpam(closingOwnBucket ? state.getHoursToFirstSpam() : List.of())
                .setSenders(closingOwnBucket
                        ? topSenders(takeSenders(state.getApp()), totals ? Integer.MAX_VALUE : config.topSenders())
                        : List.of())
                .build();
        context.forward(new Record<>(state.getApp(), stats, (bucket + 1) * bucketMs - 1));
    }

    /** Members registered in buckets [from, bucket], with their overlaps, and the exposure counted. */
    private static Stratum stratum(List<RegistrationBucket> history, long bucket, long from, long exposed,
                                   Map<String, Long> sharedExposed) {
        long members = 0;
        final Map<String, Long> shared = new TreeMap<>();
        for (RegistrationBucket entry : history) {
            final long last = entry.getBucket() + entry.getSpan() - 1;
            if (last < from || entry.getBucket() > bucket) {
                continue;
            }
            members += entry.getMembers();
            entry.getShared().forEach((app, n) -> shared.merge(app, n, Long::sum));
        }
        return Stratum.newBuilder().setMembers(members).setExposed(exposed).setSharedMembers(shared)
                .setSharedExposed(new TreeMap<>(sharedExposed)).build();
    }

    /** The app's senders of the open bucket by sender, removed from the store so the next bucket starts empty. */
    private Map<String, SenderAccumulator> takeSenders(String app) {
        final String prefix = senderKey(app, "");
        final Map<String, SenderAccumulator> bySender = new HashMap<>();
        try (KeyValueIterator<String, SenderAccumulator> it = senders.prefixScan(prefix, PREFIX_SERIALIZER)) {
            it.forEachRemaining(entry -> bySender.put(entry.key.substring(prefix.length()), entry.value));
        }
        bySender.keySet().forEach(sender -> senders.delete(senderKey(app, sender)));
        return bySender;
    }

    /**
     * The senders that reached the cohort most: the {@code limit} largest by spam, then the {@code limit} largest by
     * contacts among the rest, so that contacts never push a spam sender off the list. For a totals shard,
     * {@code contacts} carries a sender's other countable messages to anyone and {@code recipients} its distinct
     * recipients.
     */
    private static List<SenderExposure> topSenders(Map<String, SenderAccumulator> bySender, int limit) {
        final List<Map.Entry<String, SenderAccumulator>> bySpam = largest(bySender, SenderAccumulator::getExposed, limit);
        final Set<String> listed = new HashSet<>();
        bySpam.forEach(e -> listed.add(e.getKey()));
        final Map<String, SenderAccumulator> rest = new HashMap<>(bySender);
        rest.keySet().removeAll(listed);
        final List<Map.Entry<String, SenderAccumulator>> top = new ArrayList<>(bySpam);
        top.addAll(largest(rest, SenderAccumulator::getContacts, limit));
        return top.stream()
                .map(e -> SenderExposure.newBuilder()
                        .setSender(e.getKey())
                        .setExposed(e.getValue().getExposed())
                        .setRecentExposed(e.getValue().getRecentExposed())
                        .setShared(new TreeMap<>(e.getValue().getShared()))
                        .setContacts(e.getValue().getContacts())
                        .setRecentContacts(e.getValue().getRecentContacts())
                        .setContactShared(new TreeMap<>(e.getValue().getContactShared()))
                        .setRecipients(e.getValue().getRecipients())
                        .setCategory(Category.valueOf(argMax(e.getValue().getByCategory(), Category.MARKETING.name())))
                        .setFingerprint(argMax(e.getValue().getByFingerprint(), ""))
                        .build())
                .toList();
    }

    /** The {@code limit} senders with the largest positive count, most first, ties by sender. */
    private static List<Map.Entry<String, SenderAccumulator>> largest(Map<String, SenderAccumulator> bySender,
                                                                      ToLongFunction<SenderAccumulator> count, int limit) {
        return bySender.entrySet().stream()
                .filter(e -> count.applyAsLong(e.getValue()) > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, SenderAccumulator> e) -> -count.applyAsLong(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .toList();
    }

    private static String argMax(Map<String, Long> counts, String fallback) {
        return counts.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue()).thenComparing(Map.Entry::getKey,
                        Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    /**
     * The app's registrations, oldest first, after dropping those past the membership lifetime and merging those older
     * than the recent horizon into day-long entries, so the history stays small (a few hundred entries) however busy
     * the app. The store is updated to match.
     */
    private List<RegistrationBucket> compactHistory(String app, long bucket) {
        final List<RegistrationBucket> entries = new ArrayList<>();
        try (KeyValueIterator<String, RegistrationBucket> it = registrations.prefixScan(BucketKeys.prefix(app), PREFIX_SERIALIZER)) {
            it.forEachRemaining(entry -> entries.add(entry.value));
        }
        final List<RegistrationBucket> kept = new ArrayList<>();
        RegistrationBucket day = null;
        boolean dayChanged = false;
        for (RegistrationBucket entry : entries) {
            if (entry.getBucket() + entry.getSpan() - 1 < bucket - ttlBuckets + 1) {
                registrations.delete(BucketKeys.of(app, entry.getBucket()));
                continue;
            }
            final long block = dayBlock(entry.getBucket());
            // Merge only whole days that lie entirely before the recent horizon, so the recent stratum stays exact.
            final boolean wholeDayOld = block + BUCKETS_PER_DAY_BLOCK - 1 < bucket - recentBuckets;
            if (!wholeDayOld || entry.getSpan() != 1) {
                kept.add(entry);
                continue;
            }
            if (day == null || day.getBucket() != block) {
                if (dayChanged) {
                    registrations.put(BucketKeys.of(app, day.getBucket()), day);
                    dayChanged = false;
                }
                final RegistrationBucket last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
                if (last != null && last.getBucket() == block && last.getSpan() == BUCKETS_PER_DAY_BLOCK) {
                    day = last;
                } else {
                    day = RegistrationBucket.newBuilder().setBucket(block).setSpan(BUCKETS_PER_DAY_BLOCK).setMembers(0)
                            .setShared(new HashMap<>()).build();
                    kept.add(day);
                }
            }
            day.setMembers(day.getMembers() + entry.getMembers());
            final Map<String, Long> shared = day.getShared();
            entry.getShared().forEach((other, n) -> shared.merge(other, n, Long::sum));
            dayChanged = true;
            if (entry.getBucket() != block) {
                registrations.delete(BucketKeys.of(app, entry.getBucket()));
            }
        }
        if (dayChanged) {
            registrations.put(BucketKeys.of(app, day.getBucket()), day);
        }
        return kept;
    }
}
