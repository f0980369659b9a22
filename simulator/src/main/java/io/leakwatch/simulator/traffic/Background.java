package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;
import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.corpus.Corpus;
import io.leakwatch.simulator.corpus.TextFiller;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Traffic to everyone that no leak explains, from the scenario's start to its end: person-to-person
 * messages between contacts, notices, random-list spam and seasonal floods. Each kind and day draws
 * from its own random stream.
 */
public final class Background {

    private final Scenario scenario;
    private final Population population;
    private final Timeline timeline;
    private final Corpus corpus;
    private final Notices notices;
    private final SpamSenders spamSenders;
    private final Rng rng;

    public Background(final Scenario scenario, final Population population, final Timeline timeline,
                      final Corpus corpus, final Notices notices, final SpamSenders spamSenders, final Rng rng) {
        this.scenario = scenario;
        this.population = population;
        this.timeline = timeline;
        this.corpus = corpus;
        this.notices = notices;
        this.spamSenders = spamSenders;
        this.rng = rng;
    }

    /** Emits every background event of the scenario. */
    public void generate(final Consumer<Event> out) {
        for (long day = 0; day < scenario.days(); day++) {
            personToPerson(day, out);
            notices(day, out);
            for (final Category category : Category.SPAM) {
                spam(category, day, out);
            }
        }
    }

    private void personToPerson(final long day, final Consumer<Event> out) {
        final SplittableRandom random = rng.stream("p2p", day);
        final List<String> texts = corpus.texts(Category.NORMAL);
        final long count = Rng.poisson(random, population.size() * scenario.background().p2pPerSubscriberPerDay());
        for (long k = 0; k < count; k++) {
            final int sender = population.any(random);
            final int recipient = population.contactOf(sender, random);
            final long at = timeline.sample(Diurnal.PEOPLE, day, random);
            final String text = TextFiller.fill(TextFiller.pick(texts, random), random, random, false);
            out.accept(Event.of(at, population.msisdn(sender), population.msisdn(recipient), text, Category.NORMAL,
                    Event.Source.P2P));
        }
    }

    private void notices(final long day, final Consumer<Event> out) {
        final SplittableRandom random = rng.stream("notices", day);
        final long count = Rng.poisson(random, population.size() * scenario.background().noticesPerSubscriberPerDay());
        for (long k = 0; k < count; k++) {
            final int recipient = population.any(random);
            final long at = timeline.sample(Diurnal.PEOPLE, day, random);
            out.accept(notices.notice(at, recipient, population.msisdn(recipient), random));
        }
    }

    /**
     * Random-list spam of one category on one day. Seasonal floods are drawn by thinning: candidates
     * at the day's highest multiplier, each kept with probability multiplier(t) / highest.
     */
    private void spam(final Category category, final long day, final Consumer<Event> out) {
        if (spamSenders.all().isEmpty()) {
            return;
        }
        final SplittableRandom random = rng.stream("spam", category.ordinal(), day);
        final double base = population.size() * scenario.background().spamPerSubscriberPerDay()
                * SpamSenders.SHARE.get(category);
        final double highest = highestMultiplier(category, timeline.dayStart(day), timeline.dayStart(day + 1));
        final long candidates = Rng.poisson(random, base * highest);
        final List<String> texts = corpus.texts(category);
        for (long k = 0; k < candidates; k++) {
            final long at = timeline.sample(Diurnal.SENDERS, day, random);
            final int recipient = population.any(random);
            final SpamSenders.Sender sender = spamSenders.senderFor(category, random);
            final String text = sender.category() == category
                    ? TextFiller.pick(sender.campaigns(), random).render(random)
                    : TextFiller.fill(TextFiller.pick(texts, random), random);
            if (random.nextDouble() * highest < multiplier(category, at)) {
                out.accept(Event.of(at, sender.number(), population.msisdn(recipient), text, category,
                        Event.Source.SPAM));
            }
        }
    }

    /** Product of the multipliers of the floods of {@code category} running at {@code epochSecond}. */
    double multiplier(final Category category, final long epochSecond) {
        double product = 1;
        for (final Scenario.Seasonal flood : scenario.seasonalOrEmpty()) {
            if (flood.category() == category && Timeline.seconds(flood.start()) <= epochSecond
                    && epochSecond < Timeline.seconds(flood.end())) {
                product *= flood.multiplier();
            }
        }
        return product;
    }

    /** An upper bound of {@link #multiplier} over [from, to). */
    private double highestMultiplier(final Category category, final long from, final long to) {
        double product = 1;
        for (final Scenario.Seasonal flood : scenario.seasonalOrEmpty()) {
            if (flood.category() == category && Timeline.seconds(flood.start()) < to
                    && from < Timeline.seconds(flood.end())) {
                product *= Math.max(1, flood.multiplier());
            }
        }
        return product;
    }
}
