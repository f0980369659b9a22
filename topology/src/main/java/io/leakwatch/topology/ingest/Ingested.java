package io.leakwatch.topology.ingest;

import io.leakwatch.schemas.DeadLetter;

/** The outcome of ingesting one raw record; lives only between two processors, never on a topic. */
public sealed interface Ingested {

    /**
     * A readable message whose recipient, and sender when a mobile number, are already pseudonyms; its text is still
     * here, for the classifier only.
     */
    record Accepted(String eventId, long ts, String sender, String recipientToken, String text) implements Ingested {
    }

    /** A record that goes to the dead-letter topic. */
    record Rejected(DeadLetter letter) implements Ingested {
    }
}
