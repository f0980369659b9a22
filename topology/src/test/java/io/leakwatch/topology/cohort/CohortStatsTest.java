package io.leakwatch.topology.cohort;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.internal.CohortState;
import io.leakwatch.schemas.internal.RegistrationBucket;
import io.leakwatch.schemas.internal.RegistrationHistory;
import io.leakwatch.schemas.internal.SenderAccumulator;
import io.leakwatch.topology.LeakWatchDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Membership (who registered where) and the per-app cohort statistics built on it, through the whole topology. */
class CohortStatsTest {

    private static final String MEIYOU_OTP = "【美柚】您的验证码是483920，5分钟内有效";
    private static final String ELEME_OTP = "【饿了么】您的验证码是551204，5分钟内有效";
    private static final String SPAM = "【优衣库】春季新品全场8折，会员再享95折，回T退订";
    private static final String OWN_MARKETING = "【美柚】春季新品全场8折，会员再享95折，回T退订";
    private final LeakWatchDriver lw = new LeakWatchDriver();

    @BeforeEach
    void registerApps() {
        lw.app("meiyou", "美柚", "1069001");
        lw.app("eleme", "饿了么", "1069002");
    }

    @AfterEach
    void close() {
        lw.close();
    }

    @Test
    void shouldCountAMemberExposedToThirdPartySpamOncePerBucketWhenTheBucketCloses() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069999", "13800138000", SPAM);
        lw.send(T0 + 30 * MINUTE, "1069999", "13800138000", SPAM);
        lw.send(T0 + 40 * MINUTE, "1069001", "13800138001", MEIYOU_OTP);
        // Past the bucket end but within the grace period: nothing is final yet.
        lw.send(T0 + HOUR + 2 * MINUTE, "1069002", "13800138002", ELEME_OTP);
        assertThat(lw.cohortStats()).isEmpty();

        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138003", ELEME_OTP);
        final List<CohortStats> first = lw.cohortStats();
        assertThat(first).singleElement().satisfies(stats -> {
            assertThat(stats.getApp()).isEqualTo("meiyou");
            assertThat(stats.getWindowStart()).isEqualTo(T0);
            assertThat(stats.getWindowEnd()).isEqualTo(T0 + HOUR);
            assertThat(stats.getRegistrations()).isEqualTo(2);
            assertThat(stats.getRecent().getMembers()).isEqualTo(2);
            assertThat(stats.getAll().getMembers()).isEqualTo(2);
            assertThat(stats.getRecent().getExposed()).as("one member, however many spams").isEqualTo(1);
            assertThat(stats.getAll().getExposed()).isEqualTo(1);
            assertThat(stats.getFirstSpams()).isEqualTo(1);
            assertThat(stats.getSenders()).extracting(SenderExposure::getSender, SenderExposure::getCategory)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1069999", Category.MARKETING));
        });

        // More records in the next bucket do not repeat the first one.
        lw.send(T0 + HOUR + 30 * MINUTE, "1069999", "13800138000", SPAM);
        assertThat(lw.cohortStats()).isEmpty();

