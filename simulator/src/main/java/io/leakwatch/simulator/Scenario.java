package io.leakwatch.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulation scenario exactly as {@code simulator/scenarios/README.md} specifies it.
 *
 * <p>Numbers are boxed so that a missing field can be told from a zero; {@link #validate(Path)}
 * rejects missing required fields, so code after validation may unbox freely. Optional lists
 * and maps may be null.
 *
 * @param name           shown in the truth; defaults to the file name
 * @param seed           every random choice derives from it
 * @param start          first instant of the simulated traffic; its offset is the local time zone
 * @param days           length of the scenario; it ends at {@code start + days}
 * @param subscribers    number of simulated MSISDNs
 * @param texts          optional corpus override: category name to a file, relative to the scenario file
 * @param apps           apps whose registrations send OTPs
 * @param coRegistration optional overlapping cohorts
 * @param background     traffic not tied to any app
 * @param seasonal       optional floods that multiply a spam category's rate for everyone
 * @param leaks          the leaks to plant
 * @param compliance     optional marketers that break (or keep) the marketing rules, and refusal replies
 */
public record Scenario(
        String name,
        Long seed,
        OffsetDateTime start,
        Integer days,
        Integer subscribers,
        Map<String, String> texts,
        List<App> apps,
        List<CoRegistration> coRegistration,
        Background background,
        List<Seasonal> seasonal,
        List<Leak> leaks,
        Compliance compliance) {

    /** A scenario without a compliance block. */
    public Scenario(String name, Long seed, OffsetDateTime start, Integer days, Integer subscribers, Map<String, String> texts, List<App> apps,
                    List<CoRegistration> coRegistration, Background background, List<Seasonal> seasonal, List<Leak> leaks) {
        this(name, seed, start, days, subscribers, texts, apps, coRegistration, background, seasonal, leaks, null);
    }

    /**
     * Marketers planted in [start, end), each on its own port with its own signature, sending to
     * {@code recipientsPerSender} subscribers a day in two waves; {@code refusalShare} of each marketer's recipients
     * reply a refusal between the waves. Each count is a number of marketers that break one rule (and only that one);
     * {@code compliant} marketers break none. The rule settings are those the truth is judged with.
     */
    public record Compliance(
            OffsetDateTime start,
            OffsetDateTime end,
            Integer recipientsPerSender,
            Double refusalShare,
            Integer compliant,
            Integer ignoreRefusals,
            Integer noRefusalInstruction,
            Integer noSignature,
            Integer night,
            Integer overCap,
            Integer overTotal,
            Integer mixedPort,
            String sendingWindow,
            Integer capPerSignature,
            Integer capTotal) {
    }

    /** An app whose registrations are visible through its OTP messages. */
    public record App(String id, String name, String signature, String sector, Double registrationsPerDay) {
    }

    /** {@code share} of the first app's registrants also register with the second, within 48 hours. */
    public record CoRegistration(List<String> apps, Double share) {
    }

    /** Traffic to everyone, not tied to any app; rates are per subscriber and day. */
    public record Background(
            Double p2pPerSubscriberPerDay,
            Double noticesPerSubscriberPerDay,
            Double spamPerSubscriberPerDay,
            Integer spamSenders) {
    }

    /** Multiplies {@code category}'s background spam rate for everyone in [start, end). */
    public record Seasonal(OffsetDateTime start, OffsetDateTime end, Category category, Double multiplier) {
    }

    /** Registration (or dump) to first spam: exponential with this median, truncated at max. */
    public record DelayHours(Double median, Double max) {
    }

    /** How leaked registrants are sold. */
    public enum LeakKind {
        /** Registrants in [start, end) are sold as they come. */
        REALTIME,
        /** At start, registrants of the last lookbackDays are sold once. */
        BULK;

        @JsonCreator
        static LeakKind parse(final String value) {
            for (final LeakKind kind : values()) {
                if (kind.json().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("must be one of [realtime, bulk], was '" + value + "'");
        }

        /** The lower-case name used in scenario and truth files. */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A leak: an app's registrants whose numbers are sold to {@code buyers} spam senders. */
    public record Leak(
            String app,
            LeakKind kind,
            OffsetDateTime start,
            OffsetDateTime end,
            Integer lookbackDays,
            Double victimRate,
            DelayHours delayHours,
            Integer buyers,
            Category category,
            Integer messagesPerVictim) {
    }

    /** The instant the scenario ends (exclusive): {@code start + days}. */
    public OffsetDateTime end() {
        return start.plusDays(days);
    }

    /** Optional lists read as empty. */
    public List<CoRegistration> coRegistrationOrEmpty() {
        return coRegistration == null ? List.of() : coRegistration;
    }

    /** Optional lists read as empty. */
    public List<Seasonal> seasonalOrEmpty() {
        return seasonal == null ? List.of() : seasonal;
    }

    /** Optional lists read as empty. */
    public List<Leak> leaksOrEmpty() {
        return leaks == null ? List.of() : leaks;
    }

    /** Optional maps read as empty. */
    public Map<String, String> textsOrEmpty() {
        return texts == null ? Map.of() : texts;
    }

    /**
     * Reads and validates a scenario file.
     *
     * @throws InvalidScenarioException naming the field when the file is not a valid scenario
     */
    public static Scenario read(final Path file) throws IOException {
        final Scenario parsed = ScenarioJson.parse(file);
        final Scenario named = parsed.name() != null ? parsed : parsed.withName(defaultName(file));
        named.validate(file.toAbsolutePath().getParent());
        return named;
    }

    /**
     * Checks every field; the first problem found is thrown.
     *
     * @param baseDir directory that relative {@code texts} paths are resolved against
     * @throws InvalidScenarioException naming the field and saying why
     */
    public void validate(final Path baseDir) {
        new ScenarioValidator(this, baseDir).validate();
    }

    /** A copy with another name. */
    public Scenario withName(final String newName) {
        return new Scenario(newName, seed, start, days, subscribers, texts, apps, coRegistration,
                background, seasonal, leaks, compliance);
    }

    /** A copy that runs for {@code newDays} days, named after them ({@code name-Nd}). */
    public Scenario withDays(final int newDays) {
        return new Scenario(name + "-" + newDays + "d", seed, start, newDays, subscribers, texts, apps,
                coRegistration, background, seasonal, leaks, compliance);
    }

    private static String defaultName(final Path file) {
        final String fileName = file.getFileName().toString();
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }
}
