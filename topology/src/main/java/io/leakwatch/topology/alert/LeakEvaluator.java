package io.leakwatch.topology.alert;

import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.schemas.BuyerEvidence;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.PooledSenderEvidence;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.Stratum;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.membership.MembershipProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides which apps' cohorts are being targeted, from their recent cohort statistics. Pure: no Kafka, no
 * clock, the same input gives the same answer.
 *
 * <p>For each evaluation window and stratum, every app is compared with the pooled other apps
 * ({@link RateTest}); the strongest app passing the bar is accepted, then the members it shares with the rest
 * are removed from them (explaining-away: one leak must not light up every app its users also use) and the
 * search repeats. Senders whose reach is enriched in an accepted cohort are its buyers.
 */
public final class LeakEvaluator {

    /** One app found leaking, with the evidence of its strongest window. */
    public record Signal(String app, String stratum, int windowBuckets, long windowStart, RateTest rate,
                         List<BuyerEvidence> buyers, PooledSenderEvidence newSenders, List<String> explainedAway, Double medianHoursToFirstSpam,
                         Double controlMedianHoursToFirstSpam, long exposedByText, long exposedBySenderBehaviour) {
    }

    /**
     * Sums of one app over one window. {@code exposed} counts exposed member-buckets by text and messages from bulk
     * senders that the classifier did not call spam ({@code byBehaviour} of them).
     */
    private record Totals(double members, long exposed, long byBehaviour, Map<String, Double> sharedMembers,
                          Map<String, Long> sharedExposed, Map<String, SenderTotals> senders, long spamToMembers, long spamToRecent,
                          long[] histogram, long firstBucketStart) {
    }

    /** One sender's messages into a cohort over a window: spam by text, and (bulk senders only) the others. */
    private static final class SenderTotals {
        long exposed;
        long recent;
        long contacts;
        long recentContacts;
        final Map<String, Long> shared = new HashMap<>();
        final Map<Category, Long> categories = new HashMap<>();
        final Map<String, Long> fingerprints = new HashMap<>();

        long messages(boolean recentStratum) {
            return recentStratum ? recent + recentContacts : exposed + contacts;
        }

        String signal() {
            if (contacts == 0) {
                return SIGNAL_TEXT;
            }
            return exposed == 0 ? SIGNAL_BEHAVIOUR : SIGNAL_TEXT + "+" + SIGNAL_BEHAVIOUR;
        }
    }

    /**
     * What the shards say of each sender over a window: its spam and, for a bulk sender, its other countable
     * messages, to anyone; and which senders send in bulk (distinct recipients within the last day).
     */
    private record SenderActivity(Map<String, Long> suspect, Set<String> bulk) {
    }

    static final String SIGNAL_TEXT = "text";
    static final String SIGNAL_BEHAVIOUR = "sender-behaviour";

    private record Candidate(String app, RateTest rate, List<BuyerEvidence> buyers, PooledSenderEvidence newSenders, double strength) {
    }

    private static final String TOTALS_PREFIX = MembershipProcessor.TOTALS_PREFIX;
    private final LeakWatchConfig config;

    public LeakEvaluator(LeakWatchConfig config) {
        this.config = config;
    }

    /**
     * @param histories per app (sorted by app id), its cohort statistics oldest first, ending at the bucket evaluated
     * @return the apps with a signal, strongest first
     */
    public List<Signal> evaluate(SortedMap<String, List<CohortStats>> histories) {
        return evaluate(histories, Set.of());
    }

