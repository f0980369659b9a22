package io.leakwatch.topology.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderKeysTest {

    @Test
    void shouldReadBackWhatAKeySays() {
        final String timed = SenderKeys.timed(1_764_000_000_000L, 1_763_996_400_000L, "106900|1");
        assertThat(SenderKeys.due(timed)).isEqualTo(1_764_000_000_000L);
        assertThat(SenderKeys.start(timed)).isEqualTo(1_763_996_400_000L);
        assertThat(SenderKeys.sender(timed)).isEqualTo("106900|1");
        final String correction = SenderKeys.correction(3_600_000L, "13800138000");
        assertThat(SenderKeys.start(correction)).isEqualTo(3_600_000L);
        assertThat(SenderKeys.sender(correction)).isEqualTo("13800138000");
        assertThat(SenderKeys.windowStart(SenderKeys.window("95588", 7L), SenderKeys.windowPrefix("95588"))).isEqualTo(7L);
    }

    @Test
    void shouldSortKeysInTimeOrder() {
        final List<String> keys = new ArrayList<>(List.of(SenderKeys.timed(10, 0, "a"), SenderKeys.timed(9, 0, "a"),
                SenderKeys.timed(100, 0, "a")));
        keys.sort(null);
        assertThat(keys).extracting(SenderKeys::due).containsExactly(9L, 10L, 100L);
        assertThat(SenderKeys.timed(9, 0, "a")).isLessThan(SenderKeys.timedThrough(9));
        assertThat(SenderKeys.timed(10, 0, "a")).isGreaterThan(SenderKeys.timedThrough(9));
    }
}
