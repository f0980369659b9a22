package io.leakwatch.classifier.train;

import io.leakwatch.classifier.Category;

import io.leakwatch.textgen.Filler;
import io.leakwatch.textgen.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic short solicitation (escort, club and dating offers, gambling, loans, fake invoices and certificates,
 * impersonation of bosses and relatives, stock-tip groups, phishing) and personal messages that share its words,
 * composed from the templates and slot lists of {@code solicitation-templates.tsv}. The corpora hold solicitation
 * mostly in long advertising shapes; what a bought list receives is often one short line with a contact cue
 * (加微, 私聊, 详询...) and no signature, which the corpora's personal messages resemble in length and shape. These
 * lines teach the model the words, not the shape.
 *
 * <p>Spam lines are sometimes obfuscated as senders do: characters spaced apart, emoji around the text,
 * punctuation swapped for spaces or tildes. Personal lines sometimes get an emoji too, so that an emoji alone
 * does not mean spam. The same seed gives the same lines.
 */
public final class SyntheticSolicitation {
    private static final String RESOURCE = "/io/leakwatch/classifier/train/solicitation-templates.tsv";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

    /** One synthetic line and the category it teaches. */
    public record Line(Category category, String text) {
    }

    private record Template(Category category, String text) {
    }

    private static final class Holder {
        static final SyntheticSolicitation INSTANCE = load();
    }

    private final Map<String, String[]> slots;
    private final List<Template> templates;

    private SyntheticSolicitation(final Map<String, String[]> slots, final List<Template> templates) {
        this.slots = slots;
        this.templates = templates;
    }

    /**
     * {@code n} lines, the same for the same seed. Every run of {@link #templates()} lines from the start uses
     * each template once, in an order shuffled per run.
     */
    public static List<Line> generate(final long seed, final int n) {
        return Holder.INSTANCE.lines(seed, n);
    }

    /** How many templates there are. */
    public static int templates() {
        return Holder.INSTANCE.templates.size();
    }

    private List<Line> lines(final long seed, final int n) {
        final SplittableRandom random = new SplittableRandom(seed ^ 0x5011C17L);
        final List<Line> out = new ArrayList<>(n);
        final int[] order = new int[templates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            final int k = i % order.length;
            if (k == 0) {
                Shuffle.shuffle(order, random);
            }
            final Template t = templates.get(order[k]);
            final String filled = Filler.fill(t.text(), slot -> value(slot, random));
            out.add(new Line(t.category(), disguise(filled, t.category().isSpam(), random)));
        }
        return out;
    }

    private String value(final String slot, final SplittableRandom r) {
        final String[] values = slots.get(slot);
        if (values != null) {
            return values[r.nextInt(values.length)];
        }
        return switch (slot) {
            case "id" -> letters(r, 2 + r.nextInt(4)) + Draw.digits(2 + r.nextInt(4), r);
            case "mobile" -> "1" + (3 + r.nextInt(7)) + Draw.digits(9, r);
            case "qq" -> (1 + r.nextInt(9)) + Draw.digits(5 + r.nextInt(5), r);
            case "link" -> (r.nextInt(4) == 0 ? "http://" : "") + letters(r, 2 + r.nextInt(6))
                + (r.nextBoolean() ? "-" + letters(r, 2 + r.nextInt(4)) : "") + "." + Draw.pick(slots.get("tld"), r)
                + (r.nextBoolean() ? "/" + letters(r, 1 + r.nextInt(5)) : "");
            case "num" -> Integer.toString(1 + r.nextInt(99));
            case "amount" -> amount(r);
            case "card" -> "62" + Draw.digits(2, r) + " " + Draw.digits(4, r) + " " + Draw.digits(4, r) + " " + Draw.digits(4, r);
            case "tel" -> "0" + (10 + r.nextInt(890)) + "-" + (2 + r.nextInt(7)) + Draw.digits(7, r);
            default -> throw new IllegalStateException(RESOURCE + ": no slot {" + slot + "}");
        };
    }

    private static String amount(final SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> (1 + r.nextInt(9)) + "000元";
            case 1 -> (1 + r.nextInt(50)) + "万";
            case 2 -> (1 + r.nextInt(9)) + "," + Draw.digits(3, r) + "元";
            default -> (100 + r.nextInt(900)) + "元";
        };
    }

    /** Obfuscation as spam senders use it; personal lines only ever get an emoji. */
    private String disguise(final String text, final boolean spam, final SplittableRandom r) {
        String t = text;
        final String[] emoji = slots.get("emoji");
        if (!spam) {
            return r.nextInt(10) == 0 ? t + emoji[r.nextInt(emoji.length)] : t;
        }
        final int roll = r.nextInt(100);
        if (roll < 10) {
            t = spaced(t, " ");
        } else if (roll < 13) {
            t = spaced(t, r.nextBoolean() ? "~" : ".");
        } else if (roll < 23) {
            t = t.replace('，', r.nextBoolean() ? ' ' : '~');
        }
        if (r.nextInt(6) == 0) {
            t = emoji[r.nextInt(emoji.length)] + t;
        }
        if (r.nextInt(6) == 0) {
            t = t + emoji[r.nextInt(emoji.length)];
        }
        return t;
    }

    /** Every Han character and punctuation mark set apart by {@code gap}; Latin and digit runs kept whole. */
    private static String spaced(final String text, final String gap) {
        final StringBuilder sb = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean word = c < 0x80 && Character.isLetterOrDigit(c);
            final boolean prevWord = i > 0 && text.charAt(i - 1) < 0x80 && Character.isLetterOrDigit(text.charAt(i - 1));
            if (i > 0 && !(word && prevWord) && c != ' ' && text.charAt(i - 1) != ' ') {
                sb.append(gap);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String letters(final SplittableRandom r, final int n) {
        final StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(LOWER.charAt(r.nextInt(LOWER.length())));
        }
        return sb.toString();
    }

    private static SyntheticSolicitation load() {
        final Lexicon lexicon = Lexicon.load(SyntheticSolicitation.class, RESOURCE);
        final Map<String, String[]> slots = new HashMap<>();
        final List<Template> templates = new ArrayList<>();
        for (final Lexicon.Entry e : lexicon.entries()) {
            switch (e.kind()) {
                case "slot" -> slots.put(e.name(), e.values());
                case "template" -> templates.add(new Template(Category.valueOf(e.name().toUpperCase(Locale.ROOT)), e.value()));
                default -> throw new IllegalStateException(RESOURCE + ":" + e.line() + ": expected slot or template line");
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no templates");
        }
        return new SyntheticSolicitation(Map.copyOf(slots), List.copyOf(templates));
    }
}
