package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;

/**
 * One SMS as the carrier sees it, plus where it came from (never written out: the export carries
 * no labels).
 *
 * @param epochSecond when it was sent
 * @param sender      originating number: 106/1069 port, 955xx/100xx service number or mobile
 * @param recipient   the subscriber's raw MSISDN
 * @param text        the message body
 * @param category    what the text is, as the classifier should find it
 * @param source      which part of the simulation made it
 * @param leak        index of the scenario leak it belongs to, or -1
 */
public record Event(long epochSecond, String sender, String recipient, String text, Category category,
                    Source source, int leak) {

    /** Which part of the simulation made an event. */
    public enum Source {
        /** A registration's one-time code from an app's port. */
        OTP,
        /** Person-to-person. */
        P2P,
        /** Bank, operator, delivery, travel notices and OTPs of unwatched services. */
        NOTICE,
        /** Random-list spam, seasonal floods included. */
        SPAM,
        /** Spam from a buyer of leaked registrations. */
        LEAK,
        /** Marketing (and the codes of mixed ports) from a planted marketer of the compliance block. */
        MARKETER,
        /** A subscriber's refusal reply to a marketer's port. */
        REFUSAL
    }

    /** A non-leak event. */
    public static Event of(final long epochSecond, final String sender, final String recipient, final String text,
                           final Category category, final Source source) {
        return new Event(epochSecond, sender, recipient, text, category, source, -1);
    }
}
