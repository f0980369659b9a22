package io.leakwatch.classifier.train;

import io.leakwatch.textgen.Lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic TRANSACTIONAL SMS: one-time codes, bank, card, loan and payment alerts, operator balance, data and bill
 * notices, deliveries and pickup codes, orders, rides and food delivery, rail, air and hotel bookings, hospital,
 * school and exam notices, social security, housing fund, tax, traffic, court and other government services,
 * weather warnings, utility and property bills, insurance, securities and fund confirmations, subscriptions;
 * about 85% Chinese and 15% English (UK, US and Singapore shapes). They add to {@code zh-inbox}'s {@code inform}
 * messages, the only real notices in the corpora, so that the model learns what legitimate notices look like in
 * general rather than what one person's inbox looks like, and they give English notices at all.
 *
 * <p>Each message is composed: an optional opener ({@code 尊敬的客户，}, {@code 您好，}, ...), a body template
 * of its sector (for Chinese, sometimes followed by more bodies of the same sector), an optional closer
 * ({@code 详询95555。}, {@code 如非本人操作请忽略。}, ...) and, for Chinese, a
 * {@code 【sender】} signature at the start (about 60%), at the end (about 25%) or absent (about 15%); English
 * notices put {@code Sender: } first or {@code  - Sender} last or carry none. Templates, openers and closers are in
 * {@code notices-templates.tsv}; {@link NoticeSlots} fills their slots ({@code {bank}}, {@code {amount}},
 * {@code {date}}, ...), keeping an entity's value within a message, so the signature, the hotline and the body
 * name the same bank, courier or airline. No text is
 * marketing: no opt-out markers, promotions or offers. Written for this project in the shapes real notices
 * take; no corpus text is copied.
 */
public final class SyntheticNotices {
    private static final String TEMPLATES_RESOURCE = "/io/leakwatch/classifier/train/notices-templates.tsv";
    private static final Lexicon TEMPLATES = Lexicon.load(SyntheticNotices.class, TEMPLATES_RESOURCE);

    /** A closer is dropped when the body already says the same thing. */
    private static final String[] CLOSER_MARKERS = TEMPLATES.list("closer_markers");

    // ---------------------------------------------------------------- sectors (notices-templates.tsv)

    /**
     * Bodies of one sector and how they are wrapped: {@code sign} is the sender (a slot expression, so that it
     * names the bank or courier of the body), {@code hotline} its service number.
     */
    private record Sector(String sign, String hotline, boolean english, String[] openers, String[] closers,
                          String[] bodies) {
    }

    /** All bodies, sector by sector, and the sector of each. */
    private static final String[] BODIES;
    private static final Sector[] SECTOR_OF;

    static {
        final List<String> bodies = new ArrayList<>();
        final List<Sector> sectors = new ArrayList<>();
        for (final Lexicon.Entry line : TEMPLATES.entries("sector")) {
            final String[] f = line.values();
            if (f.length != 5 || !(f[2].equals("zh") || f[2].equals("en"))) {
                throw new IllegalStateException(TEMPLATES_RESOURCE + ":" + line.line()
                    + ": expected sender|service number|zh or en|openers|closers");
            }
            final String[] sectorBodies = TEMPLATES.entries("body").stream()
                .filter(b -> b.name().equals(line.name())).map(Lexicon.Entry::value).toArray(String[]::new);
            if (sectorBodies.length == 0) {
                throw new IllegalStateException(TEMPLATES_RESOURCE + ": sector " + line.name() + " has no body");
            }
            final Sector sector = new Sector(f[0], f[1], f[2].equals("en"), TEMPLATES.list(f[3]), TEMPLATES.list(f[4]),
                sectorBodies);
            for (final String body : sectorBodies) {
                bodies.add(body);
                sectors.add(sector);
            }
        }
        BODIES = bodies.toArray(new String[0]);
        SECTOR_OF = sectors.toArray(new Sector[0]);
    }

    private SyntheticNotices() {
    }

