package io.leakwatch.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Fails fast on the first bad field, with a message that names it and says why. */
final class ScenarioValidator {

    /** Above this many subscribers the 11-digit numbering plan used here runs thin. */
    private static final int MAX_SUBSCRIBERS = 20_000_000;

    private final Scenario scenario;
    private final Path baseDir;

    ScenarioValidator(final Scenario scenario, final Path baseDir) {
        this.scenario = scenario;
        this.baseDir = baseDir;
    }

    void validate() {
        required("seed", scenario.seed());
        required("start", scenario.start());
        range("days", scenario.days(), 1, 3660);
        range("subscribers", scenario.subscribers(), 2, MAX_SUBSCRIBERS);
        validateTexts();
        final Set<String> appIds = validateApps();
        validateCoRegistration(appIds);
        validateBackground();
        validateSeasonal();
        validateLeaks(appIds);
        validateCompliance();
    }

    private void validateCompliance() {
        final Scenario.Compliance c = scenario.compliance();
        if (c == null) {
            return;
        }
        required("compliance.start", c.start());
        required("compliance.end", c.end());
        if (!c.start().isBefore(c.end())) {
            throw new InvalidScenarioException("compliance.end must be after compliance.start");
        }
        range("compliance.recipientsPerSender", c.recipientsPerSender(), 1, 100_000);
        required("compliance.refusalShare", c.refusalShare());
        if (c.refusalShare() < 0 || c.refusalShare() > 1) {
            throw new InvalidScenarioException("compliance.refusalShare must be within [0, 1], was " + c.refusalShare());
        }
        range("compliance.compliant", c.compliant(), 0, 1000);
        range("compliance.ignoreRefusals", c.ignoreRefusals(), 0, 1000);
        range("compliance.noRefusalInstruction", c.noRefusalInstruction(), 0, 1000);
        range("compliance.noSignature", c.noSignature(), 0, 1000);
        range("compliance.night", c.night(), 0, 1000);
        range("compliance.overCap", c.overCap(), 0, 1000);
        range("compliance.overTotal", c.overTotal(), 0, 1000);
        range("compliance.mixedPort", c.mixedPort(), 0, 1000);
        required("compliance.sendingWindow", c.sendingWindow());
        if (!c.sendingWindow().matches("[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]")) {
            throw new InvalidScenarioException("compliance.sendingWindow must be HH:mm-HH:mm, was '" + c.sendingWindow() + "'");
        }
        range("compliance.capPerSignature", c.capPerSignature(), 1, 1000);
        range("compliance.capTotal", c.capTotal(), 1, 1000);
    }

    private void validateTexts() {
        for (final Map.Entry<String, String> entry : scenario.textsOrEmpty().entrySet()) {
            final String field = "texts." + entry.getKey();
            final Category category = corpusCategory(field, entry.getKey());
            if (category == null) {
                continue;
            }
            required(field, entry.getValue());
            final Path file = baseDir == null ? Path.of(entry.getValue()) : baseDir.resolve(entry.getValue());
            if (!Files.isRegularFile(file)) {
                fail(field + " must name a readable file, " + file + " does not exist");
            }
        }
    }

    private Category corpusCategory(final String field, final String name) {
        for (final Category category : Category.CORPUS) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        fail(field + " is not a text category; expected one of " + Category.CORPUS);
        return null;
    }

