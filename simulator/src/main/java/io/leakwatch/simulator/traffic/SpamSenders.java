package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;
import io.leakwatch.simulator.corpus.Corpus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The random-list spammers of the background: a mix of 106 ports and mobile numbers, each with a
 * main category (about 60 % MARKETING, 25 % FRAUD, 15 % ADULT) and a few campaigns it repeats.
 */
public final class SpamSenders {

    /** Share of a sender's messages in its main category. */
    static final double LOYALTY = 0.85;

    /** Share of background spam per category. */
    public static final Map<Category, Double> SHARE = Map.of(
            Category.MARKETING, 0.60, Category.FRAUD, 0.25, Category.ADULT, 0.15);

    /**
     * One sender.
     *
     * @param number    its originating number
     * @param category  what it mostly sends
     * @param campaigns texts it repeats
     */
    public record Sender(String number, Category category, List<Campaign> campaigns) {
    }

    private final List<Sender> all;
    private final Map<Category, List<Sender>> byCategory = new EnumMap<>(Category.class);

    public SpamSenders(final int count, final Corpus corpus, final Numbering numbering, final Rng rng) {
        final SplittableRandom random = rng.stream("spam.senders");
        final List<Sender> senders = new ArrayList<>(count);
        for (final Category category : Category.SPAM) {
            byCategory.put(category, new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            final double roll = random.nextDouble();
            final Category category = roll < SHARE.get(Category.MARKETING) ? Category.MARKETING
                    : roll < SHARE.get(Category.MARKETING) + SHARE.get(Category.FRAUD) ? Category.FRAUD
                    : Category.ADULT;
            final String number = senderNumber(category, numbering, random);
            final int campaignCount = 2 + random.nextInt(4);
            final List<Campaign> campaigns = new ArrayList<>(campaignCount);
            for (int c = 0; c < campaignCount; c++) {
                campaigns.add(Campaign.pick(corpus.texts(category), random));
            }
            final Sender sender = new Sender(number, category, List.copyOf(campaigns));
            senders.add(sender);
            byCategory.get(category).add(sender);
        }
        this.all = List.copyOf(senders);
    }

    /** A new number for a sender of {@code category}: adult spam comes mostly from mobiles, marketing from ports. */
    static String senderNumber(final Category category, final Numbering numbering, final SplittableRandom random) {
        final double mobileShare = switch (category) {
            case ADULT -> 0.8;
            case FRAUD -> 0.5;
            default -> 0.3;
        };
        return random.nextDouble() < mobileShare ? numbering.newMobile(random) : numbering.newPort(random);
    }

    /** Every sender. */
    public List<Sender> all() {
        return all;
    }

    /** A sender for a message of {@code category}: mostly one whose main category it is. */
    public Sender senderFor(final Category category, final SplittableRandom random) {
        final List<Sender> loyal = byCategory.get(category);
        if (!loyal.isEmpty() && random.nextDouble() < LOYALTY) {
            return loyal.get(random.nextInt(loyal.size()));
        }
        return all.get(random.nextInt(all.size()));
    }
}
