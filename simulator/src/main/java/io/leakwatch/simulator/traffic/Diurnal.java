package io.leakwatch.simulator.traffic;

import java.util.SplittableRandom;

/** How traffic spreads over the local hours of a day: few messages at night, most 08:00-23:00. */
public enum Diurnal {

    /** People: registrations, person-to-person messages, account notices. */
    PEOPLE(0.5, 0.25, 0.15, 0.1, 0.1, 0.15, 0.4, 0.9, 1.4, 1.6, 1.7, 1.7,
            1.8, 1.6, 1.5, 1.5, 1.6, 1.7, 1.8, 2.0, 2.1, 2.1, 1.7, 1.0),
    /** Bulk senders: spam platforms send in office hours and evenings, hardly at night. */
    SENDERS(0.05, 0.02, 0.02, 0.02, 0.02, 0.05, 0.2, 0.8, 1.8, 2.2, 2.2, 2.0,
            1.6, 1.8, 2.0, 2.0, 1.9, 1.7, 1.4, 1.2, 1.0, 0.7, 0.3, 0.1);

    private final double[] cumulative = new double[24];

    Diurnal(final double... weightsByLocalHour) {
        double sum = 0;
        for (int hour = 0; hour < 24; hour++) {
            sum += weightsByLocalHour[hour];
            cumulative[hour] = sum;
        }
        for (int hour = 0; hour < 24; hour++) {
            cumulative[hour] /= sum;
        }
    }

    /** Share of a day's traffic in this local hour. */
    public double share(final int localHour) {
        return localHour == 0 ? cumulative[0] : cumulative[localHour] - cumulative[localHour - 1];
    }

    /**
     * An hour slot 0..23 counted from the day window's start, weighted by the local hour it covers.
     *
     * @param startLocalHour local hour at which every day window begins
     */
    int sampleSlot(final int startLocalHour, final SplittableRandom random) {
        final double u = random.nextDouble();
        int localHour = 0;
        while (localHour < 23 && cumulative[localHour] <= u) {
            localHour++;
        }
        return Math.floorMod(localHour - startLocalHour, 24);
    }
}
