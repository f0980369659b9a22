package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;
import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.corpus.TextFiller;
import io.leakwatch.textgen.Filler;
import io.leakwatch.textgen.Lexicon;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * TRANSACTIONAL traffic that no leak explains: bank alerts from 955xx numbers, operator notices
 * from 10086/10010/10000, deliveries and travel from 106 ports, and OTPs of services the operator
 * does not watch.
 *
 * <p>Senders, word lists and templates are in {@code notices.tsv}, written for this project with the shapes of
 * real notices (signature in 【】 first or last, card tails, amounts, pickup codes); no text is copied from any
 * corpus. Its {@code {slots}} are filled here, with dates from the timeline and amounts drawn per message.
 */
public final class Notices {

    private record Sender(String number, String signature) {
    }

    private static final Lexicon LEXICON = Lexicon.load(Notices.class, "/io/leakwatch/simulator/traffic/notices.tsv");
    private static final String[][] BANKS = LEXICON.table("banks");
    private static final String[][] OPERATORS = LEXICON.table("operators");
    private static final List<String> BANK_TEMPLATES = templates("bank");
    private static final List<String> OPERATOR_TEMPLATES = templates("operator");
    private static final List<String> DELIVERY_TEMPLATES = templates("delivery");
    private static final List<String> TRAVEL_TEMPLATES = templates("travel");
    private static final String[] DELIVERY = LEXICON.list("delivery_senders");
    private static final String[] TRAVEL = LEXICON.list("travel_senders");
    private static final String[] UNWATCHED = LEXICON.list("unwatched");
    private static final List<String> MERCHANTS = List.of(LEXICON.list("merchants"));
    private static final List<String> SIGNERS = List.of(LEXICON.list("signers"));
    private static final List<String> TRAIN_PREFIX = List.of(LEXICON.list("train_prefixes"));
    private static final List<String> AIRLINES = List.of(LEXICON.list("airlines"));

    private final List<Sender> banks = new ArrayList<>();
    private final Sender[] operators = new Sender[3];
    private final List<Sender> delivery = new ArrayList<>();
    private final List<Sender> travel = new ArrayList<>();
    private final List<WatchedApp> unwatched = new ArrayList<>();
    private final Timeline timeline;
    private final long bankSeed;

    /** Claims the notice senders; unwatched services that share a name with a scenario app are left out. */
    public Notices(final List<Scenario.App> apps, final Numbering numbering, final Timeline timeline, final Rng rng) {
        this.timeline = timeline;
        this.bankSeed = rng.stream("notices.banks").nextLong();
        for (final String[] bank : BANKS) {
            numbering.claim(bank[0]);
            banks.add(new Sender(bank[0], bank[1]));
        }
        for (int i = 0; i < operators.length; i++) {
            operators[i] = new Sender(OPERATORS[i][0], OPERATORS[i][1]);
        }
        for (final Sender operator : operators) {
            numbering.claim(operator.number());
        }
        for (final String name : DELIVERY) {
            delivery.add(new Sender(numbering.stablePort("notice:" + name), name));
        }
        for (final String name : TRAVEL) {
            travel.add(new Sender(numbering.stablePort("notice:" + name), name));
        }
        final Set<String> watchedNames = new HashSet<>();
        for (final Scenario.App app : apps) {
            watchedNames.add(app.name());
            watchedNames.add(app.signature());
        }
        final List<Scenario.App> others = new ArrayList<>();
        for (final String name : UNWATCHED) {
            if (!watchedNames.contains(name)) {
                others.add(new Scenario.App("unwatched-" + others.size(), name, name, "other", 0.0));
            }
        }
        unwatched.addAll(WatchedApp.of(others, numbering));
    }

    /** A notice to {@code subscriber}, at {@code epochSecond}. */
    public Event notice(final long epochSecond, final int subscriber, final String msisdn, final SplittableRandom random) {
        final int kind = random.nextInt(100);
        if (kind < 18 && !unwatched.isEmpty()) {
            final Event otp = TextFiller.pick(unwatched, random).otp(epochSecond, msisdn, random);
            return Event.of(epochSecond, otp.sender(), msisdn, otp.text(), Category.TRANSACTIONAL, Event.Source.NOTICE);
        }
        final Sender sender;
        final List<String> templates;
        if (kind < 48) {
            sender = banks.get((int) Math.floorMod(Rng.mix(bankSeed ^ subscriber), (long) banks.size()));
            templates = BANK_TEMPLATES;
        } else if (kind < 66) {
            sender = operatorOf(msisdn);
            templates = OPERATOR_TEMPLATES;
        } else if (kind < 92) {
            sender = TextFiller.pick(delivery, random);
            templates = DELIVERY_TEMPLATES;
        } else {
            sender = TextFiller.pick(travel, random);
            templates = TRAVEL_TEMPLATES;
        }
        final String text = render(TextFiller.pick(templates, random), sender.signature(), epochSecond, subscriber,
                random);
        return Event.of(epochSecond, sender.number(), msisdn, text, Category.TRANSACTIONAL, Event.Source.NOTICE);
    }

