package io.leakwatch.topology.membership;

import io.leakwatch.schemas.internal.CohortEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One task's view of its senders' fan-out over the last day: the recipients of this task each sender reached, and
 * when it last did. A sender that reached at least {@code minRecipients} of them within a day passes the screen; the
 * member contacts it made before are held back until then, and released when it does. A person texting a friend or
 * two never passes it, so their messages never reach the cohort stage.
 *
 * <p>Messages that are not spam by their text are counted once per sender and recipient a day: a chat is one
 * recipient, not fifty messages, and a list worked twice is its length. The screen only decides what the detector
 * hears of; whether a sender sends in bulk is the detector's call, from every task's counts. Held in memory: after a
 * restart the screen starts empty, which delays a sender's contacts by at most {@code minRecipients} recipients per
 * task.
 */
final class SenderScreen {

    /** Contacts held back per sender: more than this many to members before it passed the screen are not kept. */
    static final int MAX_HELD = 16;

    /** One sender's counts in the open bucket. */
    static final class Counts {
        private long spam;
        private long other;
        private long newRecipients;

        long spam() {
            return spam;
        }

        /** Recipients of its messages that are not spam by their text, not reached by the sender within the day before. */
        long other() {
            return other;
        }

        /** Recipients not reached by the sender within the day before. */
        long newRecipients() {
            return newRecipients;
        }
    }

    /** What counting one message found: whether its recipient is new to the sender today, and contacts released. */
    record Counted(boolean fresh, List<CohortEvent> released) {
    }

    private static final class Entry {
        /** Recipient to the last bucket the sender reached them in, within the day. */
        final Map<String, Long> lastSeen = new HashMap<>();
        final List<CohortEvent> held = new ArrayList<>();
        boolean passed;
        /** The bucket {@link #lastSeen} was last pruned for. */
        long prunedFor = Long.MIN_VALUE;

        /** Forgets recipients last reached before the day that ends with {@code bucket}. */
        void pruneFor(long bucket, int dayBuckets, long minRecipients) {
            if (prunedFor != bucket) {
                final long oldest = bucket - dayBuckets + 1;
                lastSeen.values().removeIf(last -> last < oldest);
                passed = passed && lastSeen.size() >= minRecipients;
                prunedFor = bucket;
            }
        }
    }

    private final long minRecipients;
    private final long bucketMs;
    private final int dayBuckets;
    private final Map<String, Entry> entries = new HashMap<>();
    private final SortedMap<String, Counts> open = new TreeMap<>();

    SenderScreen(long minRecipients, long bucketMs, int dayBuckets) {
        this.minRecipients = minRecipients;
        this.bucketMs = bucketMs;
        this.dayBuckets = dayBuckets;
    }

    /** Counts one message of the open bucket. */
    Counted count(String sender, String recipient, long bucket, boolean spam) {
        final Entry entry = entries.computeIfAbsent(sender, s -> new Entry());
        entry.pruneFor(bucket, dayBuckets, minRecipients);
        final Counts counts = open.computeIfAbsent(sender, s -> new Counts());
        final boolean fresh = entry.lastSeen.put(recipient, bucket) == null;
        if (fresh) {
            counts.newRecipients++;
        }
        if (spam) {
            counts.spam++;
        } else if (fresh) {
            counts.other++;
        }
        if (entry.passed || entry.lastSeen.size() < minRecipients) {
            return new Counted(fresh, List.of());
        }
        entry.passed = true;
        final List<CohortEvent> released = new ArrayList<>(entry.held);
        entry.held.clear();
        return new Counted(fresh, released);
    }

    /** The contacts to forward now: all of them once the sender passed the screen; none, held back, before. */
    List<CohortEvent> offer(String sender, List<CohortEvent> contacts) {
        final Entry entry = entries.computeIfAbsent(sender, s -> new Entry());
        if (entry.passed) {
            return contacts;
        }
        for (CohortEvent contact : contacts) {
            if (entry.held.size() < MAX_HELD) {
                entry.held.add(contact);
            }
        }
        return List.of();
    }

    /**
     * Closes the open bucket: returns the counts to report (every spam sender's, and those of senders that passed the
     * screen), then forgets recipients and held contacts older than a day; a sender whose day no longer reaches the
     * screen is screened again.
     */
    SortedMap<String, Counts> closeBucket(long bucket) {
        final SortedMap<String, Counts> report = new TreeMap<>();
        open.forEach((sender, counts) -> {
            if (counts.spam > 0 || entries.get(sender).passed) {
                report.put(sender, counts);
            }
        });
        open.clear();
        // the next bucket's day; a sender next heard of later is pruned again then (count)
        final long next = bucket + 1;
        final long oldestTime = (next - dayBuckets + 1) * bucketMs;
        final Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            final Entry entry = it.next();
            entry.pruneFor(next, dayBuckets, minRecipients);
            entry.held.removeIf(held -> held.getTs() < oldestTime);
            if (entry.lastSeen.isEmpty() && entry.held.isEmpty()) {
                it.remove();
            }
        }
        return report;
    }
}
