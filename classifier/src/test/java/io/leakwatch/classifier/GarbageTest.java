package io.leakwatch.classifier;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GarbageTest {
    private final SmsClassifier classifier = Classifiers.loadDefault();

    @Test
    void shouldClassifyEdgeCasesWithoutError() {
        final String[] texts = {
            null, "", " ", "\u0000\u0001\u001f", "\ud800", "\udc00abc", "😀😀😀🔥", "【", "】", "【】【】", "x", "xxxxxxxxxxx",
            "http://", "www.", ".com", "验证码", "验证码1234567890123", "a".repeat(100_000), "验证码 123456 ".repeat(20_000),
            "Ελληνικά Русский العربية हिन्दी 日本語 한국어", "\u202e\u200b\u00ad", "１２３４５６ＡＢＣ　全角",
        };
        for (final String text : texts) {
            for (final String sender : new String[] {null, "", "abc", "+86 138 0013 8000", "95555", "\ud800"}) {
                assertValid(classifier.classify(text, sender));
            }
        }
    }

    @Test
    void shouldSurviveRandomStrings() {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            final String text = randomString(random, random.nextInt(400));
            final String sender = random.nextInt(4) == 0 ? null : randomString(random, random.nextInt(16));
            assertValid(classifier.classify(text, sender));
        }
    }

    private static void assertValid(final Classification c) {
        assertThat(c.category()).isNotNull();
        assertThat(c.score()).isBetween(0.0, 1.0);
        assertThat(c.reason()).isNotBlank().doesNotStartWith("error:");
        assertThat(c.fingerprint()).matches("[0-9a-f]{16}");
    }

    /** Mixes the scripts and code points that break text code: CJK, Latin, digits, masks, brackets, surrogates. */
    static String randomString(final SplittableRandom random, final int length) {
        final String pool = "验证码退订回T【】[]０１２３ＡＢ中奖赌百家乐发票上门服务http://www.a.cn xX0123456789 .,!?尾号";
        final StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> b.append((char) random.nextInt(0x10000));
                case 1 -> b.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 2 -> b.append((char) random.nextInt(0x20));
                default -> b.append(pool.charAt(random.nextInt(pool.length())));
            }
        }
        return b.toString();
    }
}
