package io.leakwatch.topology.membership;

import io.leakwatch.schemas.internal.CohortEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task's view of its senders' fan-out: which of them reached at least {@code minRecipients} distinct recipients of
 * this task within the last day (the sum of their per-bucket distinct counts), and the member contacts held back from
 * the others until they do. A person texting a few friends never passes it, so their messages never reach the cohort
 * stage; a sender working a list passes it after a few messages, and the contacts it made before are released then.
 *
 * <p>The screen only decides what the detector hears of; whether a sender sends in bulk is the detector's call, from
 * every task's counts. Held in memory: after a restart the screen starts empty, which delays a sender's contacts by at
 * most {@code minRecipients} messages per task.
 */
final class SenderScreen {

    /** Contacts held back per sender: more than this many to members, before it reached the screen, are a chat. */
    static final int MAX_HELD = 16;

    /** One sender's counts in the open bucket. */
    static final class Counts {
        private long spam;
        private long other;
        private final Set<String> recipients = new HashSet<>();

        void add(String recipient, boolean isSpam) {
            if (isSpam) {
                spam++;
            } else {
                other++;
            }
            recipients.add(recipient);
        }

        long spam() {
            return spam;
        }

        long other() {
            return other;
        }

        long recipients() {
            return recipients.size();
        }
    }

    private static final class Entry {
        /** Distinct recipients of closed buckets within the day: {bucket, count}, oldest first. */
        final ArrayDeque<long[]> closed = new ArrayDeque<>();
        long closedSum;
        final List<CohortEvent> held = new ArrayList<>();
        boolean open;
    }

    private final long minRecipients;
    private final long bucketMs;
    private final int dayBuckets;
    private final Map<String, Entry> entries = new HashMap<>();

    SenderScreen(long minRecipients, long bucketMs, int dayBuckets) {
        this.minRecipients = minRecipients;
        this.bucketMs = bucketMs;
        this.dayBuckets = dayBuckets;
    }

    /** Whether the sender, with {@code openRecipients} in the open bucket, has reached the screen. */
    boolean passed(String sender, long openRecipients) {
        final Entry entry = entries.get(sender);
        return (entry == null ? 0 : entry.closedSum) + openRecipients >= minRecipients;
    }

    /**
     * Notes the sender's distinct recipients in the open bucket so far; when that brings it to the screen, returns
     * the contacts held back for it (and lets the later ones through).
     */
    List<CohortEvent> reached(String sender, long openRecipients) {
        final Entry entry = entries.computeIfAbsent(sender, s -> new Entry());
        if (entry.open || entry.closedSum + openRecipients < minRecipients) {
            return List.of();
        }
        entry.open = true;
        final List<CohortEvent> released = new ArrayList<>(entry.held);
        entry.held.clear();
        return released;
    }

    /** The contacts to forward now: all of them once the sender passed the screen; none, held back, before. */
    List<CohortEvent> offer(String sender, List<CohortEvent> contacts) {
        final Entry entry = entries.computeIfAbsent(sender, s -> new Entry());
        if (entry.open) {
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
     * Closes a bucket: adds its distinct counts, forgets counts older than a day, and what was held back for longer
     * than that; a sender whose day no longer reaches the screen is screened again.
     */
    void closeBucket(long bucket, Map<String, Counts> counts) {
        counts.forEach((sender, c) -> {
            final Entry entry = entries.computeIfAbsent(sender, s -> new Entry());
            entry.closed.addLast(new long[] {bucket, c.recipients()});
            entry.closedSum += c.recipients();
        });
        final long oldest = bucket - dayBuckets + 1;
        final long oldestTime = oldest * bucketMs;
        final Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            final Entry entry = it.next();
            while (!entry.closed.isEmpty() && entry.closed.peekFirst()[0] < oldest) {
                entry.closedSum -= entry.closed.removeFirst()[1];
            }
            entry.held.removeIf(held -> held.getTs() < oldestTime);
            entry.open = entry.open && entry.closedSum >= minRecipients;
            if (entry.closed.isEmpty() && entry.held.isEmpty()) {
                it.remove();
            }
        }
    }
}