    /**
     * @param newSenders senders first seen recently (within {@code leakwatch.new.sender.horizon}): their spam is also
     *                   tested pooled, since a leak's buyers are often fresh numbers with a handful of messages each
     */
    public List<Signal> evaluate(SortedMap<String, List<CohortStats>> histories, Set<String> newSenders) {
        final SortedMap<String, List<CohortStats>> apps = new TreeMap<>();
        final Map<String, List<CohortStats>> totalsShards = new TreeMap<>();
        histories.forEach((key, stats) -> (key.startsWith(TOTALS_PREFIX) ? totalsShards : apps).put(key, stats));
        final Map<String, Signal> best = evaluate(apps, totalsShards, newSenders, Set.of());
        final Set<String> bulk = bulkSenders(totalsShards, config.bulkRecipients());
        if (!bulk.isEmpty()) {
            evaluate(apps, totalsShards, newSenders, bulk).forEach(best::putIfAbsent);
        }
        return best.values().stream().sorted(Comparator.comparingDouble((Signal s) -> s.rate().pValue())
                .thenComparing(Signal::app)).toList();
    }

    /**
     * One pass of the tests: by text alone when {@code bulk} is empty, else with the bulk senders' other messages
     * counted as exposure too. The text pass comes first and its signals stand: bulk senders' messages add
     * senders to the Benjamini–Hochberg family and people's messages to every cohort's exposure, which must not
     * weaken what the text already shows; the second pass only adds the apps the first did not find, and only
     * among recent registrants. Among all members, people who text a group of friends that use one app (mothers
     * of one baby app) look like buyers of its list; hardly, message after message, only people who registered
     * with it within the day.
     */
    private Map<String, Signal> evaluate(SortedMap<String, List<CohortStats>> apps, Map<String, List<CohortStats>> totalsShards,
                                         Set<String> newSenders, Set<String> bulk) {
        final int tests = Math.max(1, apps.size() * 2 * config.windowsBuckets().size());
        final double alpha = config.alpha() / tests;
        final Map<String, Signal> best = new TreeMap<>();
        for (int window : config.windowsBuckets()) {
            final Map<String, Long> spamBySender = senderTotals(totalsShards, window, bulk);
            for (String stratum : bulk.isEmpty() ? List.of("recent", "all") : List.of("recent")) {
                final Function<CohortStats, Stratum> pick = "recent".equals(stratum) ? CohortStats::getRecent : CohortStats::getAll;
                final boolean recent = "recent".equals(stratum);
                final Map<String, Totals> totals = new TreeMap<>();
                apps.forEach((app, stats) -> totals.put(app, totals(stats, window, pick, recent, bulk)));
                for (Signal signal : acceptGreedily(totals, stratum, window, alpha, spamBySender, newSenders)) {
                    best.merge(signal.app(), signal, (a, b) -> a.rate().pValue() <= b.rate().pValue() ? a : b);
                }
            }
        }
        return best;
    }

    /**
     * Messages per sender to anyone over the window, from the totals shards, that count as exposure: its spam, and
     * for a bulk sender its other countable messages too.
     */
    private static Map<String, Long> senderTotals(Map<String, List<CohortStats>> shards, int window, Set<String> bulk) {
        final Map<String, Long> totals = new HashMap<>();
        shards.values().forEach(stats -> stats.subList(Math.max(0, stats.size() - window), stats.size())
                .forEach(s -> s.getSenders().forEach(e -> {
                    final long counted = e.getExposed() + (bulk.contains(e.getSender()) ? e.getContacts() : 0);
                    if (counted > 0) {
                        totals.merge(e.getSender(), counted, Long::sum);
                    }
                })));
        return totals;
    }

    /**
     * Senders that reached at least {@code minRecipients} distinct recipients over the shards' history (the longest
     * evaluation window; a day at the defaults), summed over buckets and tasks (each bucket counts the recipients
     * new to the sender within the day), and either sent no spam in it or is a mobile number: a service port whose
     * texts the classifier calls spam is judged by them in the text pass (its notices are its customers' business),
     * while a mobile number that spams strangers in bulk is judged by all it sends, the texts the classifier missed too.
     */
    static Set<String> bulkSenders(Map<String, List<CohortStats>> shards, long minRecipients) {
        final Map<String, Long> recipients = new HashMap<>();
        final Set<String> spammers = new HashSet<>();
        shards.values().forEach(stats -> stats.forEach(s -> s.getSenders().forEach(e -> {
            recipients.merge(e.getSender(), e.getRecipients(), Long::sum);
            if (e.getExposed() > 0) {
                spammers.add(e.getSender());
            }
        })));
        final Set<String> bulk = new java.util.TreeSet<>();
        recipients.forEach((sender, n) -> {
            if (n >= minRecipients && (!spammers.contains(sender) || SenderType.of(sender) == SenderType.MOBILE)) {
                bulk.add(sender);
            }
        });
        return bulk;
    }