    /** The subscriber's own carrier, by number prefix. */
    private Sender operatorOf(final String msisdn) {
        final int prefix = Integer.parseInt(msisdn.substring(0, 3));
        return switch (prefix) {
            case 130, 131, 132, 155, 156, 175, 176, 185, 186 -> operators[1];
            case 133, 153, 177, 180, 181, 189 -> operators[2];
            default -> operators[0];
        };
    }

    private String render(final String template, final String signature, final long epochSecond, final int subscriber,
                          final SplittableRandom random) {
        final LocalDateTime now = timeline.local(epochSecond);
        final LocalDateTime later = now.plusDays(1 + random.nextInt(20));
        return Filler.fill(template, key -> value(key, signature, now, later, subscriber, random));
    }

    private String value(final String key, final String signature, final LocalDateTime now, final LocalDateTime later,
                         final int subscriber, final SplittableRandom random) {
        return switch (key) {
            case "sig" -> signature;
            case "M" -> Integer.toString(now.getMonthValue());
            case "d" -> Integer.toString(now.getDayOfMonth());
            case "HH" -> two(now.getHour());
            case "mm" -> two(now.getMinute());
            case "M2" -> Integer.toString(later.getMonthValue());
            case "d2" -> Integer.toString(later.getDayOfMonth());
            case "HH2" -> two(Math.min(23, Math.max(now.getHour() + 2, 18) + random.nextInt(3)));
            case "last4" -> String.format(Locale.ROOT, "%04d", Math.floorMod(Rng.mix(bankSeed + subscriber), 10_000));
            case "amt" -> money(random, random.nextInt(4) == 0 ? 2000 : 300);
            case "small" -> money(random, 200);
            case "big" -> money(random, 20_000);
            case "bal" -> money(random, 50_000);
            case "lowbal" -> Integer.toString(5 + random.nextInt(4) * 5);
            case "topup" -> Integer.toString(List.of(30, 50, 100, 200).get(random.nextInt(4)));
            case "used" -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 30);
            case "left" -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 20);
            case "minutes" -> Integer.toString(random.nextInt(500));
            case "minutesleft" -> Integer.toString(random.nextInt(300));
            case "merchant" -> TextFiller.pick(MERCHANTS, random);
            case "place" -> TextFiller.place(random);
            case "pickup" -> (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(6)) + "-" + (1000 + random.nextInt(9000));
            case "waybill" -> (signature.startsWith("顺丰") ? "SF" : "") + TextFiller.number(random, 12 + random.nextInt(2));
            case "surname", "person" -> TextFiller.name(random);
            case "mobile" -> TextFiller.mobile(random);
            case "signer" -> TextFiller.pick(SIGNERS, random);
            case "order" -> TextFiller.number(random, 12);
            case "ticket" -> "E" + TextFiller.number(random, 9);
            case "train" -> TextFiller.pick(TRAIN_PREFIX, random) + (1 + random.nextInt(2000));
            case "car" -> two(1 + random.nextInt(16));
            case "seat" -> two(1 + random.nextInt(20)) + "ABCDF".charAt(random.nextInt(5));
            case "city" -> TextFiller.place(random);
            case "gate" -> Integer.toString(1 + random.nextInt(30));
            case "flight" -> TextFiller.pick(AIRLINES, random) + (1000 + random.nextInt(9000));
            case "seatcode" -> (10 + random.nextInt(50)) + String.valueOf("ABCDEFGHJK".charAt(random.nextInt(10)));
            default -> throw new IllegalStateException("unknown notice field {" + key + "}");
        };
    }

    private static List<String> templates(final String kind) {
        final List<String> templates = LEXICON.entries("template").stream()
            .filter(e -> e.name().equals(kind)).map(Lexicon.Entry::value).toList();
        if (templates.isEmpty()) {
            throw new IllegalStateException(LEXICON.resource() + ": no " + kind + " template");
        }
        return templates;
    }

    private static String two(final int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String money(final SplittableRandom random, final int scale) {
        final double amount = Math.exp(random.nextDouble() * Math.log(scale)) + random.nextInt(100) / 100.0;
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
