package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.corpus.Corpus;
import io.leakwatch.simulator.corpus.TextFiller;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Plants one leak: picks its victims among the app's registrants, gives it buyers (senders nobody
 * else uses, with one or two campaigns each) and sends every victim {@code messagesPerVictim}
 * messages. The first comes a truncated-exponential delay after the registration (realtime) or the
 * dump (bulk); the next ones a few hours apart, all within {@code delayHours.max} of that moment.
 * Messages after the scenario's end are not sent.
 */
public final class Leaks {

    private static final long MIN_GAP = Timeline.HOUR;
    private static final long MAX_GAP = 6 * Timeline.HOUR;

    /**
     * A buyer of the leaked data.
     *
     * @param number    its originating number
     * @param campaigns the one or two texts it repeats
     */
    public record Buyer(String number, List<Campaign> campaigns) {
    }

    private Leaks() {
    }

    /**
     * Plants leak {@code index} and returns its buyers.
     *
     * @param out receives the leak's messages, in no particular order
     */
    public static List<Buyer> plant(final int index, final Scenario.Leak leak, final WatchedApp app,
                                    final Registrations registrations, final Population population,
                                    final Timeline timeline, final Corpus corpus, final Numbering numbering,
                                    final Rng rng, final Consumer<Event> out) {
        final List<Buyer> buyers = buyers(index, leak, app, corpus, numbering, rng);
        final SplittableRandom random = rng.stream("leak.victims", index);
        final long leakStart = Timeline.seconds(leak.start());
        final long maxDelay = Math.round(leak.delayHours().max() * Timeline.HOUR);
        for (final Registrations.Registration registration : registrations.of(app)) {
            final long soldAt = soldAt(leak, leakStart, registration.epochSecond());
            if (soldAt < 0 || random.nextDouble() >= leak.victimRate()) {
                continue;
            }
            final String victim = population.msisdn(registration.subscriber());
            long at = soldAt + Math.max(1, Math.round(Rng.truncatedExponential(random, leak.delayHours().median(),
                    leak.delayHours().max()) * Timeline.HOUR));
            for (int m = 0; m < leak.messagesPerVictim(); m++) {
                if (m > 0) {
                    at = nextMessage(at, soldAt + maxDelay, random);
                }
                final Buyer buyer = TextFiller.pick(buyers, random);
                final String text = TextFiller.pick(buyer.campaigns(), random).render(random);
                if (at < timeline.end()) {
                    out.accept(new Event(at, buyer.number(), victim, text, leak.category(), Event.Source.LEAK, index));
                }
            }
        }
        return buyers;
    }

    /**
     * When a registration is sold, or -1 when this leak does not sell it: realtime sells registrations
     * in [start, end) at once, bulk sells those of the last lookbackDays before start at start.
     */
    private static long soldAt(final Scenario.Leak leak, final long leakStart, final long registeredAt) {
        return switch (leak.kind()) {
            case REALTIME -> registeredAt >= leakStart
                    && (leak.end() == null || registeredAt < Timeline.seconds(leak.end())) ? registeredAt : -1;
            case BULK -> registeredAt < leakStart && registeredAt >= leakStart - leak.lookbackDays() * Timeline.DAY
                    ? leakStart : -1;
        };
    }

    /** A few hours after the previous message, but never later than the leak's maximum delay. */
    private static long nextMessage(final long previous, final long latest, final SplittableRandom random) {
        final long next = previous + MIN_GAP + random.nextLong(MAX_GAP - MIN_GAP);
        if (next <= latest) {
            return next;
        }
        return previous >= latest ? previous : previous + 1 + random.nextLong(latest - previous);
    }

    private static List<Buyer> buyers(final int index, final Scenario.Leak leak, final WatchedApp app,
                                      final Corpus corpus, final Numbering numbering, final Rng rng) {
        final SplittableRandom random = rng.stream("leak.buyers", index);
        final List<String> texts = corpus.texts(leak.category());
        final List<Buyer> buyers = new ArrayList<>(leak.buyers());
        for (int b = 0; b < leak.buyers(); b++) {
            final String number = SpamSenders.senderNumber(leak.category(), numbering, random);
            final int campaignCount = 1 + random.nextInt(2);
            final List<Campaign> campaigns = new ArrayList<>(campaignCount);
            for (int c = 0; c < campaignCount; c++) {
                campaigns.add(Campaign.pickForSector(texts, app.app().sector(), random));
            }
            buyers.add(new Buyer(number, List.copyOf(campaigns)));
        }
        return List.copyOf(buyers);
    }
}
