package io.leakwatch.simulator.corpus;

import io.leakwatch.textgen.Lexicon;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the corpora's entity placeholders ({@code DIGIT}, {@code NAME}, {@code PLACE},
 * {@code URL}, {@code CELLPHONE}, {@code PHONE}, {@code WECHAT}, {@code QQ}, {@code HOTLINE},
 * {@code BANK}) and, in spam, {@code zh-sms}'s standalone {@code x} digit masks with plausible
 * synthetic values. Every number made here is random, so no real contact ends up in the traffic. The placeholders
 * are the corpora's own masks, read as they come; the names, places, banks and number prefixes drawn for them are
 * in {@code fill-lexicon.tsv}.
 *
 * <p>Entities (phones, URLs, names) are drawn from one random source and digits from another, so a
 * campaign can keep its call-back number while its amounts and dates vary from message to message.
 */
public final class TextFiller {

    // CELLPHONE before PHONE, or "CELLPHONE" would be read as "CELL" + PHONE.
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "CELLPHONE|PHONE|HOTLINE|WECHAT|DIGIT|NAME|PLACE|URL|QQ|BANK|(?<![A-Za-z])[xX]+(?![A-Za-z])");

    private static final Lexicon LEXICON = Lexicon.load(TextFiller.class, "/io/leakwatch/simulator/corpus/fill-lexicon.tsv");
    private static final List<String> SURNAMES = List.of(LEXICON.list("surnames"));
    private static final List<String> GIVEN = List.of(LEXICON.list("given"));
    private static final List<String> TITLES = List.of(LEXICON.list("titles"));
    private static final List<String> PLACES = List.of(LEXICON.list("places"));
    private static final List<String> BANKS = List.of(LEXICON.list("banks"));
    private static final List<String> AREA_CODES = List.of(LEXICON.list("area_codes"));
    private static final List<String> MOBILE_PREFIXES = List.of(LEXICON.list("mobile_prefixes"));
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALNUM = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private TextFiller() {
    }

    /** Fills every placeholder, entities and digits from the same source. */
    public static String fill(final String template, final SplittableRandom random) {
        return fill(template, random, random, true);
    }

    /**
     * Fills every placeholder.
     *
     * @param entities  source for phones, URLs, names, places, banks, WeChat and QQ ids
     * @param digits    source for {@code DIGIT} and {@code x} masks
     * @param fillMasks whether standalone {@code x} runs are digit masks (spam from zh-sms) or text
     */
    public static String fill(final String template, final SplittableRandom entities, final SplittableRandom digits,
                              final boolean fillMasks) {
        final Matcher m = PLACEHOLDER.matcher(template);
        if (!m.find()) {
            return template;
        }
        final StringBuilder out = new StringBuilder(template.length() + 32);
        int last = 0;
        do {
            final String token = m.group();
            out.append(template, last, m.start());
            if (m.start() == last && last > 0 && out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
                // Glued placeholders (CELLPHONECELLPHONE) would run two numbers into one.
                out.append(' ');
            }
            if (token.charAt(0) == 'x' || token.charAt(0) == 'X') {
                out.append(fillMasks ? maskedDigits(token.length(), digits) : token);
            } else {
                out.append(entity(token, entities, digits));
            }
            last = m.end();
        } while (m.find());
        out.append(template, last, template.length());
        return out.toString();
    }

    private static String entity(final String token, final SplittableRandom entities, final SplittableRandom digits) {
        return switch (token) {
            case "DIGIT" -> number(digits, digits.nextInt(10) < 8 ? 1 + digits.nextInt(3) : 4);
            case "CELLPHONE" -> mobile(entities);
            case "PHONE" -> pick(AREA_CODES, entities) + (entities.nextBoolean() ? "-" : "")
                    + (2 + entities.nextInt(7)) + number(entities, 7).substring(0, 7);
            case "HOTLINE" -> entities.nextBoolean()
                    ? "400-" + (100 + entities.nextInt(900)) + "-" + (1000 + entities.nextInt(9000))
                    : "95" + (100 + entities.nextInt(900));
            case "WECHAT" -> (entities.nextInt(3) == 0 ? "wx" : "") + letters(entities, 3 + entities.nextInt(5))
                    + number(entities, 2 + entities.nextInt(5));
            case "QQ" -> number(entities, 6 + entities.nextInt(5));
            case "URL" -> url(entities);
            case "NAME" -> name(entities);
            case "PLACE" -> pick(PLACES, entities);
            case "BANK" -> pick(BANKS, entities);
            default -> throw new IllegalStateException("unhandled placeholder " + token);
        };
    }

    /** A random 11-digit mobile number of a mainland carrier. */
    public static String mobile(final SplittableRandom random) {
        final StringBuilder out = new StringBuilder(11).append(pick(MOBILE_PREFIXES, random));
        for (int i = 0; i < 8; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A Chinese person's name or a name with a title, such as 王经理. */
    public static String name(final SplittableRandom random) {
        final String surname = pick(SURNAMES, random);
        return random.nextInt(3) == 0 ? surname + pick(TITLES, random) : surname + pick(GIVEN, random);
    }

    /** A place name. */
    public static String place(final SplittableRandom random) {
        return pick(PLACES, random);
    }

    private static String url(final SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "t.cn/" + alnum(random, 7);
            case 1 -> "http://" + letters(random, 4 + random.nextInt(5)) + ".com";
            case 2 -> "www." + letters(random, 3 + random.nextInt(6)) + ".cn";
            default -> "dwz.cn/" + alnum(random, 6);
        };
    }

    private static String maskedDigits(final int length, final SplittableRandom random) {
        return length == 11 ? mobile(random) : number(random, length);
    }

    /** A number of exactly {@code length} digits without a leading zero. */
    public static String number(final SplittableRandom random, final int length) {
        final StringBuilder out = new StringBuilder(length);
        out.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String letters(final SplittableRandom random, final int length) {
        return chars(LOWER, random, length);
    }

    private static String alnum(final SplittableRandom random, final int length) {
        return chars(ALNUM, random, length);
    }

    private static String chars(final String alphabet, final SplittableRandom random, final int length) {
        final StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A uniformly chosen element. */
    public static <T> T pick(final List<T> items, final SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
