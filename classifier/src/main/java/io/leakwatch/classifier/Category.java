package io.leakwatch.classifier;

/** The five classes every SMS falls into. */
public enum Category {
    /** Person-to-person messages. */
    NORMAL,
    /** One-time codes, bank/card alerts, deliveries, bookings, operator notices. */
    TRANSACTIONAL,
    /** Promotions, from legitimate senders or not. */
    MARKETING,
    /** Escort services, porn, chat lines. */
    ADULT,
    /** Phishing, fake prizes, gambling, fake invoices and certificates, loan and task scams. */
    FRAUD;

    private static final Category[] VALUES = values();

    /** Whether the category counts as spam for the leak statistics: MARKETING, ADULT, FRAUD. */
    public boolean isSpam() {
        return this == MARKETING || this == ADULT || this == FRAUD;
    }

    /** The category with this ordinal; shared array, no copy. */
    static Category ofOrdinal(final int ordinal) {
        return VALUES[ordinal];
    }
}
