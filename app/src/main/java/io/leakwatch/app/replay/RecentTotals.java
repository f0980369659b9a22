package io.leakwatch.app.replay;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * Per cohort window, the recent registrants and those of them exposed to third-party spam, summed over every app: an
 * app's "others" in a window are these less its own. The investigator's report plots the others' share against each
 * app's; the console and its gauges compare them.
 */
public final class RecentTotals {

    private final NavigableMap<Long, long[]> byWindow = new TreeMap<>();

    /** Counts one app's recent members and exposed members in a window. */
    public void add(long windowStart, long members, long exposed) {
        final long[] total = byWindow.computeIfAbsent(windowStart, w -> new long[2]);
        total[0] += members;
        total[1] += exposed;
    }

    /** The windows counted, oldest first. */
    public NavigableSet<Long> windows() {
        return Collections.unmodifiableNavigableSet(byWindow.navigableKeySet());
    }

    /**
     * The share exposed among the recent registrants of every app but one, given that app's own counts in the window
     * (zero for an app that has none there); null when no other app has a recent member in it.
     */
    public Double othersShare(long windowStart, long ownMembers, long ownExposed) {
        final long[] total = byWindow.get(windowStart);
        if (total == null || total[0] - ownMembers <= 0) {
            return null;
        }
        return (double) (total[1] - ownExposed) / (total[0] - ownMembers);
    }
}
