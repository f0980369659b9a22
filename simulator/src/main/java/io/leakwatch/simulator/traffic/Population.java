package io.leakwatch.simulator.traffic;

import java.util.SplittableRandom;

/**
 * The carrier's subscribers: distinct 11-digit MSISDNs, each with a few regular contacts that its
 * person-to-person messages go to.
 */
public final class Population {

    private static final int CONTACTS = 8;

    private final String[] msisdns;
    private final long contactSeed;

    public Population(final int size, final Rng rng, final Numbering numbering) {
        final SplittableRandom random = rng.stream("subscribers");
        this.msisdns = new String[size];
        for (int i = 0; i < size; i++) {
            msisdns[i] = numbering.newMobile(random);
        }
        this.contactSeed = rng.stream("contacts").nextLong();
    }

    /** Number of subscribers. */
    public int size() {
        return msisdns.length;
    }

    /** The MSISDN of subscriber {@code index}. */
    public String msisdn(final int index) {
        return msisdns[index];
    }

    /** A random subscriber. */
    public int any(final SplittableRandom random) {
        return random.nextInt(msisdns.length);
    }

    /** One of the subscriber's regular contacts, never the subscriber itself. */
    public int contactOf(final int subscriber, final SplittableRandom random) {
        final int k = random.nextInt(CONTACTS);
        final long h = Rng.mix(contactSeed ^ ((long) subscriber * CONTACTS + k));
        final int offset = 1 + (int) Math.floorMod(h, (long) msisdns.length - 1);
        return (subscriber + offset) % msisdns.length;
    }
}
