package io.leakwatch.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakwatch.app.http.Handler;
import io.leakwatch.app.http.Response;
import io.leakwatch.app.replay.AlertJson;
import io.leakwatch.app.replay.RecentTotals;
import io.leakwatch.classifier.Category;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.Stratum;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the operations centre watches besides the alerts: the senders that sent the most spam in the latest sender
 * window ({@code GET /senders/top}) and how much third-party spam each app's registrants got in the latest cohort
 * window, against the registrants of every other app ({@code GET /cohorts}), read from {@code sender.stats} and
 * {@code cohort.stats}.
 *
 * <p>Both topics carry one record per sender (or app) and window, emitted when the window closes and again when late
 * records correct it; a later record for the same window replaces the earlier one. A window's records come from every
 * partition as each one's stream time passes its end, so the newest window fills over a few seconds. Memory is
 * bounded: the last {@value #WINDOWS} windows of each, and per sender window only senders that sent spam, at most
 * {@value #SENDERS_KEPT} of them (the most spam first; the answer then says it is incomplete).
 */
public final class TrafficView {

    /** Windows kept of each topic: a day of the default one-hour windows. */
    static final int WINDOWS = 24;
    /** Spam senders kept per window; trimmed back to this when twice as many have arrived. */
    static final int SENDERS_KEPT = 5000;
    static final int LIMIT_DEFAULT = 20;
    static final int LIMIT_MAX = 1000;
    public static final String SHARE_GAUGE = "leakwatch.cohort.recent.exposed.share";
    public static final String OTHERS_SHARE_GAUGE = "leakwatch.cohort.others.recent.exposed.share";
    public static final String EXCESS_GAUGE = "leakwatch.cohort.excess.exposed";
    /** Where {@code run} and {@code demo} serve the two views. */
    public static final String SENDERS_PATH = "/senders/top";
    public static final String COHORTS_PATH = "/cohorts";
    /** Senders that reached an app's members listed per app. */
    static final int COHORT_SENDERS_LISTED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SPAM = Stream.of(Category.values()).filter(Category::isSpam).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Comparator<SenderStats> MOST_SPAM = Comparator.comparingLong(TrafficView::spam).reversed()
            .thenComparing(SenderStats::getSender);

    private final ZoneOffset offset;
    private MeterRegistry registry;
    private final Set<String> gaugedApps = new HashSet<>();
    /** The gauges' values for the newest cohort window, computed at the first read after a change. */
    private Map<String, Exposure> newestExposure;
    private final NavigableMap<Long, SenderWindow> senderWindows = new TreeMap<>();
    private final NavigableMap<Long, Map<String, CohortStats>> cohortWindows = new TreeMap<>();

    /** The spam senders of one window so far, and whether some were trimmed away. */
    private static final class SenderWindow {
        final long end;
        final Map<String, SenderStats> spamSenders = new HashMap<>();
        boolean trimmed;

        SenderWindow(long end) {
            this.end = end;
        }
    }

    public TrafficView(ZoneOffset offset) {
        this.offset = offset;
    }

    /**
     * From now on registers, per app, gauges of its newest cohort window on {@code registry} ({@value #SHARE_GAUGE},
     * {@value #OTHERS_SHARE_GAUGE} and {@value #EXCESS_GAUGE}, tagged {@code app}), for the apps seen so far too.
     * Every instance follows the whole topic, so a dashboard takes the max over instances.
     */
    public void bindTo(MeterRegistry meters) {
        final List<String> seen;
        synchronized (this) {
            registry = meters;
            seen = List.copyOf(gaugedApps);
        }
        seen.forEach(app -> registerGauges(app, meters));
    }

    /**
     * Follows {@code sender.stats} and {@code cohort.stats} into a view, each from the records of about the windows
     * it keeps (their lengths, grace and lateness from {@code config}); closing the result stops both. {@code connection}
     * as {@link ClientConnection} makes it.
     */
    public static Following follow(Properties connection, Topics topics, LeakWatchConfig config, TrafficView view) {
        final Duration senders = config.senderWindow().multipliedBy(WINDOWS + 1).plus(config.senderLateness()).plus(config.grace());
        final Duration cohorts = config.bucket().multipliedBy(WINDOWS + 1).plus(config.grace());
        return new Following(
                new TopicFollower<>(connection, topics.senderStats, "sender-stats-view", senders, Clock.systemUTC(), view::add),
                new TopicFollower<>(connection, topics.cohortStats, "cohort-stats-view", cohorts, Clock.systemUTC(), view::add));
    }

    /** The two followers of a view. */
    public static final class Following implements AutoCloseable {
        private final TopicFollower<SenderStats> senders;
        private final TopicFollower<CohortStats> cohorts;

        private Following(TopicFollower<SenderStats> senders, TopicFollower<CohortStats> cohorts) {
            this.senders = senders;
            this.cohorts = cohorts;
        }

        @Override
        public void close() throws InterruptedException {
            senders.close();
            cohorts.close();
        }
    }

    /** {@code GET /senders/top?limit=N}: {@link #topSenders(int)}, N from 1 to {@value #LIMIT_MAX}, default {@value #LIMIT_DEFAULT}. */
    public Handler topSendersHandler() {
        return request -> {
            final String raw = request.queryParam("limit").orElse(String.valueOf(LIMIT_DEFAULT));
            final int limit;
            try {
                limit = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                return Response.badRequest(badLimit(raw));
            }
            if (limit < 1 || limit > LIMIT_MAX) {
                return Response.badRequest(badLimit(raw));
            }
            return Response.json(200, topSenders(limit).toString());
        };
    }

    private static String badLimit(String raw) {
        return "query parameter limit must be a whole number from 1 to " + LIMIT_MAX + ", was '" + raw + "'";
    }

    /** {@code GET /cohorts}: {@link #cohorts()}. */
    public Handler cohortsHandler() {
        return request -> Response.json(200, cohorts().toString());
    }

    public synchronized void add(SenderStats stats) {
        final long start = stats.getWindowStart();
        if (isTooOld(senderWindows, start)) {
            return;
        }
        final SenderWindow window = senderWindows.computeIfAbsent(start, s -> new SenderWindow(stats.getWindowEnd()));
        if (spam(stats) > 0) {
            window.spamSenders.put(stats.getSender(), stats);
        }
        if (window.spamSenders.size() >= 2 * SENDERS_KEPT) {
            trim(window);
        }
        dropOld(senderWindows);
    }

    public void add(CohortStats stats) {
        if (stats.getApp().startsWith("*")) {
            return; // a totals shard: every sender's spam to anyone, not a cohort
        }
        final boolean firstOfApp;
        final MeterRegistry meters;
        synchronized (this) {
            final long start = stats.getWindowStart();
            if (isTooOld(cohortWindows, start)) {
                return;
            }
            cohortWindows.computeIfAbsent(start, s -> new HashMap<>()).put(stats.getApp(), stats);
            dropOld(cohortWindows);
            newestExposure = null;
            firstOfApp = gaugedApps.add(stats.getApp());
            meters = registry;
        }
        // outside the lock: a scrape that reads a gauge takes it
        if (firstOfApp && meters != null) {
            registerGauges(stats.getApp(), meters);
        }
    }

    private void registerGauges(String app, MeterRegistry meters) {
        Gauge.builder(SHARE_GAUGE, this, view -> view.gauge(app, Exposure::share)).tag("app", app).strongReference(true)
                .description("Share of the app's recent registrants who got third-party spam in the newest cohort window")
                .register(meters);
        Gauge.builder(OTHERS_SHARE_GAUGE, this, view -> view.gauge(app, Exposure::othersShare)).tag("app", app).strongReference(true)
                .description("The same share among the recent registrants of every other app")
                .register(meters);
        Gauge.builder(EXCESS_GAUGE, this, view -> view.gauge(app, Exposure::excess)).tag("app", app).strongReference(true)
                .description("Recent registrants of the app exposed beyond what the other apps' share predicts")
                .register(meters);
    }

    /** One gauge's value for an app in the newest cohort window; NaN when the app is not in it or the value is null. */
    private synchronized double gauge(String app, Function<Exposure, Double> field) {
        if (newestExposure == null) {
            newestExposure = new HashMap<>();
            final Map.Entry<Long, Map<String, CohortStats>> newest = cohortWindows.lastEntry();
            if (newest != null) {
                // the newest window's totals only: the gauges read nothing older
                final RecentTotals totals = recentTotals(Map.of(newest.getKey(), newest.getValue()));
                newest.getValue().forEach((name, stats) -> newestExposure.put(name, Exposure.of(stats, totals)));
            }
        }
        final Exposure exposure = newestExposure.get(app);
        final Double value = exposure == null ? null : field.apply(exposure);
        return value == null ? Double.NaN : value;
    }

    /**
     * The {@code limit} senders with the most spam in the newest sender window, most first, as a JSON object:
     * the window, how many spam senders and spam messages it holds so far, whether those counts are complete, and
     * per sender its spam, messages by category, distinct recipients, new-recipient ratio, opt-out and campaign
     * counts. With no window yet, the window fields are null and the list empty.
     */
    public synchronized ObjectNode topSenders(int limit) {
        final ObjectNode out = JSON.createObjectNode();
        final Map.Entry<Long, SenderWindow> newest = senderWindows.lastEntry();
        final ArrayNode list = JSON.createArrayNode();
        if (newest == null) {
            out.putNull("windowStart").putNull("windowEnd");
            out.put("spamSenders", 0).put("spamMessages", 0).put("complete", true);
        } else {
            final SenderWindow window = newest.getValue();
            out.put("windowStart", AlertJson.time(newest.getKey(), offset));
            out.put("windowEnd", AlertJson.time(window.end, offset));
            out.put("spamSenders", window.spamSenders.size());
            out.put("spamMessages", window.spamSenders.values().stream().mapToLong(TrafficView::spam).sum());
            out.put("complete", !window.trimmed);
            window.spamSenders.values().stream().sorted(MOST_SPAM).limit(limit).forEach(s -> list.add(sender(s)));
        }
        out.set("senders", list);
        return out;
    }

    /**
     * Every app with a cohort record in the newest cohort window: its registrations, its recent and all members and
     * how many of them got third-party spam, the same share among the recent members of every other app ("others"),
     * how many of its recent members that share predicts ("expected") and how many more were exposed ("excess"), the
     * lift (the app's share over the others'), first spams, the senders that reached most of its members, and the
     * recent share against the others' for each window kept. Shares, expected, excess and lift are null where their
     * denominator is zero.
     *
     * <p>The largest excess comes first, not the largest lift: one exposed registrant of a hundred is a lift of ten
     * when the others' share is a tenth of a percent, and a console sorted by lift would lead with noise.
     */
    public synchronized ObjectNode cohorts() {
        final ObjectNode out = JSON.createObjectNode();
        final Map.Entry<Long, Map<String, CohortStats>> newest = cohortWindows.lastEntry();
        final ArrayNode list = JSON.createArrayNode();
        if (newest == null) {
            out.putNull("windowStart").putNull("windowEnd");
        } else {
            final CohortStats any = newest.getValue().values().iterator().next();
            out.put("windowStart", AlertJson.time(any.getWindowStart(), offset));
            out.put("windowEnd", AlertJson.time(any.getWindowEnd(), offset));
            final RecentTotals totals = recentTotals(cohortWindows);
            final List<ObjectNode> apps = new ArrayList<>();
            for (CohortStats stats : newest.getValue().values()) {
                apps.add(cohort(stats, totals));
            }
            apps.sort(Comparator.comparingDouble((ObjectNode n) -> n.path("excess").isNull()
                    ? Double.NEGATIVE_INFINITY : n.path("excess").asDouble()).reversed().thenComparing(n -> n.path("app").asText()));
            list.addAll(apps);
        }
        out.set("apps", list);
        return out;
    }

    /** An app's recent registrants against every other app's in one window; each null where its denominator is zero. */
    private record Exposure(Double share, Double othersShare, Double expected, Double excess, Double lift) {

        static Exposure of(CohortStats stats, RecentTotals totals) {
            final Double others = TrafficView.othersShare(stats, totals);
            final Double own = TrafficView.share(stats.getRecent().getExposed(), stats.getRecent().getMembers());
            final Double expected = others == null ? null : others * stats.getRecent().getMembers();
            return new Exposure(own, others, expected, expected == null ? null : stats.getRecent().getExposed() - expected,
                    own == null || others == null || others == 0 ? null : own / others);
        }
    }

    private ObjectNode cohort(CohortStats stats, RecentTotals totals) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("app", stats.getApp());
        node.put("registrations", stats.getRegistrations());
        node.set("recent", stratum(stats.getRecent()));
        node.set("all", stratum(stats.getAll()));
        final Exposure exposure = Exposure.of(stats, totals);
        putShare(node, "othersRecentShare", exposure.othersShare());
        putShare(node, "expected", exposure.expected());
        putShare(node, "excess", exposure.excess());
        putShare(node, "lift", exposure.lift());
        node.put("firstSpams", stats.getFirstSpams());
        node.put("memberSpam", stats.getMemberSpam());
        final ArrayNode senders = node.putArray("senders");
        stats.getSenders().stream().limit(COHORT_SENDERS_LISTED).forEach(s -> senders.add(exposure(s)));
        node.set("history", history(stats.getApp(), totals));
        return node;
    }

    private ArrayNode history(String app, RecentTotals totals) {
        final ArrayNode points = JSON.createArrayNode();
        for (Map.Entry<Long, Map<String, CohortStats>> window : cohortWindows.entrySet()) {
            final CohortStats stats = window.getValue().get(app);
            if (stats == null) {
                continue;
            }
            final ObjectNode point = points.addObject();
            point.put("windowStart", AlertJson.time(window.getKey(), offset));
            putShare(point, "recentShare", share(stats.getRecent().getExposed(), stats.getRecent().getMembers()));
            putShare(point, "othersRecentShare", othersShare(stats, totals));
        }
        return points;
    }

    /** The recent totals of the given cohort windows. */
    private static RecentTotals recentTotals(Map<Long, Map<String, CohortStats>> windows) {
        final RecentTotals totals = new RecentTotals();
        windows.forEach((start, apps) -> apps.values().forEach(s ->
                totals.add(start, s.getRecent().getMembers(), s.getRecent().getExposed())));
        return totals;
    }

    private static Double othersShare(CohortStats stats, RecentTotals totals) {
        return totals.othersShare(stats.getWindowStart(), stats.getRecent().getMembers(), stats.getRecent().getExposed());
    }

    private static Double share(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    /** A share, lift or count estimate, to six decimals; null when there is none. */
    private static void putShare(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value * 1e6) / 1e6);
        }
    }

    private static ObjectNode stratum(Stratum stratum) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("members", stratum.getMembers());
        node.put("exposed", stratum.getExposed());
        putShare(node, "share", share(stratum.getExposed(), stratum.getMembers()));
        return node;
    }

    private static ObjectNode exposure(SenderExposure exposure) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("sender", exposure.getSender());
        node.put("messages", exposure.getExposed());
        node.put("category", exposure.getCategory().name());
        return node;
    }

    private static ObjectNode sender(SenderStats stats) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("sender", stats.getSender());
        node.put("spam", spam(stats));
        node.put("messages", stats.getMessages());
        final ObjectNode byCategory = node.putObject("byCategory");
        new TreeMap<>(stats.getByCategory()).forEach(byCategory::put);
        node.put("distinctRecipients", stats.getDistinctRecipients());
        putShare(node, "newRecipientRatio", stats.getNewRecipientRatio());
        node.put("optOutMessages", stats.getOptOutMessages());
        node.put("distinctCampaigns", stats.getDistinctCampaigns());
        return node;
    }

    static long spam(SenderStats stats) {
        long spam = 0;
        for (Map.Entry<String, Long> e : stats.getByCategory().entrySet()) {
            if (SPAM.contains(e.getKey())) {
                spam += e.getValue();
            }
        }
        return spam;
    }

    private static void trim(SenderWindow window) {
        final List<SenderStats> kept = window.spamSenders.values().stream().sorted(MOST_SPAM).limit(SENDERS_KEPT).toList();
        window.spamSenders.clear();
        kept.forEach(s -> window.spamSenders.put(s.getSender(), s));
        window.trimmed = true;
    }

    /** A window older than every kept one, when the view is full: it would be dropped at once. */
    private static boolean isTooOld(NavigableMap<Long, ?> windows, long start) {
        return windows.size() >= WINDOWS && !windows.containsKey(start) && start < windows.firstKey();
    }

    private static void dropOld(NavigableMap<Long, ?> windows) {
        while (windows.size() > WINDOWS) {
            windows.pollFirstEntry();
        }
    }
}
