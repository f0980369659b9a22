package io.leakwatch.classifier.train;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticNoticesTest {
    private static final int N = 5_000;

    @Test
    void shouldBeDeterministicForASeed() {
        assertThat(SyntheticNotices.generate(7, 500)).isEqualTo(SyntheticNotices.generate(7, 500));
        assertThat(SyntheticNotices.generate(7, 500)).isNotEqualTo(SyntheticNotices.generate(8, 500));
        assertThat(SyntheticNotices.generate(7, 0)).isEmpty();
    }

    @Test
    void shouldHaveAtLeast200DistinctTemplates() {
        final Set<String> bodies = new HashSet<>();
        for (int i = 0; i < SyntheticNotices.templates(); i++) {
            bodies.add(SyntheticNotices.body(i));
        }
        assertThat(SyntheticNotices.templates()).isGreaterThanOrEqualTo(200);
        assertThat(bodies).hasSize(SyntheticNotices.templates());
    }

    @Test
    void shouldFillEveryTemplateCompletely() {
        for (int i = 0; i < SyntheticNotices.templates(); i++) {
            for (long seed = 0; seed < 20; seed++) {
                final String text = SyntheticNotices.message(i, new SplittableRandom(seed * 1_000 + i));
                assertThat(text).as(SyntheticNotices.body(i)).doesNotContain("{").doesNotContain("}").isNotBlank();
            }
        }
    }

    @Test
    void shouldUseEveryTemplateInEachRunOfTemplatesMessages() {
        final int k = 3;
        final List<String> messages = SyntheticNotices.generate(11, SyntheticNotices.templates() * k);
        assertThat(messages).hasSize(SyntheticNotices.templates() * k)
            .allSatisfy(m -> assertThat(m).doesNotContain("{").doesNotContain("}"));
        final List<String> firstRun = messages.subList(0, SyntheticNotices.templates()).stream()
            .map(SyntheticNoticesTest::lettersAndDigits).toList();
        for (int i = 0; i < SyntheticNotices.templates(); i++) {
            final String fragment = lettersAndDigits(longestLiteral(SyntheticNotices.body(i)));
            assertThat(firstRun).as(SyntheticNotices.body(i)).anySatisfy(m -> assertThat(m).contains(fragment));
        }
    }

    @Test
    void shouldRunAsLongAsRealNoticesSometimes() {
        // zh-inbox's train-split notices: 15% over 140 characters; single-body synthetic ones 1.6%
        final List<String> chinese = SyntheticNotices.generate(42, N).stream().filter(SyntheticNoticesTest::hasHan).toList();
        final long long140 = chinese.stream().filter(m -> m.length() > 140).count();
        assertThat((double) long140 / chinese.size()).isBetween(0.05, 0.20);
    }

    @Test
    void shouldVaryBeyondDigits() {
        final Set<String> shapes = new HashSet<>();
        for (final String m : SyntheticNotices.generate(42, N)) {
            shapes.add(m.replaceAll("[0-9]", "0"));
        }
        assertThat(shapes.size()).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void shouldPlaceChineseSignaturesAsTargeted() {
        int chinese = 0;
        int start = 0;
        int end = 0;
        int none = 0;
        for (final String m : SyntheticNotices.generate(42, N)) {
            if (!hasHan(m)) {
                continue;
            }
            chinese++;
            if (m.startsWith("【")) {
                start++;
            } else if (m.endsWith("】")) {
                end++;
            } else {
                none++;
            }
        }
        assertThat(100.0 * start / chinese).isBetween(50.0, 70.0);
        assertThat(100.0 * end / chinese).isBetween(15.0, 35.0);
        assertThat(100.0 * none / chinese).isBetween(5.0, 25.0);
    }

    @Test
    void shouldNotLookLikeMarketing() {
        final List<String> messages = SyntheticNotices.generate(42, N);
        for (final String m : messages) {
            assertThat(m).doesNotContain("退订").doesNotContain("回T").doesNotContain("拒收").doesNotContain("STOP")
                .doesNotContain("优惠").doesNotContain("促销").doesNotContain("抢购").doesNotContain("红包")
                .doesNotContainIgnoringCase("opt out").doesNotContainIgnoringCase("unsubscribe");
        }
        final long links = messages.stream().filter(m -> m.contains("http")).count();
        assertThat(links).isLessThanOrEqualTo(N * 15L / 100);
    }

    @Test
    void shouldIncludeEnglish() {
        final List<String> messages = SyntheticNotices.generate(42, N);
        final long english = messages.stream().filter(m -> !hasHan(m)).count();
        assertThat(english).isGreaterThanOrEqualTo(N / 10L).isLessThanOrEqualTo(N / 4L);
    }

    private static boolean hasHan(final String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** The longest run of template text between slots. */
    private static String longestLiteral(final String body) {
        String best = "";
        for (final String part : body.split("\\{[^}]*}")) {
            if (lettersAndDigits(part).length() > lettersAndDigits(best).length()) {
                best = part;
            }
        }
        return best;
    }

    /** Punctuation and case vary between template and message (half-width commas, a lower-case first word). */
    private static String lettersAndDigits(final String s) {
        final StringBuilder b = new StringBuilder();
        s.codePoints().filter(Character::isLetterOrDigit).forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }
}