    private List<Signal> acceptGreedily(Map<String, Totals> totals, String stratum, int window, double alpha,
                                        Map<String, Long> spamBySender, Set<String> newSenders) {
        final Set<String> accepted = new LinkedHashSet<>();
        final List<Signal> signals = new ArrayList<>();
        Map<String, Candidate> naive = null;
        while (accepted.size() < totals.size()) {
            final Map<String, Candidate> candidates = candidates(totals, accepted, alpha, "recent".equals(stratum), spamBySender,
                    newSenders);
            if (naive == null) {
                naive = candidates;
            }
            final Candidate strongest = candidates.values().stream()
                    .max(Comparator.comparingDouble(Candidate::strength).thenComparing(Candidate::app, Comparator.reverseOrder()))
                    .orElse(null);
            if (strongest == null) {
                break;
            }
            accepted.add(strongest.app());
            final Totals own = totals.get(strongest.app());
            final List<String> explained = new ArrayList<>();
            for (String other : naive.keySet()) {
                if (!other.equals(strongest.app()) && !accepted.contains(other)
                        && totals.get(other).sharedMembers().getOrDefault(strongest.app(), 0.0) > 0) {
                    explained.add(other);
                }
            }
            signals.add(new Signal(strongest.app(), stratum, window, own.firstBucketStart(), strongest.rate(), strongest.buyers(),
                    strongest.newSenders(),
                    explained, median(own.histogram()), median(controlHistogram(totals, strongest.app())),
                    own.exposed() - own.byBehaviour(), own.byBehaviour()));
        }
        return signals;
    }

