package io.leakwatch.topology.alert;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.internal.CohortHistory;
import io.leakwatch.topology.LeakWatchDriver;
import io.leakwatch.topology.membership.MembershipProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The detector's incident lifecycle end to end: synthetic carrier traffic with twelve apps, background spam that
 * reaches everyone alike, and one buyer who spams only one app's new registrants for half a day.
 */
class DetectorLifecycleTest {

    private static final WatchedApps APPS = new WatchedApps(List.of("美柚", "饿了么", "美团", "拼多多", "携程", "京东", "宝宝树", "小红书",
            "滴滴出行", "大众点评", "贝壳找房", "平安好医生"));
    private static final int LEAKING = 6;
    private static final String LEAKING_APP = WatchedApps.id(LEAKING);
    private static final String BUYER = "1065500777";
    private static final String BUYER_TEXT = "本会所提供酒店上门服务，学生妹少妇模特，无需定金满意付款，电话13912345678";
    private static final String BACKGROUND_TEXT = "【优衣库】春季新品全场8折，会员再享95折，回T退订";
    private static final int HOURS = 72;
    private static final int LEAK_FROM_HOUR = 40;
    private static final int LEAK_TO_HOUR = 52;
    private static final int REGISTRATIONS_PER_APP_HOUR = 2;
    private static final int BACKGROUND_PER_HOUR = 20;
    private static final int RESOLVE_AFTER = 6;

    private final LeakWatchDriver lw = new LeakWatchDriver(LeakWatchDriver.config(
            "leakwatch.windows", "3,6", "leakwatch.resolve.after", String.valueOf(RESOLVE_AFTER)));

    @AfterEach
    void close() {
        lw.close();
    }

