package io.leakwatch.classifier.train;

import io.leakwatch.classifier.Category;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labelled corpora of {@code ../shared/data} (layout and quirks in its README) and maps their labels
 * to the five categories. Corpora that are missing are skipped, so a subset (or the test fixtures) works too.
 *
 * <ul>
 *   <li>{@code zh-personal}: NORMAL.</li>
 *   <li>{@code zh-inbox}: {@code normal} NORMAL, {@code spam} as {@code zh-sms}'s spam below, {@code inform}
 *       TRANSACTIONAL —
 *       securities newsletters included: the recipient subscribed to them and the source filed them as
 *       notices, so they are not the unsolicited traffic LeakWatch counts.</li>
 *   <li>{@code zh-sms}: {@code 0} NORMAL, {@code 1} MARKETING, except spam with a strong gambling,
 *       fake-invoice, stock-tip-group or escort keyword ({@link #weakSpamCategory}), which the corpus mixes in
 *       unmarked ({@code zh-spam-classes} files stock-tip groups under FR_Financial, so they are FRAUD here too).</li>
 *   <li>{@code uci-sms}: {@code ham} NORMAL; {@code spam} FRAUD for prize/claim messages, ADULT for chat-line
 *       messages, MARKETING otherwise (the label does not say which; keywords decide).</li>
 *   <li>{@code zh-spam-classes}: AD_* MARKETING, FR_*, IL_Gambling, IL_Fake_ID_and_invoice FRAUD,
 *       IL_Escort_service ADULT; IL_Political_propaganda and Other map to none (evaluated, never trained).
 *       Its {@code text_joined} column is used, with placeholders turned back into text of the same shape
 *       ({@link #unplaceholder}), so the normaliser gives them the tokens real numbers and links get.</li>
 * </ul>
 */
public final class Corpora {
    public static final String ZH_PERSONAL = "zh-personal";
    public static final String ZH_INBOX = "zh-inbox";
    public static final String ZH_SMS = "zh-sms";
    public static final String UCI = "uci-sms";
    public static final String ZH_SPAM_CLASSES = "zh-spam-classes";
    public static final String SYNTHETIC = "synthetic";

    private static final Pattern UCI_FRAUD = Pattern.compile(
        "(?i)\\b(won|win|winner|prize|claim|award|awarded|guaranteed|selected|urgent|cash|bonus|£\\d)");
    private static final Pattern UCI_ADULT = Pattern.compile("(?i)\\b(sexy|horny|xxx|dirty|naughty|slut|fantas|hot girls|babes)");
    private static final Pattern ZH_FRAUD = Pattern.compile("百家乐|娱乐城|博彩|彩金|真人赌|代开发票|发票代开|开发票|办证|刻章|安全账户|刷单"
        + "|建群|开群|进群|群内公布|人满即封|群满即封|牛股|涨停板|荐股|配资|操盘手");
    private static final Pattern ZH_ADULT = Pattern.compile("上门服务|全套服务|约炮|包夜|学生妹|特殊服务");
    private static final Pattern PLACEHOLDER = Pattern.compile(
        "CELLPHONE|HOTLINE|WECHAT|PHONE|DIGIT|PLACE|NAME|BANK|URL|QQ");
    private static final Map<String, String> PLACEHOLDER_TEXT = Map.of(
        "CELLPHONE", " 13800138000 ",
        "HOTLINE", " 4008001234 ",
        "WECHAT", " wx88886666 ",
        "PHONE", " 0755-83218888 ",
        "DIGIT", "8",
        "PLACE", "",
        "NAME", "",
        "BANK", "银行",
        "URL", " http://t.cn/abc ",
        "QQ", " qq 88886666 ");

    private Corpora() {
    }

    /** Every example of every corpus found under {@code dataDir}, in file order. */
    public static List<Example> load(final Path dataDir) {
        final List<Example> out = new ArrayList<>();
        loadSimple(dataDir.resolve(ZH_PERSONAL).resolve("messages.tsv"), ZH_PERSONAL, out);
        loadSimple(dataDir.resolve(ZH_INBOX).resolve("messages.tsv"), ZH_INBOX, out);
        loadSimple(dataDir.resolve(ZH_SMS).resolve("messages.tsv"), ZH_SMS, out);
        loadSimple(dataDir.resolve(UCI).resolve("SMSSpamCollection.tsv"), UCI, out);
        for (final Split split : Split.values()) {
            final String file = switch (split) {
                case TRAIN -> "train.tsv";
                case VALIDATION -> "val.tsv";
                case TEST -> "test.tsv";
            };
            loadSpamClasses(dataDir.resolve(ZH_SPAM_CLASSES).resolve(file), split, out);
        }
        return out;
    }

    private static void loadSimple(final Path file, final String corpus, final List<Example> out) {
        for (final String line : lines(file)) {
            final int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            final String label = line.substring(0, tab);
            final String text = line.substring(tab + 1);
            out.add(new Example(corpus, label, categoryOf(corpus, label, text), text, Split.ofTemplate(text)));
        }
    }

    private static void loadSpamClasses(final Path file, final Split split, final List<Example> out) {
        for (final String line : lines(file)) {
            final String[] f = line.split("\t", -1);
            if (f.length < 3 || f[2].isBlank()) {
                continue;
            }
            out.add(new Example(ZH_SPAM_CLASSES, f[0], spamClassCategory(f[0]), unplaceholder(f[2]), split));
        }
    }

    static Category categoryOf(final String corpus, final String label, final String text) {
        return switch (corpus) {
            case ZH_PERSONAL -> Category.NORMAL;
            case ZH_INBOX -> switch (label) {
                case "inform" -> Category.TRANSACTIONAL;
                case "spam" -> weakSpamCategory(text);
                default -> Category.NORMAL;
            };
            case ZH_SMS -> "1".equals(label) ? weakSpamCategory(text) : Category.NORMAL;
            case UCI -> !"spam".equals(label) ? Category.NORMAL
                : UCI_FRAUD.matcher(text).find() ? Category.FRAUD
                : UCI_ADULT.matcher(text).find() ? Category.ADULT : Category.MARKETING;
            default -> throw new IllegalArgumentException("unknown corpus " + corpus);
        };
    }

    /** Spam of {@code zh-sms} is MARKETING unless a strong keyword says fraud or adult. */
    static Category weakSpamCategory(final String text) {
        if (ZH_ADULT.matcher(text).find()) {
            return Category.ADULT;
        }
        return ZH_FRAUD.matcher(text).find() ? Category.FRAUD : Category.MARKETING;
    }

    /** Project category of a {@code zh-spam-classes} class, null for the two that map to none. */
    public static Category spamClassCategory(final String cls) {
        if (cls.startsWith("AD_")) {
            return Category.MARKETING;
        }
        if (cls.startsWith("FR_") || cls.equals("IL_Gambling") || cls.equals("IL_Fake_ID_and_invoice")) {
            return Category.FRAUD;
        }
        if (cls.equals("IL_Escort_service")) {
            return Category.ADULT;
        }
        return null;
    }

    /**
     * Turns {@code zh-spam-classes} placeholders back into text of the shape they replaced: a mobile number for
     * {@code CELLPHONE}, a link for {@code URL}, a digit for {@code DIGIT}, a WeChat-like id... Names and places
     * are dropped, {@code BANK} becomes 银行.
     */
    public static String unplaceholder(final String text) {
        final Matcher m = PLACEHOLDER.matcher(text);
        final StringBuilder b = new StringBuilder(text.length() + 16);
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(PLACEHOLDER_TEXT.get(m.group())));
        }
        m.appendTail(b);
        return b.toString().strip();
    }

    private static List<String> lines(final Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Short label for reports, e.g. {@code zh-inbox/inform}. */
    public static String describe(final Example e) {
        return e.corpus() + "/" + e.sourceLabel().toLowerCase(Locale.ROOT);
    }
}