    /** Apps not yet accepted that pass the bar, with their residual statistics. */
    private Map<String, Candidate> candidates(Map<String, Totals> totals, Set<String> accepted, double alpha, boolean recent,
                                              Map<String, Long> spamBySender, Set<String> newSenders) {
        final Map<String, double[]> residual = new TreeMap<>();
        for (Map.Entry<String, Totals> e : totals.entrySet()) {
            if (!accepted.contains(e.getKey())) {
                residual.put(e.getKey(), residual(e.getValue(), accepted));
            }
        }
        double allMembers = 0;
        long allExposed = 0;
        for (double[] r : residual.values()) {
            allMembers += r[0];
            allExposed += (long) r[1];
        }
        final Map<String, RateTest> rates = new TreeMap<>();
        final long allSpam = spamBySender.values().stream().mapToLong(Long::longValue).sum();
        final List<SenderTest> senderTests = new ArrayList<>();
        final Map<String, SenderTest> pooledNew = new TreeMap<>();
        // All spam of the new senders, to anyone: those that never reached a cohort count too, or the pool is biased.
        final long newSpam = newSenders.stream().mapToLong(sender -> spamBySender.getOrDefault(sender, 0L)).sum();
        for (Map.Entry<String, double[]> e : residual.entrySet()) {
            final double n = e.getValue()[0];
            final long k = (long) e.getValue()[1];
            final RateTest rate = RateTest.of(k, n, allExposed - k, allMembers - n, alpha);
            rates.put(e.getKey(), rate);
            final List<SenderTest> appTests = senderTests(e.getKey(), totals.get(e.getKey()), accepted, recent, spamBySender, allSpam);
            senderTests.addAll(appTests);
            pooledNew.put(e.getKey(), pooled(e.getKey(), appTests, newSenders, newSpam));
        }
        final Map<String, List<BuyerEvidence>> buyers = buyersByApp(senderTests, totals);
        final Map<String, Candidate> result = new TreeMap<>();
        for (Map.Entry<String, RateTest> e : rates.entrySet()) {
            final RateTest rate = e.getValue();
            final List<BuyerEvidence> appBuyers = buyers.getOrDefault(e.getKey(), List.of());
            final boolean rateOk = rate.k() >= config.minExposed() && rate.rateRatioLower() >= config.minRateRatio();
            final double strongestQ = appBuyers.stream().mapToDouble(BuyerEvidence::getQValue).min().orElse(1.0);
            // A strong buyer needs the cohort's rate to be up as well. Among recent registrants a far stronger one only
            // needs it above the others': a leak to a few percent of registrants, a message each, never lifts the rate
            // far (jd's held-out leak had one buyer at q 9e-8, 5 of 5 messages into the cohort, four hours before the
            // rate or the pooled test of new senders convicted it). Not among all members: a sender whose customers
            // are one social circle (a seller to young mothers) can reach one big app's members and no one else, but
            // not, message after message, only people who registered with it the day before.
            final boolean buyerOk = strongestQ <= config.strongBuyerQ() && rate.pValue() <= 0.05
                    || recent && strongestQ <= config.soleBuyerQ() && rate.rateRatio() > 1.0;
            final SenderTest fresh = pooledNew.get(e.getKey());
            // The pooled test is strong on its own; it only needs the cohort's exposure to be above the control's at all.
            final boolean freshOk = fresh != null && fresh.inCohort() >= config.minBuyerHits() && fresh.pValue() <= alpha
                    && rate.rateRatio() > 1.0;
            if (rateOk || buyerOk || freshOk) {
                final List<BuyerEvidence> evidence = freshOk ? withFreshBuyers(appBuyers, senderTests, e.getKey(), newSenders, fresh, totals)
                        : appBuyers;
                final double strength = -Math.log10(Math.max(rate.pValue(), 1e-300)) - Math.log10(Math.max(strongestQ, 1e-300))
                        - (freshOk ? Math.log10(Math.max(fresh.pValue(), 1e-300)) : 0.0);
                final PooledSenderEvidence pooled = freshOk
                        ? PooledSenderEvidence.newBuilder().setMessagesInCohort(fresh.inCohort())
                                .setMessagesSent(fresh.inCohort() + fresh.elsewhere()).setExpectedShare(fresh.expectedShare())
                                .setPValue(fresh.pValue()).build()
                        : null;
                result.put(e.getKey(), new Candidate(e.getKey(), rate, evidence, pooled, strength));
            }
        }
        return result;
    }

    /** The spam of all new senders to one cohort, tested as if it came from one sender. Null when there is none. */
    private static SenderTest pooled(String app, List<SenderTest> appTests, Set<String> newSenders, long newSpam) {
        long inCohort = 0;
        double share = 0;
        for (SenderTest t : appTests) {
            share = t.expectedShare();
            if (newSenders.contains(t.sender())) {
                inCohort += t.inCohort();
            }
        }
        final long sent = Math.max(inCohort, newSpam);
        return inCohort == 0 ? null
                : new SenderTest(app, "new senders", inCohort, sent - inCohort, share, RateTest.upperTail(inCohort, sent, share));
    }

    /** The buyers, plus the new senders whose every message in the window went to this cohort, vouched for by the pooled test. */
    private List<BuyerEvidence> withFreshBuyers(List<BuyerEvidence> buyers, List<SenderTest> tests, String app, Set<String> newSenders,
                                                SenderTest pooled, Map<String, Totals> totals) {
        final List<BuyerEvidence> all = new ArrayList<>(buyers);
        final Set<String> named = new java.util.HashSet<>();
        buyers.forEach(b -> named.add(b.getSender()));
        for (SenderTest t : tests) {
            // Two messages at least: one misclassified personal message from a number never seen spamming names no one.
            if (t.app().equals(app) && newSenders.contains(t.sender()) && t.elsewhere() == 0 && t.inCohort() >= 2
                    && !named.contains(t.sender())) {
                final SenderTotals s = totals.get(app).senders().get(t.sender());
                all.add(BuyerEvidence.newBuilder().setSender(t.sender()).setExposedInCohort(t.inCohort()).setExposedElsewhere(0)
                        .setLift(t.expectedShare() > 0 ? 1.0 / t.expectedShare() : 0.0).setQValue(pooled.pValue())
                        .setCategory(argMax(s.categories, Category.MARKETING)).setFingerprint(argMax(s.fingerprints, ""))
                        .setSignal(s.signal()).build());
            }
        }
        return all;
    }

