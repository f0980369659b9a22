package io.leakwatch.classifier;

/**
 * Classifies one SMS. Implementations are thread-safe and never throw: null, empty or garbage text
 * still gets a category.
 */
public interface Classifier {
    /**
     * @param text   message body, may be null
     * @param sender originating address as the carrier sees it (106 port, 95xxx, mobile, alphanumeric), may be null
     */
    Classification classify(String text, String sender);
}
