package io.leakwatch.topology.sender;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.leakwatch.schemas.SenderStats;
import io.leakwatch.topology.LeakWatchConfig;
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
    private LeakWatchDriver lw = new LeakWatchDriver();

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
        final String friend = LeakWatchDriver.senderAsWritten("13912345678");
        assertThat(friend).startsWith("m:");
        assertThat(stats).containsOnlyKeys(SPAMMER, friend);
        final SenderStats spammer = stats.get(SPAMMER);
        assertThat(spammer.getWindowStart()).isEqualTo(T0);
        assertThat(spammer.getWindowEnd()).isEqualTo(T0 + HOUR);
        assertThat(spammer.getMessages()).isEqualTo(200);
        assertThat(spammer.getByCategory()).isEqualTo(categories);
        assertThat((double) spammer.getDistinctRecipients()).isCloseTo(200, within(10.0));
        assertThat(spammer.getNewRecipientRatio()).as("every recipient is new in the first window").isEqualTo(1.0);
        assertThat(spammer.getOptOutMessages()).isEqualTo(categories.getOrDefault("MARKETING", 0L));
        assertThat(stats.get(friend).getMessages()).isEqualTo(1);

        lw.send(T0 + HOUR + 30 * MINUTE, "13912345678", recipient(1), "今晚回家吃饭吗");
        letCorrectionsOut();
        closeWindowsBefore(T0 + 2 * HOUR + 6 * MINUTE);
        assertThat(lw.senderStats()).filteredOn(s -> s.getWindowStart() == T0).as("a window is summarised once").isEmpty();
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

    @Test
    void shouldCountRecordsLaterThanTheGraceWhenWithinTheLateness() {
        sendWindow(T0, 0, 100);
        closeWindowsBefore(T0 + 3 * HOUR);
        assertThat(ofSpammer(drain())).extracting(SenderStats::getMessages).containsExactly(100L);

        // A backlog: the partition with the rest of that hour comes in 2 h 40 min behind, past the 5-minute grace.
        for (int i = 0; i < 50; i++) {
            lw.send(T0 + 20 * MINUTE + i * 1_000L, SPAMMER, recipient(100 + i), MARKETING);
        }
        letCorrectionsOut();
        final List<SenderStats> corrected = ofSpammer(drain());
        assertThat(corrected).extracting(SenderStats::getWindowStart, SenderStats::getMessages).containsExactly(tuple(T0, 150L));
        assertThat((double) corrected.get(0).getDistinctRecipients()).isCloseTo(150, within(8.0));
        assertThat(lw.droppedRecords()).isZero();
    }

    @Test
    void shouldEmitOneCorrectionWhenLateRecordsLandInAnEmittedWindow() {
        sendWindow(T0, 0, 200);
        closeWindowsBefore(T0 + HOUR + 6 * MINUTE);
        assertThat(ofSpammer(drain())).extracting(SenderStats::getMessages).containsExactly(200L);

        for (int i = 0; i < 3; i++) {
            lw.send(T0 + 50 * MINUTE + i, SPAMMER, recipient(1_000 + i), MARKETING);
        }
        assertThat(ofSpammer(drain())).as("no record per late message").isEmpty();
        letCorrectionsOut();
        assertThat(ofSpammer(drain())).extracting(SenderStats::getWindowStart, SenderStats::getMessages)
                .containsExactly(tuple(T0, 203L));

        letCorrectionsOut();
        closeWindowsBefore(T0 + 2 * HOUR + 6 * MINUTE);
        assertThat(ofSpammer(drain())).as("nothing changed since the correction").isEmpty();
    }

    @Test
    void shouldCompareACorrectedWindowWithTheSendersEarlierWindowsOnly() {
        sendWindow(T0, 0, 200);
        sendWindow(T0 + HOUR, 0, 200);
        sendWindow(T0 + 2 * HOUR, 1_000, 200);
        closeWindowsBefore(T0 + 3 * HOUR + 6 * MINUTE);
        final List<SenderStats> first = ofSpammer(drain());
        assertThat(first).extracting(SenderStats::getWindowStart).containsExactly(T0, T0 + HOUR, T0 + 2 * HOUR);
        assertThat(first.get(1).getNewRecipientRatio()).as("the same 200 again").isLessThan(0.05);
        assertThat(first.get(2).getNewRecipientRatio()).as("200 new ones").isGreaterThan(0.95);

        lw.send(T0 + HOUR + 30 * MINUTE, SPAMMER, recipient(5), MARKETING);
        lw.send(T0 + 2 * HOUR + 30 * MINUTE, SPAMMER, recipient(1_200), MARKETING);
        letCorrectionsOut();
        final List<SenderStats> corrected = ofSpammer(drain());
        assertThat(corrected).extracting(SenderStats::getWindowStart, SenderStats::getMessages)
                .containsExactly(tuple(T0 + HOUR, 201L), tuple(T0 + 2 * HOUR, 201L));
        assertThat(corrected.get(0).getNewRecipientRatio()).as("an old recipient more").isLessThan(0.05);
        assertThat(corrected.get(1).getNewRecipientRatio()).as("compared with the hours before, not with itself")
                .isGreaterThan(0.95);
    }

    @Test
    void shouldCorrectALaterWindowsRatioWhenTheSendersEarlierWindowArrivesLate() {
        correctALaterWindowsRatioWhenTheSendersEarlierWindowArrivesLate();
    }

    @Test
    void shouldCorrectALaterWindowsRatioAlsoWithALatenessOfDays() {
        // windows stay correctable for two days: every window of the test is still open when the late one comes
        lw.close();
        lw = new LeakWatchDriver(LeakWatchConfig.demoWith("leakwatch.sender.lateness", "P2D"));
        correctALaterWindowsRatioWhenTheSendersEarlierWindowArrivesLate();
    }

    private void correctALaterWindowsRatioWhenTheSendersEarlierWindowArrivesLate() {
        sendWindow(T0 + HOUR, 0, 200);
        closeWindowsBefore(T0 + 2 * HOUR + 6 * MINUTE);
        assertThat(ofSpammer(drain())).extracting(SenderStats::getNewRecipientRatio).containsExactly(1.0);

        // The partition holding the hour before comes in behind, as in a backlog: the same recipients.
        sendWindow(T0, 0, 200);
        letCorrectionsOut();
        final List<SenderStats> out = ofSpammer(drain());
        assertThat(out).extracting(SenderStats::getWindowStart, SenderStats::getMessages)
                .containsExactly(tuple(T0, 200L), tuple(T0 + HOUR, 200L));
        assertThat(out.get(0).getNewRecipientRatio()).isEqualTo(1.0);
        assertThat(out.get(1).getNewRecipientRatio()).as("its recipients were reached the hour before").isLessThan(0.05);
    }

    @Test
    void shouldCountARecordLaterThanTheLatenessAsDropped() {
        sendWindow(T0, 0, 100);
        closeWindowsBefore(T0 + 7 * HOUR + MINUTE);
        assertThat(ofSpammer(drain())).extracting(SenderStats::getMessages).containsExactly(100L);

        lw.send(T0 + 30 * MINUTE, SPAMMER, recipient(500), MARKETING);
        lw.send(T0 + 2 * HOUR + 30 * MINUTE, SPAMMER, recipient(501), MARKETING);
        letCorrectionsOut();
        assertThat(lw.droppedRecords()).as("the first is past the 6-hour lateness of its window").isEqualTo(1);
        assertThat(lw.listener().senderRecordsTooLate).hasValue(1);
        assertThat(ofSpammer(drain())).as("the second, 4.5 h late, is counted")
                .extracting(SenderStats::getWindowStart, SenderStats::getMessages, SenderStats::getNewRecipientRatio)
                .containsExactly(tuple(T0 + 2 * HOUR, 1L, 1.0));
    }

    /** {@code count} messages of the spammer spread over the first 33 minutes of a window, to recipients from {@code first}. */
    private void sendWindow(long windowStart, int first, int count) {
        for (int i = 0; i < count; i++) {
            lw.send(windowStart + i * 10_000L, SPAMMER, recipient(first + i), MARKETING);
        }
    }

    /** Lets the wall-clock time of one correction pass go by. */
    private void letCorrectionsOut() {
        lw.advanceWallClock(SenderStatsProcessor.WALL_CLOCK_PASS);
    }

    /** What sender.stats received since the last call. */
    private List<SenderStats> drain() {
        return lw.senderStats();
    }

    private static List<SenderStats> ofSpammer(List<SenderStats> stats) {
        return stats.stream().filter(s -> s.getSender().equals(SPAMMER)).toList();
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