    /** [members, exposed] of an app after removing what it shares with the accepted apps. */
    private static double[] residual(Totals t, Set<String> accepted) {
        double members = t.members();
        long exposed = t.exposed();
        for (String a : accepted) {
            members -= t.sharedMembers().getOrDefault(a, 0.0);
            exposed -= t.sharedExposed().getOrDefault(a, 0L);
        }
        return new double[] {Math.max(0, members), Math.max(0, exposed)};
    }

    private record SenderTest(String app, String sender, long inCohort, long elsewhere, double expectedShare, double pValue) {
    }

    /**
     * For each sender that reached the app: is the share of its spam that lands in this cohort beyond the share
     * that spam in general lands there? A buyer sends to the cohort only; a random-list spammer hits it at the
     * cohort's share of the population, which the pooled spam of all senders estimates.
     */
    private static List<SenderTest> senderTests(String app, Totals own, Set<String> accepted, boolean recent,
                                                Map<String, Long> spamBySender, long allSpam) {
        final Map<String, Long> hits = new TreeMap<>();
        long listedHits = 0;
        for (Map.Entry<String, SenderTotals> s : own.senders().entrySet()) {
            long x = s.getValue().messages(recent);
            for (String a : accepted) {
                x -= s.getValue().shared.getOrDefault(a, 0L);
            }
            if (x > 0) {
                hits.put(s.getKey(), x);
                listedHits += x;
            }
        }
        // The cohort's share of all spam, from the untruncated count: the listed senders are only the largest ones.
        final long cohortHits = Math.max(listedHits, recent ? own.spamToRecent() : own.spamToMembers());
        final List<SenderTest> tests = new ArrayList<>();
        if (allSpam <= 0 || cohortHits == 0) {
            return tests;
        }
        final double share = Math.min(1.0, (double) cohortHits / allSpam);
        hits.forEach((sender, x) -> {
            final long sent = Math.max(x, spamBySender.getOrDefault(sender, 0L));
            tests.add(new SenderTest(app, sender, x, sent - x, share, RateTest.upperTail(x, sent, share)));
        });
        return tests;
    }

