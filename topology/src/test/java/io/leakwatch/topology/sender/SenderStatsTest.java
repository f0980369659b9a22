package io.leakwatch.topology.sender;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leakwatch.schemas.SenderStats;
import io.leakwatch.topology.LeakWatchDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SenderStatsTest {

    private static final String SPAMMER = "1069999";
    private static final String MARKETING = "【优衣库】春季新品全场8折，会员再享95折，回T退订";
    private static final String FRAUD = "澳门百家乐真人娱乐城，注册送彩金，首存即送100%，网址 www.example88.com";
    private final LeakWatchDriver lw = new LeakWatchDriver();

    @AfterEach
    void close() {
        lw.close();
    }

    @Test
    void shouldEmitOneSummaryPerSenderWhenItsWindowCloses() {
        for (int i = 0; i < 200; i++) {
            lw.send(T0 + i * 10_000L, SPAMMER, recipient(i), i % 4 == 0 ? FRAUD : MARKETING);
        }
        lw.send(T0 + 30 * MINUTE, "13912345678", recipient(0), "今晚回家吃饭吗");
        final Map<String, Long> categories = lw.classified().stream().filter(s -> s.getSender().equals(SPAMMER))
                .collect(Collectors.groupingBy(s -> s.getCategory().name(), TreeMap::new, Collectors.counting()));
        assertThat(categories).containsKey("MARKETING");

        lw.send(T0 + HOUR + 2 * MINUTE, SPAMMER, recipient(0), MARKETING);
        assertThat(lw.senderStats()).as("still within the grace period").isEmpty();

        closeWindowsBefore(T0 + HOUR + 6 * MINUTE);
        final Map<String, SenderStats> stats = bySender(lw.senderStats());
        assertThat(stats).containsOnlyKeys(SPAMMER, "13912345678");
        final SenderStats spammer = stats.get(SPAMMER);
        assertThat(spammer.getWindowStart()).isEqualTo(T0);
        assertThat(spammer.getWindowEnd()).isEqualTo(T0 + HOUR);
        assertThat(spammer.getMessages()).isEqualTo(200);
        assertThat(spammer.getByCategory()).isEqualTo(categories);
        assertThat((double) spammer.getDistinctRecipients()).isCloseTo(200, within(10.0));
        assertThat(spammer.getNewRecipientRatio()).as("every recipient is new in the first window").isEqualTo(1.0);
        assertThat(spammer.getOptOutMessages()).isEqualTo(categories.getOrDefault("MARKETING", 0L));
        assertThat(stats.get("13912345678").getMessages()).isEqualTo(1);

        lw.send(T0 + HOUR + 30 * MINUTE, "13912345678", recipient(1), "今晚回家吃饭吗");
        assertThat(lw.senderStats()).as("a window is summarised once").isEmpty();
    }

    @Test
    void shouldSeeFewNewRecipientsWhenTheSameOnesComeBack() {
        for (int i = 0; i < 200; i++) {
            lw.send(T0 + i * 10_000L, SPAMMER, recipient(i), MARKETING);
        }
        for (int i = 0; i < 200; i++) {
            lw.send(T0 + HOUR + i * 10_000L, SPAMMER, recipient(i), MARKETING);
        }
        for (int i = 0; i < 200; i++) {
            lw.send(T0 + 2 * HOUR + i * 10_000L, SPAMMER, recipient(i % 100 + (i < 100 ? 0 : 1_000)), MARKETING);
        }
        closeWindowsBefore(T0 + 3 * HOUR + 6 * MINUTE);

        final List<SenderStats> windows = lw.senderStats().stream().filter(s -> s.getSender().equals(SPAMMER)).toList();
        assertThat(windows).extracting(SenderStats::getWindowStart).containsExactly(T0, T0 + HOUR, T0 + 2 * HOUR);
        assertThat(windows.get(0).getNewRecipientRatio()).isEqualTo(1.0);
        assertThat(windows.get(1).getNewRecipientRatio()).as("the same 200 again").isLessThan(0.05);
        assertThat(windows.get(2).getNewRecipientRatio()).as("half old, half new").isCloseTo(0.5, within(0.1));
    }

    /** Advances stream time with one message from an unrelated sender, letting wall-clock time pass as in production. */
    private void closeWindowsBefore(long ts) {
        lw.advanceWallClock(Duration.ofSeconds(5));
        lw.send(ts, "95555", "13700000000", "今晚回家吃饭吗");
    }

    private static Map<String, SenderStats> bySender(List<SenderStats> stats) {
        final Map<String, SenderStats> map = new TreeMap<>();
        for (SenderStats s : stats) {
            assertThat(map.put(s.getSender(), s)).as("one summary per sender and window: %s", s.getSender()).isNull();
        }
        return map;
    }

    private static String recipient(int i) {
        return String.format(java.util.Locale.ROOT, "1380%07d", i);
    }
}
