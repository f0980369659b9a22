package io.leakwatch.topology.ingest;

import io.leakwatch.schemas.SmsEvent;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Tells a subscriber's refusal reply: a message from a mobile number to a port or short code (not to another mobile)
 * whose whole text is a refusal word. Runs before any pseudonymisation, on the raw numbers.
 */
final class Refusals {

    /** A mainland mobile number after {@link Pseudonymizer#normalize}. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private Refusals() {
    }

    static boolean isRefusal(SmsEvent event, Predicate<String> refusalWord) {
        final String from = Pseudonymizer.normalize(event.getSender());
        final String to = Pseudonymizer.normalize(event.getRecipient());
        return from != null && to != null && MOBILE.matcher(from).matches() && !MOBILE.matcher(to).matches()
                && refusalWord.test(event.getText());
    }

    /** The port the reply went to, as senders are written (digits only). */
    static String port(SmsEvent event) {
        return Pseudonymizer.normalize(event.getRecipient());
    }
}