    /** Benjamini–Hochberg over all sender tests of one round; buyers per app, strongest first. */
    private Map<String, List<BuyerEvidence>> buyersByApp(List<SenderTest> tests, Map<String, Totals> totals) {
        final List<SenderTest> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.comparingDouble(SenderTest::pValue).thenComparing(SenderTest::app).thenComparing(SenderTest::sender));
        final int m = sorted.size();
        final double[] q = new double[m];
        double running = 1.0;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, sorted.get(i).pValue() * m / (i + 1));
            q[i] = running;
        }
        final Map<String, List<BuyerEvidence>> result = new TreeMap<>();
        for (int i = 0; i < m; i++) {
            final SenderTest t = sorted.get(i);
            if (q[i] <= config.buyerQ() && t.inCohort() >= config.minBuyerHits()) {
                final SenderTotals s = totals.get(t.app()).senders().get(t.sender());
                final double observedShare = (double) t.inCohort() / (t.inCohort() + t.elsewhere());
                result.computeIfAbsent(t.app(), a -> new ArrayList<>()).add(BuyerEvidence.newBuilder()
                        .setSender(t.sender())
                        .setExposedInCohort(t.inCohort())
                        .setExposedElsewhere(t.elsewhere())
                        .setLift(t.expectedShare() > 0 ? observedShare / t.expectedShare() : 0.0)
                        .setQValue(q[i])
                        .setCategory(argMax(s.categories, Category.MARKETING))
                        .setFingerprint(argMax(s.fingerprints, ""))
                        .setSignal(s.signal())
                        .build());
            }
        }
        return result;
    }

    private static <T extends Comparable<T>> T argMax(Map<T, Long> counts, T fallback) {
        return counts.entrySet().stream()
                .max(Map.Entry.<T, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    private static Totals totals(List<CohortStats> stats, int window, Function<CohortStats, Stratum> pick, boolean recent,
                                 Set<String> bulk) {
        final List<CohortStats> last = stats.subList(Math.max(0, stats.size() - window), stats.size());
        double members = 0;
        long exposed = 0;
        long byBehaviour = 0;
        final Map<String, Double> sharedMembers = new TreeMap<>();
        final Map<String, Long> sharedExposed = new TreeMap<>();
        final Map<String, SenderTotals> senders = new TreeMap<>();
        final long[] histogram = new long[25];
        long spamToMembers = 0;
        long spamToRecent = 0;
        for (CohortStats s : last) {
            spamToMembers += s.getMemberSpam();
            spamToRecent += s.getRecentMemberSpam();
            final Stratum stratum = pick.apply(s);
            members += stratum.getMembers();
            exposed += stratum.getExposed();
            stratum.getSharedMembers().forEach((a, n) -> sharedMembers.merge(a, n.doubleValue(), Double::sum));
            stratum.getSharedExposed().forEach((a, n) -> sharedExposed.merge(a, n, Long::sum));
            for (SenderExposure e : s.getSenders()) {
                final boolean counted = bulk.contains(e.getSender());
                if (e.getExposed() == 0 && !counted) {
                    continue; // contacts of a sender not (or not yet) sending in bulk
                }
                final SenderTotals t = senders.computeIfAbsent(e.getSender(), x -> new SenderTotals());
                t.exposed += e.getExposed();
                t.recent += e.getRecentExposed();
                e.getShared().forEach((a, n) -> t.shared.merge(a, n, Long::sum));
                final long contacts = counted ? e.getContacts() : 0;
                if (contacts > 0) {
                    t.contacts += contacts;
                    t.recentContacts += e.getRecentContacts();
                    e.getContactShared().forEach((a, n) -> t.shared.merge(a, n, Long::sum));
                    final long inStratum = recent ? e.getRecentContacts() : contacts;
                    byBehaviour += inStratum;
                    spamToMembers += contacts;
                    spamToRecent += e.getRecentContacts();
                    // shared members of the stratum's exposure, as the sender-level shares approximate them
                    e.getContactShared().forEach((a, n) -> sharedExposed.merge(a, Math.min(n, inStratum), Long::sum));
                }
                t.categories.merge(e.getCategory(), e.getExposed() + contacts, Long::sum);
                t.fingerprints.merge(e.getFingerprint(), e.getExposed() + contacts, Long::sum);
            }
            final List<Long> h = s.getHoursToFirstSpam();
            for (int i = 0; i < Math.min(h.size(), histogram.length); i++) {
                histogram[i] += h.get(i);
            }
        }
        final long firstStart = last.isEmpty() ? 0L : last.get(0).getWindowStart();
        return new Totals(members, exposed + byBehaviour, byBehaviour, sharedMembers, sharedExposed, senders, spamToMembers,
                spamToRecent, histogram, firstStart);
    }

    private static long[] controlHistogram(Map<String, Totals> totals, String app) {
        final long[] sum = new long[25];
        totals.forEach((other, t) -> {
            if (!other.equals(app)) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += t.histogram()[i];
                }
            }
        });
        return sum;
    }

    /** Median of an hours histogram (slot i = [i, i+1) hours), linearly interpolated; null when empty. */
    static Double median(long[] histogram) {
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        final double half = total / 2.0;
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (seen + histogram[i] >= half && histogram[i] > 0) {
                return i + (half - seen) / histogram[i];
            }
            seen += histogram[i];
        }
        return (double) histogram.length;
    }
}
