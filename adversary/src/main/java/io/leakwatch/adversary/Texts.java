package io.leakwatch.adversary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text sets under {@code texts/} (one message per line; sources in {@code texts/SOURCES.md}) and the filling
 * of their placeholders: {@code {sig} {code} {amount} {balance} {tail} {date} {time} {n} {wx} {phone} {url} {bank}
 * {carrier} {courier} {station} {port}}. Values the caller knows (an app's signature, a bank's name) come in
 * {@code fixed}; the rest are drawn from {@code rng}.
 */
final class Texts {

    private static final Map<String, List<String>> SETS = new ConcurrentHashMap<>();
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz";

    private Texts() {
    }

    static boolean exists(String set) {
        return Texts.class.getResource("texts/" + set + ".txt") != null;
    }

    static List<String> set(String name) {
        return SETS.computeIfAbsent(name, Texts::read);
    }

    static String pick(String set, SplittableRandom rng) {
        final List<String> lines = set(set);
        return lines.get(rng.nextInt(lines.size()));
    }

    private static List<String> read(String name) {
        try (InputStream in = Texts.class.getResourceAsStream("texts/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no text set " + name);
            }
            final List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code template} with every placeholder replaced. */
    static String fill(String template, Map<String, String> fixed, SplittableRandom rng) {
        final StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            final int open = template.indexOf('{', i);
            final int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            final String key = template.substring(open + 1, close);
            final String value = fixed.get(key);
            out.append(value != null ? value : draw(key, rng));
            i = close + 1;
        }
        return out.toString();
    }

    private static String draw(String key, SplittableRandom rng) {
        return switch (key) {
            case "code" -> digits(rng, 4 + rng.nextInt(3));
            case "amount" -> String.format(Locale.ROOT, "%d.%02d", 10 + rng.nextInt(4990), rng.nextInt(100));
            case "balance" -> String.format(Locale.ROOT, "%d.%02d", rng.nextInt(80000), rng.nextInt(100));
            case "tail" -> digits(rng, 4);
            case "date" -> (1 + rng.nextInt(12)) + "月" + (1 + rng.nextInt(28)) + "日";
            case "time" -> String.format(Locale.ROOT, "%02d:%02d", rng.nextInt(24), rng.nextInt(60));
            case "n" -> String.valueOf(1 + rng.nextInt(30));
            case "wx" -> wechatId(rng);
            case "phone" -> "1" + (3 + rng.nextInt(7)) + digits(rng, 9);
            case "url" -> "t.cn/" + (char) ('A' + rng.nextInt(26)) + digits(rng, 1) + wechatId(rng).substring(0, 4);
            case "station" -> List.of("菜鸟驿站", "丰巢柜", "小区南门快递点", "兔喜生活").get(rng.nextInt(4));
            default -> throw new IllegalArgumentException("unknown placeholder {" + key + "}");
        };
    }

    private static String wechatId(SplittableRandom rng) {
        final StringBuilder id = new StringBuilder();
        final int letters = 2 + rng.nextInt(4);
        for (int k = 0; k < letters; k++) {
            id.append(LETTERS.charAt(rng.nextInt(LETTERS.length())));
        }
        return id.append(digits(rng, 3 + rng.nextInt(4))).toString();
    }

    static String digits(SplittableRandom rng, int count) {
        final StringBuilder out = new StringBuilder(count);
        for (int k = 0; k < count; k++) {
            out.append((char) ('0' + rng.nextInt(10)));
        }
        return out.toString();
    }
}
