package io.leakwatch.classifier.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordMatcherTest {
    private final KeywordMatcher matcher = new KeywordMatcher(List.of("谨防", "scam", "安全账户"));

    private static char[] chars(final String s) {
        return s.toCharArray();
    }

    @Test
    void shouldReportEveryMatchWithItsOffsets() {
        final char[] t = chars("谨防诈骗，勿向安全账户转账，谨防上当");
        final List<String> hits = new ArrayList<>();
        matcher.scan(t, t.length, (id, start, end) -> hits.add(id + "@" + start + "-" + end));
        assertThat(hits).containsExactly("0@0-2", "2@7-11", "0@14-16");
    }

    @Test
    void shouldMatchLatinKeywordsAsWholeWordsOnly() {
        assertThat(matcher.any(chars("beware of this scam!"), 20)).isTrue();
        assertThat(matcher.any(chars("scampi for dinner"), 17)).isFalse();
        assertThat(matcher.any(chars("no keyword here"), 15)).isFalse();
    }

    @Test
    void shouldLookOnlyAtThePrefixGiven() {
        final char[] t = chars("转账到安全账户");
        assertThat(matcher.any(t, t.length)).isTrue();
        assertThat(matcher.any(t, 5)).as("the keyword runs past the prefix").isFalse();
    }
}
