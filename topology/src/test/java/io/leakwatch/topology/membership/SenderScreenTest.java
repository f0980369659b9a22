package io.leakwatch.topology.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.internal.CohortEvent;
import io.leakwatch.schemas.internal.CohortEventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderScreenTest {

    private static final long HOUR = 3_600_000L;
    private final SenderScreen screen = new SenderScreen(3, HOUR, 24);

    @Test
    void shouldHoldContactsBackUntilTheSenderReachesTheScreenThenReleaseThem() {
        assertThat(screen.count("s", "r1", 0, false).released()).isEmpty();
        assertThat(screen.offer("s", List.of(contact("app", 10)))).as("held back").isEmpty();
        assertThat(screen.count("s", "r2", 0, false).released()).isEmpty();
        final SenderScreen.Counted third = screen.count("s", "r3", 0, false);
        assertThat(third.released()).extracting(CohortEvent::getTs).containsExactly(10L);
        assertThat(screen.offer("s", List.of(contact("app", 20)))).as("let through once passed").hasSize(1);
    }

    @Test
    void shouldCountAChatOnceADayNotOncePerMessage() {
        for (long bucket = 0; bucket < 10; bucket++) {
            final SenderScreen.Counted counted = screen.count("friend", "r1", bucket, false);
            assertThat(counted.fresh()).isEqualTo(bucket == 0);
            assertThat(screen.closeBucket(bucket)).as("never passes the screen").doesNotContainKey("friend");
        }
    }

    @Test
    void shouldReportNewRecipientsPerBucketAndForgetThemAfterADay() {
        screen.count("bulk", "r1", 0, false);
        screen.count("bulk", "r2", 0, false);
        screen.count("bulk", "r3", 0, true);
        final SenderScreen.Counts first = screen.closeBucket(0).get("bulk");
        assertThat(first.newRecipients()).isEqualTo(3);
        assertThat(first.other()).isEqualTo(2);
        assertThat(first.spam()).isEqualTo(1);
        screen.count("bulk", "r1", 5, false);
        assertThat(screen.closeBucket(5).get("bulk").newRecipients()).as("r1 reached within the day").isZero();
        screen.count("bulk", "r1", 30, false);
        assertThat(screen.closeBucket(30)).as("a day later r1 is new, and one recipient is below the screen")
                .doesNotContainKey("bulk");
    }

    private static CohortEvent contact(String app, long ts) {
        return CohortEvent.newBuilder().setKind(CohortEventKind.CONTACT).setApp(app).setTs(ts).setRegisteredAt(0).build();
    }
}
