package io.leakwatch.topology.alert;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.BuyerEvidence;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.Stratum;
import io.leakwatch.topology.LeakWatchConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LeakEvaluatorTest {

    private static final int BUCKETS = 24;
    private static final long MEMBERS = 100;
    private static final long BASELINE = 5;
    private static final int SPIKE_BUCKETS = 3;
    private final LeakEvaluator evaluator = new LeakEvaluator(LeakWatchConfig.demo());

    @Test
    void shouldSignalTheOneAppWhoseCohortSpikesAndNameItsBuyers() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        spike("app07", histories, Map.of("buyer-1", 20L, "buyer-2", 15L), Map.of());
        addSpamTotals(histories, Map.of("buyer-1", 20L, "buyer-2", 15L));

        final List<LeakEvaluator.Signal> signals = evaluator.evaluate(histories);

        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.app()).isEqualTo("app07");
            assertThat(signal.buyers()).extracting(BuyerEvidence::getSender).containsExactlyInAnyOrder("buyer-1", "buyer-2");
            assertThat(signal.buyers()).allSatisfy(b -> {
                assertThat(b.getExposedElsewhere()).isZero();
                assertThat(b.getLift()).isGreaterThan(5.0);
            });
            assertThat(signal.rate().rateRatioLower()).isGreaterThan(1.5);
            assertThat(signal.explainedAway()).isEmpty();
        });
    }

    @Test
    void shouldStayQuietWhenEveryCohortSpikesAlike() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        for (String app : List.copyOf(histories.keySet())) {
            spike(app, histories, Map.of("buyer-1", 20L, "buyer-2", 15L), Map.of());
        }
        // Senders that reach every cohort alike send to the whole population, ten times the cohorts.
        addSpamTotals(histories, Map.of("buyer-1", 20L * 12 * 10, "buyer-2", 15L * 12 * 10));

        assertThat(evaluator.evaluate(histories)).isEmpty();
    }

    @Test
    void shouldStayQuietWithoutAnySpike() {
        assertThat(evaluator.evaluate(quietApps(12))).isEmpty();
    }

    @Test
    void shouldCreditSharedMembersToTheAppThatExplainsThem() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        // 40 of app03's 100 members also use app05; the buyer reaches app03's members, so 40 % of its reach shows in app05 too.
        final long shared = 40;
        final long buyerInA = 40;
        final long buyerInBothPerBucket = buyerInA * shared / MEMBERS;
        histories.put("app03", rebuild(histories.get("app03"), s -> {
            s.getRecent().setSharedMembers(Map.of("app05", shared));
            s.getAll().setSharedMembers(Map.of("app05", shared));
        }));
        histories.put("app05", rebuild(histories.get("app05"), s -> {
            s.getRecent().setSharedMembers(Map.of("app03", shared));
            s.getAll().setSharedMembers(Map.of("app03", shared));
        }));
        spike("app03", histories, Map.of("buyer-1", buyerInA), Map.of("app05", buyerInBothPerBucket));
        spike("app05", histories, Map.of("buyer-1", buyerInBothPerBucket), Map.of("app03", buyerInBothPerBucket));
        addSpamTotals(histories, Map.of("buyer-1", buyerInA));

        final List<LeakEvaluator.Signal> signals = evaluator.evaluate(histories);

        assertThat(signals).extracting(LeakEvaluator.Signal::app).containsExactly("app03");
        assertThat(signals.get(0).explainedAway()).containsExactly("app05");
        assertThat(signals.get(0).buyers()).extracting(BuyerEvidence::getSender).containsExactly("buyer-1");
    }

    @Test
    void shouldSignalWhenManyNewSendersEachWithAFewMessagesAllHitOneCohort() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        final Map<String, Long> fresh = new TreeMap<>();
        for (int i = 1; i <= 4; i++) {
            fresh.put("fresh-" + i, 1L);
        }
        spike("app04", histories, fresh, Map.of());
        addSpamTotals(histories, fresh);

        // One message a sender is no evidence against any of them; together they are.
        assertThat(evaluator.evaluate(histories)).isEmpty();
        final List<LeakEvaluator.Signal> signals = evaluator.evaluate(histories, fresh.keySet());
        assertThat(signals).extracting(LeakEvaluator.Signal::app).containsExactly("app04");
        assertThat(signals.get(0).buyers()).extracting(BuyerEvidence::getSender).containsAll(fresh.keySet());
        assertThat(signals.get(0).newSenders()).as("the pooled test is in the evidence").isNotNull();
        assertThat(signals.get(0).newSenders().getMessagesInCohort()).isEqualTo(signals.get(0).newSenders().getMessagesSent());
        assertThat(signals.get(0).newSenders().getPValue()).isLessThan(1e-6);
    }

    @Test
    void shouldStayQuietWhenNewSendersSpamEveryoneAlike() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        final Map<String, Long> fresh = new TreeMap<>();
        for (int i = 1; i <= 4; i++) {
            fresh.put("fresh-" + i, 1L);
        }
        spike("app04", histories, fresh, Map.of());
        // The same fresh numbers sent a hundred times more to the rest of the population.
        final Map<String, Long> totals = new TreeMap<>();
        fresh.keySet().forEach(sender -> totals.put(sender, 100L));
        addSpamTotals(histories, totals);

        assertThat(evaluator.evaluate(histories, fresh.keySet())).isEmpty();
    }

    @Test
    void shouldSignalOneBuyerFarBeyondChanceWhileTheCohortRateIsBarelyUp() {
        final SortedMap<String, List<CohortStats>> histories = oneExclusiveBuyerOfApp07();

        final List<LeakEvaluator.Signal> signals = evaluator.evaluate(histories);

        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.app()).isEqualTo("app07");
            assertThat(signal.buyers()).extracting(BuyerEvidence::getSender).containsExactly("buyer-1");
            assertThat(signal.buyers().get(0).getQValue()).isLessThanOrEqualTo(LeakWatchConfig.demo().soleBuyerQ());
            assertThat(signal.rate().pValue()).as("the rate alone is no evidence").isGreaterThan(0.05);
        });
        // Without the sole-buyer rule (a bar no sender can pass) the same cohort stays quiet: its rate is not up enough.
        assertThat(new LeakEvaluator(LeakWatchConfig.demoWith("leakwatch.sole.buyer.q", "1e-300")).evaluate(histories)).isEmpty();
    }

    @Test
    void shouldNotLetOneBuyerConvictAloneAmongOldMembers() {
        final SortedMap<String, List<CohortStats>> histories = oneExclusiveBuyerOfApp07();
        // The same messages, to members who registered long ago: a seller to one circle of customers, not a sale.
        for (CohortStats s : histories.get("app07").subList(BUCKETS - SPIKE_BUCKETS, BUCKETS)) {
            s.getRecent().setExposed(BASELINE);
            s.getSenders().forEach(sender -> {
                if (sender.getSender().equals("buyer-1")) {
                    sender.setRecentExposed(0L);
                }
            });
        }

        assertThat(evaluator.evaluate(histories)).isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheSoleBuyerAlsoSpamsEveryoneElse() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        spike("app07", histories, Map.of("buyer-1", 2L), Map.of());
        // The same sender sent as much to each of the other apps' cohorts and to the rest of the population.
        addSpamTotals(histories, Map.of("buyer-1", 2L * 12 * 10));

        assertThat(evaluator.evaluate(histories)).isEmpty();
    }

    @Test
    void shouldJudgeAMobileNumberThatSpamsStrangersInBulkByAllItSendsButAPortOnlyByItsSpam() {
        final List<SenderExposure> senders = List.of(
                SenderExposure.newBuilder(sender("13800138000", 3, Map.of())).setRecipients(12).setContacts(9).build(),
                SenderExposure.newBuilder(sender("106900001234", 3, Map.of())).setRecipients(12).setContacts(9).build(),
                SenderExposure.newBuilder(sender("10690009", 0, Map.of())).setRecipients(12).setContacts(12).build(),
                SenderExposure.newBuilder(sender("13900139000", 2, Map.of())).setRecipients(3).setContacts(1).build());
        final Map<String, List<CohortStats>> shards = Map.of("*0", List.of(CohortStats.newBuilder().setApp("*0")
                .setWindowStart(T0).setWindowEnd(T0 + HOUR).setRecent(stratum(0, 0)).setAll(stratum(0, 0)).setSenders(senders).build()));

        assertThat(LeakEvaluator.bulkSenders(shards, 5)).containsExactlyInAnyOrder("13800138000", "10690009");
    }

    /** Quiet apps, and buyer-1 sending two messages an hour, every one into app07's cohort: a weak leak. */
    private static SortedMap<String, List<CohortStats>> oneExclusiveBuyerOfApp07() {
        final SortedMap<String, List<CohortStats>> histories = quietApps(12);
        final Map<String, Long> buyer = Map.of("buyer-1", 2L);
        spike("app07", histories, buyer, Map.of());
        addSpamTotals(histories, buyer);
        return histories;
    }

    /** Apps with steady membership and a steady trickle of background spam from a sender that reaches everyone. */
    private static SortedMap<String, List<CohortStats>> quietApps(int count) {
        final SortedMap<String, List<CohortStats>> histories = new TreeMap<>();
        for (int a = 1; a <= count; a++) {
            final String app = String.format(java.util.Locale.ROOT, "app%02d", a);
            final List<CohortStats> stats = new ArrayList<>();
            for (int b = 0; b < BUCKETS; b++) {
                stats.add(CohortStats.newBuilder()
                        .setApp(app).setWindowStart(T0 + b * HOUR).setWindowEnd(T0 + (b + 1) * HOUR)
                        .setRegistrations(4)
                        .setRecent(stratum(MEMBERS, BASELINE)).setAll(stratum(MEMBERS, BASELINE))
                        .setSenders(new ArrayList<>(List.of(sender("background", BASELINE, Map.of()))))
                        .build());
            }
            histories.put(app, stats);
        }
        return histories;
    }

    /** Adds buyer exposure to the last buckets of an app's history. */
    private static void spike(String app, SortedMap<String, List<CohortStats>> histories, Map<String, Long> buyers,
                              Map<String, Long> sharedPerBucket) {
        final List<CohortStats> stats = histories.get(app);
        final long extra = buyers.values().stream().mapToLong(Long::longValue).sum();
        for (int b = BUCKETS - SPIKE_BUCKETS; b < BUCKETS; b++) {
            final CohortStats s = stats.get(b);
            for (Stratum stratum : List.of(s.getRecent(), s.getAll())) {
                stratum.setExposed(stratum.getExposed() + extra);
                stratum.setSharedExposed(new HashMap<>(sharedPerBucket));
            }
            final List<SenderExposure> senders = new ArrayList<>(s.getSenders());
            buyers.forEach((sender, n) -> senders.add(sender(sender, n, sharedPerBucket)));
            s.setSenders(senders);
        }
    }

    /**
     * The sender-totals shard the detector gets beside the apps: each sender's spam to anyone per bucket. The
     * background sender reaches the whole population (ten times the cohorts); the given senders send the given
     * number of messages in each spiked bucket.
     */
    private static void addSpamTotals(SortedMap<String, List<CohortStats>> histories, Map<String, Long> spikeTotals) {
        final long apps = histories.size();
        final List<CohortStats> shard = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            final List<SenderExposure> senders = new ArrayList<>(List.of(sender("background", BASELINE * apps * 10, Map.of())));
            if (b >= BUCKETS - SPIKE_BUCKETS) {
                spikeTotals.forEach((sender, n) -> senders.add(sender(sender, n, Map.of())));
            }
            shard.add(CohortStats.newBuilder().setApp("*0").setWindowStart(T0 + b * HOUR).setWindowEnd(T0 + (b + 1) * HOUR)
                    .setRecent(stratum(0, 0)).setAll(stratum(0, 0)).setSenders(senders).build());
        }
        histories.put("*0", shard);
    }

    private static List<CohortStats> rebuild(List<CohortStats> stats, java.util.function.Consumer<CohortStats> change) {
        stats.forEach(change);
        return stats;
    }

    private static Stratum stratum(long members, long exposed) {
        return Stratum.newBuilder().setMembers(members).setExposed(exposed).setSharedMembers(new HashMap<>())
                .setSharedExposed(new HashMap<>()).build();
    }

    private static SenderExposure sender(String sender, long exposed, Map<String, Long> shared) {
        return SenderExposure.newBuilder().setSender(sender).setExposed(exposed).setRecentExposed(exposed).setShared(new HashMap<>(shared))
                .setCategory(Category.ADULT).setFingerprint("fp-" + sender).build();
    }
}