    private Set<String> validateApps() {
        final List<Scenario.App> apps = scenario.apps();
        if (apps == null || apps.isEmpty()) {
            fail("apps must list at least one app");
        }
        final Set<String> ids = new HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            final String field = "apps[" + i + "]";
            final Scenario.App app = apps.get(i);
            required(field, app);
            nonBlank(field + ".id", app.id());
            nonBlank(field + ".name", app.name());
            nonBlank(field + ".signature", app.signature());
            range(field + ".registrationsPerDay", app.registrationsPerDay(), 0, 1_000_000);
            if (!ids.add(app.id())) {
                fail(field + ".id '" + app.id() + "' is used by an earlier app");
            }
        }
        return ids;
    }

    private void validateCoRegistration(final Set<String> appIds) {
        final List<Scenario.CoRegistration> rules = scenario.coRegistrationOrEmpty();
        for (int i = 0; i < rules.size(); i++) {
            final String field = "coRegistration[" + i + "]";
            final Scenario.CoRegistration rule = rules.get(i);
            required(field, rule);
            required(field + ".apps", rule.apps());
            if (rule.apps().size() != 2) {
                fail(field + ".apps must name exactly two apps, was " + rule.apps());
            }
            for (int j = 0; j < 2; j++) {
                knownApp(field + ".apps[" + j + "]", rule.apps().get(j), appIds);
            }
            if (rule.apps().get(0).equals(rule.apps().get(1))) {
                fail(field + ".apps must name two different apps, was " + rule.apps());
            }
            range(field + ".share", rule.share(), 0, 1);
        }
    }

    private void validateBackground() {
        final Scenario.Background background = scenario.background();
        required("background", background);
        range("background.p2pPerSubscriberPerDay", background.p2pPerSubscriberPerDay(), 0, 1000);
        range("background.noticesPerSubscriberPerDay", background.noticesPerSubscriberPerDay(), 0, 1000);
        range("background.spamPerSubscriberPerDay", background.spamPerSubscriberPerDay(), 0, 1000);
        range("background.spamSenders", background.spamSenders(), 0, 1_000_000);
        if (background.spamPerSubscriberPerDay() > 0 && background.spamSenders() == 0) {
            fail("background.spamSenders must be at least 1 when spamPerSubscriberPerDay > 0");
        }
    }

    private void validateSeasonal() {
        final List<Scenario.Seasonal> floods = scenario.seasonalOrEmpty();
        for (int i = 0; i < floods.size(); i++) {
            final String field = "seasonal[" + i + "]";
            final Scenario.Seasonal flood = floods.get(i);
            required(field, flood);
            required(field + ".start", flood.start());
            required(field + ".end", flood.end());
            if (!flood.end().isAfter(flood.start())) {
                fail(field + ".end must be after " + field + ".start, was " + flood.end());
            }
            spamCategory(field + ".category", flood.category());
            range(field + ".multiplier", flood.multiplier(), 0, 1000);
        }
    }

    private void validateLeaks(final Set<String> appIds) {
        final List<Scenario.Leak> leaks = scenario.leaksOrEmpty();
        final OffsetDateTime end = scenario.end();
        for (int i = 0; i < leaks.size(); i++) {
            final String field = "leaks[" + i + "]";
            final Scenario.Leak leak = leaks.get(i);
            required(field, leak);
            knownApp(field + ".app", leak.app(), appIds);
            required(field + ".kind", leak.kind());
            required(field + ".start", leak.start());
            if (leak.start().isBefore(scenario.start()) || !leak.start().isBefore(end)) {
                fail(field + ".start must be within the scenario [" + scenario.start() + ", " + end + "), was "
                        + leak.start());
            }
            if (leak.end() != null && !leak.end().isAfter(leak.start())) {
                fail(field + ".end must be after " + field + ".start, was " + leak.end());
            }
            if (leak.kind() == Scenario.LeakKind.BULK) {
                range(field + ".lookbackDays", leak.lookbackDays(), 1, 3660);
            } else if (leak.lookbackDays() != null) {
                fail(field + ".lookbackDays applies to bulk leaks only, this one is "
                        + leak.kind().json());
            }
            range(field + ".victimRate", leak.victimRate(), 0, 1);
            required(field + ".delayHours", leak.delayHours());
            range(field + ".delayHours.median", leak.delayHours().median(), 0, 24 * 3660);
            if (leak.delayHours().median() <= 0) {
                fail(field + ".delayHours.median must be > 0, was " + leak.delayHours().median());
            }
            range(field + ".delayHours.max", leak.delayHours().max(), leak.delayHours().median(), 24 * 3660);
            range(field + ".buyers", leak.buyers(), 1, 10_000);
            spamCategory(field + ".category", leak.category());
            range(field + ".messagesPerVictim", leak.messagesPerVictim(), 1, 1000);
        }
    }

    private static void knownApp(final String field, final String id, final Set<String> appIds) {
        required(field, id);
        if (!appIds.contains(id)) {
            fail(field + " '" + id + "' is not the id of any app in apps");
        }
    }

    private static void spamCategory(final String field, final Category category) {
        required(field, category);
        if (!Category.SPAM.contains(category)) {
            fail(field + " must be one of " + Category.SPAM + ", was " + category);
        }
    }

    private static void nonBlank(final String field, final String value) {
        required(field, value);
        if (value.isBlank()) {
            fail(field + " must not be blank");
        }
    }

    private static void range(final String field, final Number value, final double min, final double max) {
        required(field, value);
        final double v = value.doubleValue();
        if (Double.isNaN(v) || v < min || v > max) {
            fail(field + " must be within [" + format(min) + "," + format(max) + "], was " + value);
        }
    }

    private static String format(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    private static void required(final String field, final Object value) {
        if (value == null) {
            fail(field + " is required");
        }
    }

    private static void fail(final String message) {
        throw new InvalidScenarioException(message);
    }
}