        lw.send(T0 + 2 * HOUR + 6 * MINUTE, "1069002", "13800138004", ELEME_OTP);
        final Map<String, CohortStats> second = byApp(lw.cohortStats());
        assertThat(second).containsOnlyKeys("meiyou", "eleme");
        assertThat(second.get("meiyou").getWindowStart()).isEqualTo(T0 + HOUR);
        assertThat(second.get("meiyou").getRegistrations()).isZero();
        assertThat(second.get("meiyou").getRecent().getMembers()).as("members stay members").isEqualTo(2);
        assertThat(second.get("meiyou").getRecent().getExposed()).isEqualTo(1);
        assertThat(second.get("meiyou").getFirstSpams()).as("not the first spam any more").isZero();
        assertThat(second.get("eleme").getRegistrations()).isEqualTo(2);
        assertThat(second.get("eleme").getRecent().getExposed()).isZero();
    }

    @Test
    void shouldCountWhatHappensAfterABucketsEndInTheNextBucketWhileTheFirstWaitsOutItsGrace() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 50 * MINUTE, "1069999", "13800138000", SPAM);
        // Within the first bucket's grace period, which keeps it open, but after its end: the next bucket's.
        lw.send(T0 + HOUR + 2 * MINUTE, "1069999", "13800138000", SPAM);
        lw.send(T0 + HOUR + 3 * MINUTE, "1069001", "13800138001", MEIYOU_OTP);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138003", ELEME_OTP);
        lw.send(T0 + 2 * HOUR + 6 * MINUTE, "1069002", "13800138004", ELEME_OTP);

        final List<CohortStats> meiyou = lw.cohortStats().stream().filter(s -> s.getApp().equals("meiyou")).toList();
        assertThat(meiyou).extracting(CohortStats::getWindowStart).containsExactly(T0, T0 + HOUR);
        final CohortStats first = meiyou.get(0);
        assertThat(first.getRegistrations()).isEqualTo(1);
        assertThat(first.getRecent().getExposed()).isEqualTo(1);
        assertThat(first.getMemberSpam()).isEqualTo(1);
        assertThat(first.getFirstSpams()).isEqualTo(1);
        final CohortStats second = meiyou.get(1);
        assertThat(second.getRegistrations()).isEqualTo(1);
        assertThat(second.getRecent().getMembers()).isEqualTo(2);
        assertThat(second.getRecent().getExposed()).as("the same member, exposed again in a new bucket").isEqualTo(1);
        assertThat(second.getMemberSpam()).isEqualTo(1);
        assertThat(second.getSenders()).extracting(SenderExposure::getSender, SenderExposure::getExposed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1069999", 1L));
    }

    @Test
    void shouldNotCountAnAppsOwnMarketingAsExposure() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069001", "13800138000", OWN_MARKETING);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138003", ELEME_OTP);

        final List<ClassifiedSms> classified = lw.classified();
        assertThat(classified.get(1).getCategory()).as("precondition: it is spam").isEqualTo(Category.MARKETING);
        assertThat(classified.get(1).getApp()).isEqualTo("meiyou");
        final CohortStats stats = byApp(lw.cohortStats()).get("meiyou");
        assertThat(stats.getRecent().getMembers()).isEqualTo(1);
        assertThat(stats.getRecent().getExposed()).isZero();
        assertThat(stats.getAll().getExposed()).isZero();
        assertThat(stats.getSenders()).isEmpty();
    }

    @Test
    void shouldNotCountAnAppsOwnMarketingToItsUsersAsExposureOfTheOtherAppsTheyJoined() {
        lw.send(T0 + 5 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 6 * MINUTE, "1069002", "13800138000", ELEME_OTP);
        lw.send(T0 + 7 * MINUTE, "1069002", "13800138001", ELEME_OTP);
        lw.send(T0 + 20 * MINUTE, "1069001", "13800138000", OWN_MARKETING);
        lw.send(T0 + 21 * MINUTE, "1069001", "13800138001", OWN_MARKETING);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138003", ELEME_OTP);

        final CohortStats eleme = byApp(lw.cohortStats()).get("eleme");
        assertThat(eleme.getRecent().getMembers()).isEqualTo(2);
        assertThat(eleme.getAll().getExposed())
                .as("meiyou marketing to its own user is no exposure of eleme; to eleme's user who never joined meiyou it is").isEqualTo(1);
        assertThat(eleme.getAll().getSharedExposed()).isEmpty();
        assertThat(eleme.getSenders()).singleElement().satisfies(s -> assertThat(s.getExposed()).isEqualTo(1));
    }

    @Test
    void shouldNotExposeSomeoneWhoIsNoMember() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069999", "13999999999", SPAM);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138003", ELEME_OTP);

        final CohortStats stats = byApp(lw.cohortStats()).get("meiyou");
        assertThat(stats.getAll().getExposed()).isZero();
    }

    @Test
    void shouldReportMembersSharedWithAnotherApp() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 15 * MINUTE, "1069002", "13800138000", ELEME_OTP);
        lw.send(T0 + 16 * MINUTE, "1069001", "13800138000", MEIYOU_OTP.replace("483920", "111222"));
        lw.send(T0 + 17 * MINUTE, "1069001", "13800138001", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069999", "13800138000", SPAM);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138003", ELEME_OTP);

        final Map<String, CohortStats> stats = byApp(lw.cohortStats());
        final CohortStats meiyou = stats.get("meiyou");
        assertThat(meiyou.getRegistrations()).as("a second OTP is a log-in, not a registration").isEqualTo(2);
        assertThat(meiyou.getRecent().getMembers()).isEqualTo(2);
        assertThat(meiyou.getRecent().getSharedMembers()).isEqualTo(Map.of("eleme", 1L));
        assertThat(meiyou.getRecent().getExposed()).isEqualTo(1);
        assertThat(meiyou.getRecent().getSharedExposed()).isEqualTo(Map.of("eleme", 1L));
        final CohortStats eleme = stats.get("eleme");
        assertThat(eleme.getRecent().getMembers()).isEqualTo(1);
        assertThat(eleme.getRecent().getSharedMembers()).isEqualTo(Map.of("meiyou", 1L));
        assertThat(eleme.getAll().getSharedExposed()).isEqualTo(Map.of("meiyou", 1L));
        assertThat(eleme.getSenders()).singleElement().satisfies(s -> assertThat(s.getShared()).isEqualTo(Map.of("meiyou", 1L)));
    }

    @Test
    void shouldMoveMembersOutOfTheRecentStratumAfterTheHorizon() {
        final LeakWatchDriver shortHorizon = new LeakWatchDriver(LeakWatchDriver.config("leakwatch.recent.horizon", "PT2H"));
        try (shortHorizon) {
            shortHorizon.app("meiyou", "美柚", "1069001");
            shortHorizon.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
            for (int h = 1; h <= 3; h++) {
                shortHorizon.send(T0 + h * HOUR + 6 * MINUTE, "1069001", "1380013810" + h, MEIYOU_OTP);
            }
            final List<CohortStats> stats = shortHorizon.cohortStats();
            assertThat(stats).extracting(s -> s.getRecent().getMembers()).containsExactly(1L, 2L, 2L);
            assertThat(stats).extracting(s -> s.getAll().getMembers()).containsExactly(1L, 2L, 3L);
        }
    }

    private static Map<String, CohortStats> byApp(List<CohortStats> stats) {
        final Map<String, CohortStats> map = new java.util.TreeMap<>();
        for (CohortStats s : stats) {
            assertThat(map.put(s.getApp(), s)).as("one record per app and bucket: %s", s.getApp()).isNull();
        }
        return map;
    }

    @Test
    void shouldNameEachSenderInTheBucketItReachedTheCohortOnly() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069999", "13800138000", SPAM);
        lw.send(T0 + HOUR + 20 * MINUTE, "1069888", "13800138000", SPAM);
        lw.send(T0 + 2 * HOUR + 6 * MINUTE, "1069002", "13800138004", ELEME_OTP);
        final List<CohortStats> meiyou = lw.cohortStats().stream().filter(s -> s.getApp().equals("meiyou")).toList();
        assertThat(meiyou).extracting(CohortStats::getWindowStart).containsExactly(T0, T0 + HOUR);
        assertThat(meiyou.get(0).getSenders()).extracting(SenderExposure::getSender).containsExactly("1069999");
        assertThat(meiyou.get(1).getSenders()).extracting(SenderExposure::getSender).containsExactly("1069888");
    }

    @Test
    void shouldForgetTheSendersOfABucketTooOldToEmitAfterALongSilence() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069999", "13800138000", SPAM);
        // Silence far beyond the longest window: the first bucket is never emitted, and its sender must not
        // show up in a later one.
        final long later = T0 + 3L * LeakWatchDriver.config().maxWindowBuckets() * HOUR;
        lw.send(later + 20 * MINUTE, "1069888", "13800138000", SPAM);
        lw.send(later + HOUR + 6 * MINUTE, "1069002", "13800138004", ELEME_OTP);
        final List<CohortStats> meiyou = lw.cohortStats().stream().filter(s -> s.getApp().equals("meiyou")).toList();
        assertThat(meiyou).isNotEmpty();
        assertThat(meiyou).flatExtracting(CohortStats::getSenders).extracting(SenderExposure::getSender)
                .containsExactly("1069888");
    }

    @Test
    void shouldEmitTheSendersAStateOfTheEarlierFormatHeldInline() {
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        // What LeakWatch up to 2026-12-01 kept in the open store: the senders inside the app's state.
        final org.apache.kafka.streams.state.KeyValueStore<String, CohortState> open =
                lw.driver().getKeyValueStore(CohortProcessor.OPEN_STORE);
        final CohortState state = open.get("meiyou");
        state.getSenders().put("1069777", SenderAccumulator.newBuilder().setExposed(5).setRecentExposed(5)
                .setShared(new java.util.HashMap<>()).setByCategory(new java.util.HashMap<>(Map.of("FRAUD", 5L)))
                .setByFingerprint(new java.util.HashMap<>()).build());
        open.put("meiyou", state);
        lw.send(T0 + 20 * MINUTE, "1069999", "13800138000", SPAM);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138004", ELEME_OTP);
        assertThat(lw.cohortStats()).filteredOn(s -> s.getApp().equals("meiyou")).singleElement()
                .satisfies(stats -> assertThat(stats.getSenders())
                        .extracting(SenderExposure::getSender, SenderExposure::getExposed, SenderExposure::getCategory)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("1069777", 5L, Category.FRAUD),
                                org.assertj.core.groups.Tuple.tuple("1069999", 1L, Category.MARKETING)));
    }

    @Test
    void shouldKeepCountingMembersMergedIntoDaysAndDropThemAfterTheLifetime() {
        final LeakWatchDriver lw2 = new LeakWatchDriver(LeakWatchDriver.config("leakwatch.recent.horizon", "PT2H",
                "leakwatch.member.ttl", "P3D"));
        try (lw2) {
            lw2.app("meiyou", "美柚", "1069001");
            lw2.app("eleme", "饿了么", "1069002");
            lw2.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
            lw2.send(T0 + 3 * HOUR + 10 * MINUTE, "1069001", "13800138001", MEIYOU_OTP);
            // A day later: both first-day buckets are older than the horizon and merged into one entry for the day;
            // a co-membership then lands in that merged entry.
            lw2.send(T0 + 30 * HOUR + 10 * MINUTE, "1069002", "13800138001", ELEME_OTP);
            lw2.send(T0 + 31 * HOUR + 6 * MINUTE, "1069001", "13800138002", MEIYOU_OTP);
            final CohortStats dayLater = lastOf(lw2.cohortStats(), "meiyou");
            assertThat(dayLater.getWindowStart()).isEqualTo(T0 + 30 * HOUR);
            assertThat(dayLater.getAll().getMembers()).isEqualTo(2);
            assertThat(dayLater.getAll().getSharedMembers()).isEqualTo(Map.of("eleme", 1L));
            assertThat(dayLater.getRecent().getMembers()).isZero();
            // Past the three-day lifetime of the first day's members only the later one counts.
            lw2.send(T0 + 4 * 24 * HOUR + 10 * MINUTE, "1069002", "13800138009", ELEME_OTP);
            lw2.send(T0 + 4 * 24 * HOUR + HOUR + 6 * MINUTE, "1069002", "13800138008", ELEME_OTP);
            assertThat(lastOf(lw2.cohortStats(), "meiyou").getAll().getMembers()).isEqualTo(1);
        }
    }

    @Test
    void shouldCountTheMembersOfARegistrationHistoryOfTheEarlierFormat() {
        // What LeakWatch up to 2026-12-02 kept: the app's whole history as one value, here 3 members an hour earlier,
        // found by the first event after a start.
        final org.apache.kafka.streams.state.KeyValueStore<String, RegistrationHistory> legacy =
                lw.driver().getKeyValueStore(CohortProcessor.REGISTRATIONS_STORE);
        legacy.put("meiyou", RegistrationHistory.newBuilder().setApp("meiyou").setBuckets(new java.util.ArrayList<>(List.of(
                RegistrationBucket.newBuilder().setBucket(T0 / HOUR - 1).setSpan(1).setMembers(3)
                        .setShared(new java.util.HashMap<>(Map.of("eleme", 1L))).build()))).build());
        lw.send(T0 + 10 * MINUTE, "1069001", "13800138000", MEIYOU_OTP);
        lw.send(T0 + 20 * MINUTE, "1069001", "13800138001", MEIYOU_OTP);
        lw.send(T0 + HOUR + 6 * MINUTE, "1069002", "13800138004", ELEME_OTP);
        final CohortStats meiyou = lastOf(lw.cohortStats(), "meiyou");
        assertThat(meiyou.getRecent().getMembers()).as("3 moved, 2 counted after").isEqualTo(5);
        assertThat(meiyou.getRecent().getSharedMembers()).isEqualTo(Map.of("eleme", 1L));
        assertThat(legacy.approximateNumEntries()).isZero();
    }

    private static CohortStats lastOf(List<CohortStats> stats, String app) {
        return stats.stream().filter(s -> s.getApp().equals(app)).reduce((a, b) -> b).orElseThrow();
    }
}
