package io.leakwatch.textgen;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FillerTest {
    private static final Map<String, String> VALUES = Map.of("bank", "招商银行", "line", "{bank}客服95555",
        "code", "123456", "tail", "8841", "loop", "{loop}");

    @Test
    void shouldReplaceEverySlotAndKeepTheTextAround() {
        assertThat(Filler.fill("【{bank}】验证码{code}，尾号{tail}。", VALUES::get)).isEqualTo("【招商银行】验证码123456，尾号8841。");
        assertThat(Filler.fill("no slots here", VALUES::get)).isEqualTo("no slots here");
    }

    @Test
    void shouldFillTheSlotsOfAValue() {
        assertThat(Filler.fill("详询{line}", VALUES::get)).isEqualTo("详询招商银行客服95555");
    }

    @Test
    void shouldSeparateANumberFromAPrecedingDigitOnlyWhenAsked() {
        assertThat(Filler.fill("{tail}{code}", VALUES::get)).isEqualTo("8841123456");
        assertThat(Filler.fill("{tail}{code}", VALUES::get, true)).isEqualTo("8841 123456");
        assertThat(Filler.fill("尾号{tail}，{code}", VALUES::get, true)).isEqualTo("尾号8841，123456");
    }

    @Test
    void shouldRejectAnUnclosedSlotAndACircularOne() {
        assertThatThrownBy(() -> Filler.fill("验证码{code", VALUES::get))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed slot");
        assertThatThrownBy(() -> Filler.fill("{loop}", VALUES::get))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nest deeper");
    }
}