    @Test
    void shouldOpenOneIncidentForTheLeakingAppUpdateItRarelyAndResolveItAfterTheSpamStops() {
        registerApps();
        traffic(new Random(20250303), LEAK_TO_HOUR).forEach(lw::send);

        final List<LeakAlert> alerts = lw.alerts();
        assertThat(alerts).as("only the leaking app is accused").extracting(LeakAlert::getApp).containsOnly(LEAKING_APP);
        assertThat(alerts).extracting(LeakAlert::getAlertId).as("one incident").containsOnly(alerts.get(0).getAlertId());
        assertThat(alerts.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(alerts.get(alerts.size() - 1).getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alerts).filteredOn(a -> a.getStatus() == AlertStatus.OPEN).hasSize(1);
        assertThat(alerts).filteredOn(a -> a.getStatus() == AlertStatus.RESOLVED).hasSize(1);
        assertThat(alerts).filteredOn(a -> a.getStatus() == AlertStatus.UPDATED).as("not one alert per window").hasSizeLessThanOrEqualTo(3);

        final LeakAlert open = alerts.get(0);
        assertThat(open.getAt()).as("raised while the leak is on").isBetween(T0 + LEAK_FROM_HOUR * HOUR, T0 + LEAK_TO_HOUR * HOUR);
        assertThat(open.getAt() - T0 - LEAK_FROM_HOUR * HOUR).as("within hours, not days").isLessThanOrEqualTo(6 * HOUR);
        assertThat(open.getBuyerSenders()).containsExactly(BUYER);
        assertThat(open.getOnsetEstimate()).isBetween(T0 + LEAK_FROM_HOUR * HOUR, open.getAt());
        assertThat((double) open.getEvidence().getExposed()).isGreaterThan(open.getEvidence().getExpected());
        // A buyer this concentrated (a new number, every message into the cohort) opens the incident on a weaker rate
        // signal, but never on a rate at or below the control's.
        assertThat(open.getEvidence().getRateRatio()).isGreaterThan(1.0);
        assertThat(open.getEvidence().getBuyers()).singleElement().satisfies(buyer -> {
            assertThat(buyer.getSender()).isEqualTo(BUYER);
            assertThat(buyer.getExposedElsewhere()).isZero();
            assertThat(buyer.getQValue()).as("a buyer at the configured level").isLessThanOrEqualTo(1e-3);
        });

        final LeakAlert resolved = alerts.get(alerts.size() - 1);
        assertThat(resolved.getAt()).as("resolved after the evidence ages out and %d quiet buckets", RESOLVE_AFTER)
                .isBetween(T0 + (LEAK_TO_HOUR + RESOLVE_AFTER) * HOUR, T0 + (LEAK_TO_HOUR + 6 + RESOLVE_AFTER + 2) * HOUR);

        assertThat(lw.listener().alerts).as("the host hears what the topic gets").isEqualTo(alerts);
    }

    @Test
    void shouldKeepTheIncidentOpenWhileItsBuyerStillTargetsTheCohortThoughTheEvidenceNoLongerPasses() {
        registerApps();
        // after the leak's burst, the buyer goes on at one message every three hours: too few for any test
        traffic(new Random(20250303), HOURS).forEach(lw::send);

        final List<LeakAlert> alerts = lw.alerts();
        assertThat(alerts).extracting(LeakAlert::getApp).containsOnly(LEAKING_APP);
        assertThat(alerts).extracting(LeakAlert::getAlertId).as("one incident").containsOnly(alerts.get(0).getAlertId());
        assertThat(alerts).extracting(LeakAlert::getStatus).as("still open at the end, %d hours after the burst", HOURS - LEAK_TO_HOUR)
                .doesNotContain(AlertStatus.RESOLVED);
    }

    @Test
    void shouldReportEveryAppEveryHourEvenWhenNothingHappensToIt() {
        registerApps();
        traffic(new Random(7), LEAK_TO_HOUR).stream().filter(e -> e.getTs() < T0 + 12 * HOUR).forEach(lw::send);

        final List<CohortStats> stats = lw.cohortStats();
        final Set<String> apps = stats.stream().map(CohortStats::getApp).collect(Collectors.toSet());
        assertThat(apps).hasSize(APPS.size());
        final long perApp = stats.stream().filter(s -> s.getApp().equals(LEAKING_APP)).count();
        assertThat(stats.stream().filter(s -> s.getApp().equals(LEAKING_APP)).map(CohortStats::getWindowStart).distinct().count())
                .as("one record per bucket").isEqualTo(perApp);
        assertThat(perApp).isBetween(10L, 12L);
        assertThat(lw.alerts()).as("quiet traffic raises nothing").isEmpty();
    }

    private void registerApps() {
        APPS.register(lw);
    }


    @Test
    void shouldKeepEachSenderTotalsWindowUnderAKeyOfItsOwnAndReadAHistoryOfTheEarlierFormat() {
        registerApps();
        final List<SmsEvent> events = traffic(new Random(20250303), LEAK_TO_HOUR);
        events.forEach(lw::send);
        final KeyValueStore<String, CohortHistory> store = lw.driver().getKeyValueStore(DetectorProcessor.HISTORY_STORE);
        final java.util.Map<String, Integer> shardWindows = new java.util.TreeMap<>();
        try (KeyValueIterator<String, CohortHistory> it = store.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value.getApp().startsWith(MembershipProcessor.TOTALS_PREFIX)) {
                    assertThat(entry.value.getStats()).as("one window per value: %s", entry.key).hasSize(1);
                    shardWindows.merge(entry.value.getApp(), 1, Integer::sum);
                }
            });
        }
        final int maxWindows = LeakWatchDriver.config("leakwatch.windows", "3,6").maxWindowBuckets();
        assertThat(shardWindows).isNotEmpty();
        assertThat(shardWindows.values()).allSatisfy(n -> assertThat(n).isBetween(maxWindows, maxWindows + 1));

        // The same traffic, with the shards' windows turned back into one value per shard (the format up to
        // 2026-12-02) half-way through the leak: the same alerts.
        try (LeakWatchDriver other = new LeakWatchDriver(LeakWatchDriver.config(
                "leakwatch.windows", "3,6", "leakwatch.resolve.after", String.valueOf(RESOLVE_AFTER)))) {
            APPS.register(other);
            final long switchAt = T0 + (LEAK_FROM_HOUR + 3) * HOUR;
            events.stream().filter(e -> e.getTs() < switchAt).forEach(other::send);
            final KeyValueStore<String, CohortHistory> otherStore = other.driver().getKeyValueStore(DetectorProcessor.HISTORY_STORE);
            final java.util.Map<String, List<CohortStats>> legacy = new java.util.TreeMap<>();
            final List<String> windowKeys = new ArrayList<>();
            try (KeyValueIterator<String, CohortHistory> it = otherStore.all()) {
                it.forEachRemaining(entry -> {
                    if (entry.value.getApp().startsWith(MembershipProcessor.TOTALS_PREFIX)) {
                        legacy.computeIfAbsent(entry.value.getApp(), k -> new ArrayList<>()).addAll(entry.value.getStats());
                        windowKeys.add(entry.key);
                    }
                });
            }
            assertThat(legacy).isNotEmpty();
            windowKeys.forEach(otherStore::delete);
            legacy.forEach((shard, stats) -> otherStore.put(shard, CohortHistory.newBuilder().setApp(shard)
                    .setStats(new ArrayList<>(stats.subList(Math.max(0, stats.size() - maxWindows), stats.size()))).build()));
            events.stream().filter(e -> e.getTs() >= switchAt).forEach(other::send);
            assertThat(other.alerts()).extracting(LeakAlert::getStatus, LeakAlert::getAt, LeakAlert::getBuyerSenders)
                    .containsExactlyElementsOf(lw.alerts().stream()
                            .map(a -> org.assertj.core.groups.Tuple.tuple(a.getStatus(), a.getAt(), a.getBuyerSenders())).toList());
            assertThat(otherStore.get(legacy.keySet().iterator().next())).as("split on the shard's next window").isNull();
        }
    }

    /**
     * All events of the scenario, in event-time order; after the leak's hours, until {@code buyerUntilHour}, the buyer
     * sends one message every three hours to a registrant of the leaking app.
     */
    private List<SmsEvent> traffic(Random random, int buyerUntilHour) {
        final List<SmsEvent> events = new ArrayList<>();
        final List<String> members = new ArrayList<>();
        final List<String> leakingMembers = new ArrayList<>();
        int next = 0;
        for (int h = 0; h < HOURS; h++) {
            final long hour = T0 + h * HOUR;
            for (int a = 0; a < APPS.size(); a++) {
                for (int r = 0; r < REGISTRATIONS_PER_APP_HOUR; r++) {
                    final String recipient = String.format(Locale.ROOT, "138%08d", next++);
                    final long ts = hour + random.nextInt(60) * MINUTE + random.nextInt(60_000);
                    events.add(lw.event(ts, WatchedApps.port(a), recipient, APPS.otp(a, random)));
                    members.add(recipient);
                    if (a == LEAKING) {
                        leakingMembers.add(recipient);
                    }
                    if (a == LEAKING && h >= LEAK_FROM_HOUR && h < LEAK_TO_HOUR) {
                        events.add(lw.event(ts + (10 + random.nextInt(40)) * MINUTE, BUYER, recipient, BUYER_TEXT));
                    }
                }
            }
            if (h >= LEAK_TO_HOUR && h < buyerUntilHour && h % 3 == 0) {
                final String recipient = leakingMembers.get(random.nextInt(leakingMembers.size()));
                events.add(lw.event(hour + random.nextInt(3_600_000), BUYER, recipient, BUYER_TEXT));
            }
            for (int s = 0; s < BACKGROUND_PER_HOUR && !members.isEmpty(); s++) {
                final String recipient = members.get(random.nextInt(members.size()));
                events.add(lw.event(hour + random.nextInt(3_600_000), "106990" + random.nextInt(5), recipient, BACKGROUND_TEXT));
            }
        }
        events.sort(Comparator.comparingLong(SmsEvent::getTs));
        return events;
    }



}
