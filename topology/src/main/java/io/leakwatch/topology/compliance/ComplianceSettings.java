package io.leakwatch.topology.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The marketing rules' settings: refusal words, sending window, zone, daily caps. The defaults are the resource
 * {@code compliance.properties}; {@link #with(Map)} applies overrides (from the {@code rules} topic) and fails on an
 * unknown key or a bad value with a message naming the key.
 *
 * @param refusalWords   replies that withdraw consent, case-folded
 * @param windowStart    first local time at which marketing may be sent
 * @param windowEnd      local time from which it may not (exclusive); before {@code windowStart} means past midnight
 * @param zone           zone of the window and of the days findings are counted in
 * @param capPerSignature a recipient is over the cap past this many marketing messages a day from one signature
 * @param capTotal       a recipient is over the total cap past this many a day from all senders
 * @param portMixMin     a port is found sending marketing and notices with at least this many of each in a day
 * @param portMixShare   ... and with the smaller kind at least this share of both
 * @param examples       campaign fingerprints kept per finding
 */
public record ComplianceSettings(Set<String> refusalWords, LocalTime windowStart, LocalTime windowEnd, ZoneId zone,
                                 long capPerSignature, long capTotal, long portMixMin, double portMixShare, int examples) {

    static final String RESOURCE = "compliance.properties";
    private static final ComplianceSettings DEFAULTS = load();

    public ComplianceSettings {
        refusalWords = Set.copyOf(refusalWords);
    }

    public static ComplianceSettings defaults() {
        return DEFAULTS;
    }

    /** The defaults with {@code overrides} (keys as in the resource) applied. */
    public static ComplianceSettings with(Map<String, String> overrides) {
        final Map<String, String> all = new LinkedHashMap<>(raw());
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            if (!all.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("compliance." + entry.getKey() + ": unknown key; known: " + String.join(", ", raw().keySet()));
            }
            all.put(entry.getKey(), entry.getValue());
        }
        return parse(all);
    }

    /** Whether a subscriber's whole reply is a refusal word. */
    public boolean isRefusal(String reply) {
        return reply != null && refusalWords.contains(fold(reply));
    }

    /** Whether marketing at this instant is outside the sending window. */
    public boolean outsideWindow(long epochMs) {
        final LocalTime local = LocalTime.ofInstant(java.time.Instant.ofEpochMilli(epochMs), zone);
        final boolean inside = windowStart.isBefore(windowEnd)
                ? !local.isBefore(windowStart) && local.isBefore(windowEnd)
                : !local.isBefore(windowStart) || local.isBefore(windowEnd);
        return !inside;
    }

    static String fold(String reply) {
        String s = reply.strip().toUpperCase(Locale.ROOT);
        while (!s.isEmpty() && isEndPunctuation(s.charAt(s.length() - 1))) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean isEndPunctuation(char c) {
        return ".,!。，！~～".indexOf(c) >= 0;
    }

    private static ComplianceSettings load() {
        return parse(raw());
    }

    private static Map<String, String> raw() {
        final Properties props = new Properties();
        try (InputStream in = ComplianceSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final Map<String, String> out = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
            out.put(key, props.getProperty(key));
        }
        return out;
    }

    private static ComplianceSettings parse(Map<String, String> values) {
        final Set<String> words = new LinkedHashSet<>();
        for (String word : value(values, "refusal.words").split(",")) {
            if (!word.isBlank()) {
                words.add(fold(word));
            }
        }
        require(!words.isEmpty(), "refusal.words", "must list at least one word");
        final String window = value(values, "sending.window");
        final String[] bounds = window.split("-");
        require(bounds.length == 2, "sending.window", "must be HH:mm-HH:mm, was '" + window + "'");
        final LocalTime start;
        final LocalTime end;
        try {
            start = LocalTime.parse(bounds[0].strip());
            end = LocalTime.parse(bounds[1].strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("compliance.sending.window: must be HH:mm-HH:mm, was '" + window + "'");
        }
        require(!start.equals(end), "sending.window", "start and end must differ");
        final ZoneId zone;
        try {
            zone = ZoneId.of(value(values, "zone").strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("compliance.zone: not a time zone: '" + values.get("zone") + "'");
        }
        final long capSignature = positive(values, "cap.per.signature");
        final long capTotal = positive(values, "cap.total");
        final long portMixMin = positive(values, "port.mix.min.messages");
        final double portMixShare;
        try {
            portMixShare = Double.parseDouble(value(values, "port.mix.min.share").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("compliance.port.mix.min.share: not a number: '" + values.get("port.mix.min.share") + "'");
        }
        require(portMixShare >= 0 && portMixShare <= 0.5, "port.mix.min.share", "must be within [0, 0.5]");
        final long examples = positive(values, "examples");
        require(examples <= 20, "examples", "must be at most 20");
        return new ComplianceSettings(words, start, end, zone, capSignature, capTotal, portMixMin, portMixShare, (int) examples);
    }

    private static String value(Map<String, String> values, String key) {
        final String value = values.get(key);
        require(value != null, key, "is missing");
        return value;
    }

    private static long positive(Map<String, String> values, String key) {
        final long n;
        try {
            n = Long.parseLong(value(values, key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("compliance." + key + ": not a whole number: '" + values.get(key) + "'");
        }
        require(n >= 1, key, "must be >= 1");
        return n;
    }

    private static void require(boolean ok, String key, String why) {
        if (!ok) {
            throw new IllegalArgumentException("compliance." + key + ": " + why);
        }
    }
}