    /**
     * {@code n} messages, the same for the same seed. Every run of {@link #templates()} messages from the start
     * uses each body template once, in an order shuffled per run, so any {@code n} samples the sectors evenly.
     */
    public static List<String> generate(final long seed, final int n) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> out = new ArrayList<>(n);
        final int[] order = new int[BODIES.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            final int k = i % order.length;
            if (k == 0) {
                Shuffle.shuffle(order, random);
            }
            out.add(message(order[k], random));
        }
        return out;
    }

    /** How many distinct body templates there are. */
    public static int templates() {
        return BODIES.length;
    }

    /** Body template {@code template} as written, slots unfilled (for tests). */
    static String body(final int template) {
        return BODIES[template];
    }

    /** One message from body template {@code template}: filled, with opener, closer and signature. */
    static String message(final int template, final SplittableRandom r) {
        final Sector sector = SECTOR_OF[template];
        final NoticeSlots.Ctx c = new NoticeSlots.Ctx(r, sector.hotline());
        final String raw = BODIES[template];
        final String body = NoticeSlots.fill(raw, c);
        return sector.english() ? english(raw, body, sector, c) : chinese(raw, body, sector, c);
    }

    /**
     * A Chinese notice carries one more body of its sector (a bill and then a balance, a delivery and then its pickup
     * code) with this probability, again up to {@link #MAX_EXTRA_BODIES} times. Real notices run long: 15% of
     * {@code zh-inbox}'s train-split notices have over 140 characters, single-body synthetic ones 1.6% (7.4% with
     * these), and a model that learns long Chinese text only from adverts reads a long notice as one.
     */
    static final int EXTRA_BODY_PERCENT = 40;
    static final int MAX_EXTRA_BODIES = 3;

    private static String chinese(final String raw, final String body, final Sector sector, final NoticeSlots.Ctx c) {
        final SplittableRandom r = c.random();
        final String opener = raw.startsWith("{") ? "" : NoticeSlots.fill(Draw.pick(sector.openers(), r), c);
        String text = opener + body;
        for (int extra = 0; extra < MAX_EXTRA_BODIES && r.nextInt(100) < EXTRA_BODY_PERCENT; extra++) {
            final String next = Draw.pick(sector.bodies(), r);
            if (!next.equals(raw)) {
                text += (endsSentence(text) ? "" : "。") + NoticeSlots.fill(next, c);
            }
        }
        final String closer = closer(text, sector, c);
        if (!closer.isEmpty()) {
            if (!endsSentence(text)) {
                text += text.charAt(text.length() - 1) < 128 ? " " : "。";
            }
            text += closer;
        }
        if (r.nextInt(100) < 10) {
            text = text.replace('，', ',').replace('：', ':').replace('（', '(').replace('）', ')');
        }
        if (r.nextInt(100) < 8 && text.endsWith("。")) {
            text = text.substring(0, text.length() - 1);
        }
        final String sign = "【" + NoticeSlots.fill(sector.sign(), c) + "】";
        final int where = r.nextInt(100);
        return where < 60 ? sign + text : where < 85 ? text + sign : text;
    }

    private static String english(final String raw, final String body, final Sector sector, final NoticeSlots.Ctx c) {
        final SplittableRandom r = c.random();
        final String opener = lowerFirstWord(raw).equals(raw) ? "" : NoticeSlots.fill(Draw.pick(sector.openers(), r), c);
        String text = opener.isEmpty() ? body : opener + lowerFirstWord(body);
        final String closer = raw.startsWith("<#>") ? "" : closer(body, sector, c);
        if (!closer.isEmpty()) {
            text += (endsSentence(text) ? " " : ". ") + closer;
        }
        final String sign = NoticeSlots.fill(sector.sign(), c);
        final int where = r.nextInt(100);
        if (text.startsWith(sign) || where >= 65) {
            return text;
        }
        return where < 50 ? sign + ": " + text : text + " - " + sign;
    }

    /** A closer of the sector, or none (about 45%), or none when the body already says the same thing. */
    private static String closer(final String body, final Sector sector, final NoticeSlots.Ctx c) {
        if (c.random().nextInt(100) < 45) {
            return "";
        }
        final String closer = NoticeSlots.fill(Draw.pick(sector.closers(), c.random()), c);
        for (final String marker : CLOSER_MARKERS) {
            if (closer.contains(marker) && body.contains(marker)) {
                return "";
            }
        }
        final String hotline = NoticeSlots.fill("{hotline}", c);
        return closer.contains(hotline) && body.contains(hotline) ? "" : closer;
    }

    private static boolean endsSentence(final String text) {
        if (text.isEmpty()) {
            return true;
        }
        final char last = text.charAt(text.length() - 1);
        return last == '。' || last == '！' || last == '.' || last == '!' || last == '?';
    }

    private static String lowerFirstWord(final String body) {
        for (final String word : new String[] {"Your ", "You ", "We've ", "We "}) {
            if (body.startsWith(word)) {
                return Character.toLowerCase(body.charAt(0)) + body.substring(1);
            }
        }
        return body;
    }
}
