package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.app.http.Request;
import io.leakwatch.app.http.Response;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.Stratum;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficViewTest {

    private static final long HOUR = 3_600_000L;
    /** 2026-11-02T00:00Z. */
    private static final long T0 = 1_793_577_600_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrafficView view = new TrafficView(ZoneOffset.ofHours(8));

    @Test
    void shouldListTheSendersWithTheMostSpamInTheNewestWindowOnly() {
        view.add(sender("10690000999", T0 - HOUR, Map.of("FRAUD", 1000L)));
        view.add(sender("10690000123", T0, Map.of("MARKETING", 7L, "FRAUD", 3L)));
        view.add(sender("+8617100000000", T0, Map.of("ADULT", 3L, "NORMAL", 50L)));
        view.add(sender("95588", T0, Map.of("TRANSACTIONAL", 400L)));
        view.add(sender("10690000456", T0, Map.of("MARKETING", 1L)));

        final JsonNode top = view.topSenders(2);

        assertThat(top.path("windowStart").asText()).isEqualTo("2026-11-02T08:00:00+08:00");
        assertThat(top.path("windowEnd").asText()).isEqualTo("2026-11-02T09:00:00+08:00");
        assertThat(top.path("spamSenders").asInt()).as("senders without spam are not counted").isEqualTo(3);
        assertThat(top.path("spamMessages").asLong()).isEqualTo(14);
        assertThat(top.path("complete").asBoolean()).isTrue();
        assertThat(top.path("senders").findValuesAsText("sender")).containsExactly("10690000123", "+8617100000000");
        final JsonNode first = top.path("senders").get(0);
        assertThat(first.path("spam").asLong()).isEqualTo(10);
        assertThat(first.path("messages").asLong()).isEqualTo(10);
        assertThat(first.path("byCategory").path("MARKETING").asLong()).isEqualTo(7);
        assertThat(first.path("distinctRecipients").asLong()).isEqualTo(9);
        assertThat(first.path("newRecipientRatio").asDouble()).isEqualTo(0.5);
        assertThat(top.path("senders").get(1).path("messages").asLong()).isEqualTo(53);
    }

    @Test
    void shouldReplaceASendersWindowWhenACorrectionArrives() {
        view.add(sender("10690000123", T0, Map.of("MARKETING", 7L)));
        view.add(sender("10690000123", T0, Map.of("MARKETING", 9L)));

        final JsonNode top = view.topSenders(20);

        assertThat(top.path("spamSenders").asInt()).isEqualTo(1);
        assertThat(top.path("spamMessages").asLong()).isEqualTo(9);
    }

    @Test
    void shouldKeepTheSendersWithTheMostSpamAndSayTheCountIsIncompleteWhenAWindowOverflows() {
        for (int i = 1; i <= 2 * TrafficView.SENDERS_KEPT; i++) {
            view.add(sender("s" + i, T0, Map.of("MARKETING", (long) i)));
        }

        final JsonNode top = view.topSenders(3);

        assertThat(top.path("complete").asBoolean()).isFalse();
        assertThat(top.path("spamSenders").asInt()).isEqualTo(TrafficView.SENDERS_KEPT);
        final int most = 2 * TrafficView.SENDERS_KEPT;
        assertThat(top.path("senders").findValuesAsText("sender")).containsExactly("s" + most, "s" + (most - 1), "s" + (most - 2));
    }

    @Test
    void shouldAnswerWithNoWindowBeforeAnyStatistics() {
        assertThat(view.topSenders(5).path("windowStart").isNull()).isTrue();
        assertThat(view.topSenders(5).path("senders")).isEmpty();
        assertThat(view.cohorts().path("windowStart").isNull()).isTrue();
        assertThat(view.cohorts().path("apps")).isEmpty();
    }

    @Test
    void shouldRankTheCohortsOfTheNewestWindowByHowManyMoreRegistrantsWereExposedThanEveryOtherAppsShareExpects() {
        view.add(cohort("meiyou", T0 - HOUR, 100, 5));
        view.add(cohort("taobao", T0 - HOUR, 200, 10));
        view.add(cohort("meiyou", T0, 1000, 30));
        view.add(cohort("taobao", T0, 200, 2));
        view.add(cohort("jd", T0, 100, 0));
        view.add(cohort("tiny", T0, 10, 1));
        view.add(cohort("newapp", T0, 0, 0));
        view.add(cohort("*0", T0, 100_000, 100_000));

        final JsonNode cohorts = view.cohorts();

        assertThat(cohorts.path("windowStart").asText()).isEqualTo("2026-11-02T08:00:00+08:00");
        final JsonNode apps = cohorts.path("apps");
        assertThat(apps.findValuesAsText("app")).as("most exposed beyond expectation first, no totals shard")
                .containsExactly("meiyou", "tiny", "newapp", "jd", "taobao");
        final JsonNode meiyou = apps.get(0);
        assertThat(meiyou.path("recent").path("share").asDouble()).isEqualTo(0.03);
        assertThat(meiyou.path("othersRecentShare").asDouble()).as("3 of the 310 recent members of the other apps")
                .isEqualTo(0.009677);
        assertThat(meiyou.path("expected").asDouble()).isEqualTo(9.677419);
        assertThat(meiyou.path("excess").asDouble()).isEqualTo(20.322581);
        assertThat(meiyou.path("lift").asDouble()).isEqualTo(3.1);
        assertThat(meiyou.path("senders").findValuesAsText("sender")).containsExactly("10690000123");
        assertThat(meiyou.path("history").findValuesAsText("windowStart"))
                .containsExactly("2026-11-02T07:00:00+08:00", "2026-11-02T08:00:00+08:00");
        assertThat(meiyou.path("history").get(0).path("recentShare").asDouble()).isEqualTo(0.05);
        assertThat(meiyou.path("history").get(0).path("othersRecentShare").asDouble()).isEqualTo(0.05);
        final JsonNode tiny = apps.get(1);
        assertThat(tiny.path("lift").asDouble()).as("a larger lift than meiyou's, on one exposed registrant")
                .isEqualTo(4.0625);
        assertThat(tiny.path("excess").asDouble()).isEqualTo(0.753846);
        final JsonNode newapp = apps.get(2);
        assertThat(newapp.path("recent").path("share").isNull()).isTrue();
        assertThat(newapp.path("lift").isNull()).isTrue();
        assertThat(newapp.path("excess").asDouble()).as("no members, none expected").isZero();
        final JsonNode taobao = apps.get(4);
        assertThat(taobao.path("othersRecentShare").asDouble()).as("31 of 1,110").isEqualTo(0.027928);
        assertThat(taobao.path("excess").asDouble()).isEqualTo(2 - 200 * 31 / 1110.0, within(1e-6));
    }

    @Test
    void shouldGaugeEachAppsNewestWindowForTheDashboardAppsSeenBeforeBindingIncluded() {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        view.add(cohort("meiyou", T0, 100, 30));
        view.bindTo(meters);
        view.add(cohort("taobao", T0, 200, 10));
        view.add(cohort("jd", T0 - HOUR, 100, 0));

        assertThat(gauge(meters, TrafficView.EXCESS_GAUGE, "meiyou")).as("30 exposed where taobao's 5 %% predicts 5").isEqualTo(25.0);
        assertThat(gauge(meters, TrafficView.SHARE_GAUGE, "meiyou")).isEqualTo(0.3);
        assertThat(gauge(meters, TrafficView.OTHERS_SHARE_GAUGE, "taobao")).isEqualTo(0.3);
        assertThat(gauge(meters, TrafficView.EXCESS_GAUGE, "jd")).as("not in the newest window").isNaN();

        view.add(cohort("meiyou", T0 + HOUR, 100, 5));
        assertThat(gauge(meters, TrafficView.EXCESS_GAUGE, "meiyou")).as("a newer window, meiyou alone in it").isNaN();
        assertThat(gauge(meters, TrafficView.SHARE_GAUGE, "meiyou")).isEqualTo(0.05);
    }

    private static double gauge(SimpleMeterRegistry meters, String name, String app) {
        return meters.get(name).tag("app", app).gauge().value();
    }

    @Test
    void shouldKeepADayOfWindowsAndIgnoreOnesOlderThanThat() {
        for (int h = 0; h < TrafficView.WINDOWS + 6; h++) {
            view.add(cohort("meiyou", T0 + h * HOUR, 100, h));
        }
        view.add(cohort("meiyou", T0, 100, 50));

        final JsonNode history = view.cohorts().path("apps").get(0).path("history");

        assertThat(history).hasSize(TrafficView.WINDOWS);
        assertThat(history.get(0).path("recentShare").asDouble()).as("the seventh window is the oldest kept").isEqualTo(0.06);
    }

    @Test
    void shouldRejectALimitThatIsNotAWholeNumberInRangeNamingIt() throws Exception {
        for (String bad : List.of("abc", "0", "1001", "-3", "")) {
            final Response response = view.topSendersHandler().handle(get("/senders/top", Map.of("limit", bad)));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .contains("query parameter limit must be a whole number from 1 to 1000, was '" + bad + "'");
        }
        view.add(sender("10690000123", T0, Map.of("MARKETING", 7L)));
        final Response ok = view.topSendersHandler().handle(get("/senders/top", Map.of()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("senders")).hasSize(1);
        final Response cohorts = view.cohortsHandler().handle(get("/cohorts", Map.of()));
        assertThat(JSON.readTree(cohorts.body()).has("apps")).isTrue();
    }

    private static Request get(String path, Map<String, String> query) {
        return new Request("GET", path, query, Map.of(), new byte[0]);
    }

    private static SenderStats sender(String sender, long start, Map<String, Long> byCategory) {
        return SenderStats.newBuilder().setSender(sender).setWindowStart(start).setWindowEnd(start + HOUR)
                .setMessages(byCategory.values().stream().mapToLong(Long::longValue).sum())
                .setByCategory(new HashMap<>(byCategory)).setDistinctRecipients(9).setNewRecipientRatio(0.5)
                .setOptOutMessages(0).setDistinctCampaigns(1).build();
    }

    private static CohortStats cohort(String app, long start, long recentMembers, long recentExposed) {
        final List<SenderExposure> senders = new ArrayList<>();
        if (recentExposed > 0) {
            senders.add(SenderExposure.newBuilder().setSender("10690000123").setExposed(recentExposed)
                    .setRecentExposed(recentExposed).setCategory(Category.MARKETING).build());
        }
        return CohortStats.newBuilder().setApp(app).setWindowStart(start).setWindowEnd(start + HOUR).setRegistrations(3)
                .setRecent(stratum(recentMembers, recentExposed)).setAll(stratum(recentMembers * 4, recentExposed))
                .setSenders(senders).build();
    }

    private static Stratum stratum(long members, long exposed) {
        return Stratum.newBuilder().setMembers(members).setExposed(exposed).build();
    }
}
