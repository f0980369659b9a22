package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.corpus.TextFiller;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hands out sender and subscriber numbers, never the same one twice, so a buyer of leaked data
 * is a sender nobody else uses and a spam sender is never a subscriber.
 */
public final class Numbering {

    private final Set<String> used = new HashSet<>();

    /** Reserves a fixed number (a service number such as 95588); false if it was taken. */
    public boolean claim(final String number) {
        return used.add(number);
    }

    /** A new 11-digit mobile number. */
    public String newMobile(final SplittableRandom random) {
        String number;
        do {
            number = TextFiller.mobile(random);
        } while (!used.add(number));
        return number;
    }

    /** A new SMS port: 1069 or 106 followed by digits, 11 to 13 digits in all, as bulk SMS platforms use. */
    public String newPort(final SplittableRandom random) {
        String number;
        do {
            number = port(random);
        } while (!used.add(number));
        return number;
    }

    /** A port that depends only on {@code key} (and a salt on collision), the same in every scenario. */
    public String stablePort(final String key) {
        for (int salt = 0; ; salt++) {
            final String number = port(new SplittableRandom(Rng.stableHash(key + "#" + salt)));
            if (used.add(number)) {
                return number;
            }
        }
    }

    private static String port(final SplittableRandom random) {
        final boolean platform1069 = random.nextInt(4) != 0;
        final String prefix = platform1069 ? "1069" : "106";
        final int length = 11 + random.nextInt(3);
        final StringBuilder out = new StringBuilder(length).append(prefix);
        while (out.length() < length) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
