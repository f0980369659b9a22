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

    /**
     * A subscriber's refusal reply (退订, T, ...) to a port, keyed on the subscriber's token: the token they have as a
     * recipient. The reply's text and number stay at ingest.
     */
    record Refusal(String eventId, long ts, String port, String subscriberToken) implements Ingested {
    }

    /** A record that goes to the dead-letter topic. */
    record Rejected(DeadLetter letter) implements Ingested {
    }
}
