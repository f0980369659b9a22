package io.leakwatch.adversary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of traffic to generate; every property of it is a field here, read from a JSON file
 * ({@code profiles/*.json} in this module's resources are the built-in ones).
 *
 * @param subscribers  the population (mobile numbers that text each other and register with apps)
 * @param historyDays  days before {@code start} whose registrations (OTPs only) are emitted, so that a bulk dump
 *                     has old registrants to sell
 * @param diurnal      hourly weights of local time, 24 each: {@code people}, {@code bulk}, {@code notices}
 */
public record Profile(String name, String description, OffsetDateTime start, int days, int subscribers,
                      int historyDays, Map<String, List<Double>> diurnal, People people, Notices notices,
                      List<App> apps, List<CoRegistration> coRegistration, List<Social> social, Spam spam,
                      List<BuyerGroup> buyerGroups, List<Leak> leaks) {

    /** The profiles this module ships, by name. */
    public static final List<String> BUILT_IN = List.of("mixed", "normal-texts-only", "rotating", "no-leak", "mixed-40k");

    /** The built-in profiles {@code evaluate} runs when none is named (the 40,000-subscriber one is left out for time). */
    public static final List<String> DEFAULT_SET = List.of("mixed", "normal-texts-only", "rotating", "no-leak");

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    /**
     * Person-to-person traffic on a social graph.
     *
     * @param activityAlpha    Pareto shape of how much each subscriber texts (smaller: heavier tail)
     * @param contactsMin      contacts of the quietest subscriber; active ones have more, up to {@code contactsMax}
     * @param replyProbability chance that a message is answered (and an answer answered again, at half the chance)
     */
    public record People(double p2pPerSubscriberPerDay, double activityAlpha, int contactsMin, int contactsMax,
                         double replyProbability) {
    }

    /** Notices from service ports (banks 955xx, carriers, couriers) and from the apps to their own members. */
    public record Notices(double bankPerSubscriberPerDay, double carrierPerSubscriberPerDay,
                          double deliveryPerSubscriberPerDay, double appNoticePerMemberPerDay,
                          double appMarketingPerMemberPerDay) {
    }

    /** A watched app: registrations are OTP SMS from its 106 ports. */
    public record App(String id, String name, String signature, String sector, double registrationsPerDay) {
    }

    /** {@code share} of the first app's registrants also register with the second, 0-48 h later. */
    public record CoRegistration(List<String> apps, double share) {
    }

    /**
     * People who text a large group repeatedly (a class's parents, a choir, a residents' committee): not buyers.
     *
     * @param cohortApp   when set, {@code cohortShare} of each group are registrants of this app (a mothers' group
     *                    whose members use the same mother-and-baby app)
     */
    public record Social(int senders, int groupMin, int groupMax, double messagesPerDay, double replyProbability,
                         String cohortApp, double cohortShare) {
    }

    /**
     * Spam to random lists, tied to no app.
     *
     * @param texts                   text set name to share of the senders that use it
     * @param rotateNumbersEveryHours 0: each sender keeps its number; else it moves to a fresh one this often
     */
    public record Spam(int senders, double perSubscriberPerDay, double mobileShare, Map<String, Double> texts,
                       double rotateNumbersEveryHours) {
    }

    /**
     * Senders who buy lists. While they work a bought list they keep spamming random ones.
     *
     * @param numbers                 {@code mobile}, {@code port} or {@code mixed}
     * @param texts                   text set names; each sender's campaign comes from them
     * @param rotateTexts             true: every message a freshly chosen and filled text; false: one campaign per sender
     * @param rotateNumbersEveryHours 0: a sender keeps its number; else it moves to a fresh one this often
     * @param randomListPerDay        messages per sender and day to random subscribers, from the start of the profile
     * @param activeHours             [from, to) local hours the group sends in; [0, 24] all day
     */
    public record BuyerGroup(String id, int senders, String numbers, List<String> texts, boolean rotateTexts,
                             double rotateNumbersEveryHours, double randomListPerDay, List<Integer> activeHours) {
    }

    /**
     * A planted leak.
     *
     * @param kind              {@code realtime}: registrants from {@code start} are sold as they come; {@code bulk}: at
     *                          {@code start}, the registrants of the last {@code lookbackDays}
     * @param rampHours         realtime: the share sold grows linearly from 0 to {@code victimRate} over these hours;
     *                          bulk: the list is worked slowly at first (first messages thinned over these hours)
     * @param delayMedianHours  registration (realtime) or start (bulk) to a victim's first message: exponential with
     *                          this median, cut at {@code delayMaxHours}
     */
    public record Leak(String app, String kind, String buyerGroup, OffsetDateTime start, OffsetDateTime end,
                       int lookbackDays, double victimRate, double rampHours, double delayMedianHours,
                       double delayMaxHours, int messagesPerVictim) {
    }

    /** A built-in profile by name, or a profile file. */
    public static Profile load(String nameOrFile) throws IOException {
        if (BUILT_IN.contains(nameOrFile)) {
            try (InputStream in = Profile.class.getResourceAsStream("profiles/" + nameOrFile + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("built-in profile missing from the jar: " + nameOrFile);
                }
                return JSON.readValue(in, Profile.class).validated();
            }
        }
        final Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no built-in profile and no file named " + nameOrFile
                    + " (built-in: " + String.join(", ", BUILT_IN) + ")");
        }
        try {
            return JSON.readValue(file.toFile(), Profile.class).validated();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage());
        }
    }

    /** Checks every field the generator relies on; the message names the first bad one. */
    public Profile validated() {
        require(name != null && !name.isBlank(), "name is required");
        require(start != null, "start is required");
        require(days >= 1, "days must be at least 1, was " + days);
        require(subscribers >= 200, "subscribers must be at least 200, was " + subscribers);
        require(historyDays >= 0, "historyDays must not be negative");
        for (String kind : List.of("people", "bulk", "notices")) {
            final List<Double> weights = diurnal == null ? null : diurnal.get(kind);
            require(weights != null && weights.size() == 24 && weights.stream().allMatch(w -> w >= 0)
                    && weights.stream().mapToDouble(Double::doubleValue).sum() > 0,
                    "diurnal." + kind + " must be 24 non-negative weights, not all zero");
        }
        require(people != null && notices != null && spam != null, "people, notices and spam are required");
        require(people.contactsMin() >= 1 && people.contactsMax() >= people.contactsMin(),
                "people.contactsMin must be at least 1 and at most contactsMax");
        require(people.activityAlpha() > 0, "people.activityAlpha must be positive");
        require(apps != null && !apps.isEmpty(), "apps must list at least one app");
        final Set<String> appIds = new HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            final App app = apps.get(i);
            require(app.id() != null && app.signature() != null, "apps[" + i + "] needs an id and a signature");
            require(appIds.add(app.id()), "apps[" + i + "].id " + app.id() + " is listed twice");
        }
        for (int i = 0; i < coRegistrationOrEmpty().size(); i++) {
            final CoRegistration co = coRegistration.get(i);
            require(co.apps() != null && co.apps().size() == 2 && appIds.containsAll(co.apps()),
                    "coRegistration[" + i + "].apps must name two listed apps");
            require(co.share() >= 0 && co.share() <= 1, "coRegistration[" + i + "].share must be within [0,1]");
        }
        for (int i = 0; i < socialOrEmpty().size(); i++) {
            final Social s = social.get(i);
            require(s.groupMin() >= 1 && s.groupMax() >= s.groupMin(), "social[" + i + "].groupMin must be at least 1 and at most groupMax");
            require(s.cohortApp() == null || appIds.contains(s.cohortApp()), "social[" + i + "].cohortApp is not a listed app");
        }
        spam.texts().keySet().forEach(t -> require(Texts.exists(t), "spam.texts: no text set " + t));
        final Set<String> groups = new HashSet<>();
        for (int i = 0; i < buyerGroupsOrEmpty().size(); i++) {
            final BuyerGroup g = buyerGroups.get(i);
            final String at = "buyerGroups[" + i + "]";
            require(g.id() != null && groups.add(g.id()), at + ".id is missing or listed twice");
            require(g.senders() >= 1, at + ".senders must be at least 1");
            require(List.of("mobile", "port", "mixed").contains(g.numbers()), at + ".numbers must be mobile, port or mixed");
            require(g.texts() != null && !g.texts().isEmpty(), at + ".texts must name at least one text set");
            g.texts().forEach(t -> require(Texts.exists(t), at + ".texts: no text set " + t));
            require(g.activeHours() != null && g.activeHours().size() == 2 && g.activeHours().get(0) >= 0
                    && g.activeHours().get(1) <= 24 && g.activeHours().get(0) < g.activeHours().get(1),
                    at + ".activeHours must be [from, to) within [0, 24]");
        }
        final OffsetDateTime end = start.plusDays(days);
        for (int i = 0; i < leaksOrEmpty().size(); i++) {
            final Leak leak = leaks.get(i);
            final String at = "leaks[" + i + "]";
            require(appIds.contains(leak.app()), at + ".app is not a listed app: " + leak.app());
            require(groups.contains(leak.buyerGroup()), at + ".buyerGroup is not a listed buyer group: " + leak.buyerGroup());
            require("realtime".equals(leak.kind()) || "bulk".equals(leak.kind()), at + ".kind must be realtime or bulk");
            require(leak.start() != null && !leak.start().isBefore(start) && leak.start().isBefore(end),
                    at + ".start must lie within the profile's days");
            require(leak.end() == null || leak.end().isAfter(leak.start()), at + ".end must be after its start");
            require(leak.victimRate() >= 0 && leak.victimRate() <= 1, at + ".victimRate must be within [0,1]");
            require(leak.delayMedianHours() > 0 && leak.delayMaxHours() >= leak.delayMedianHours(),
                    at + ".delayMedianHours must be positive and at most delayMaxHours");
            require(leak.messagesPerVictim() >= 1, at + ".messagesPerVictim must be at least 1");
            require(!"bulk".equals(leak.kind()) || (leak.lookbackDays() >= 1 && leak.lookbackDays() <= historyDays),
                    at + ".lookbackDays must be within [1, historyDays]");
        }
        return this;
    }

    /**
     * A copy at {@code factor} of the size: subscribers, registrations, spam senders and buyers' random-list volume
     * scaled alike, so that rates per subscriber and the share of the population an app reaches stay as they were.
     */
    public Profile scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("profile: scale factor must be positive, was " + factor);
        }
        final List<App> scaledApps = apps.stream().map(a -> new App(a.id(), a.name(), a.signature(), a.sector(),
                a.registrationsPerDay() * factor)).toList();
        final Spam scaledSpam = new Spam(Math.max(1, (int) Math.round(spam.senders() * factor)), spam.perSubscriberPerDay(),
                spam.mobileShare(), spam.texts(), spam.rotateNumbersEveryHours());
        final List<BuyerGroup> scaledGroups = buyerGroupsOrEmpty().stream().map(g -> new BuyerGroup(g.id(), g.senders(),
                g.numbers(), g.texts(), g.rotateTexts(), g.rotateNumbersEveryHours(), g.randomListPerDay() * factor,
                g.activeHours())).toList();
        return new Profile(name, description, start, days, Math.max(200, (int) Math.round(subscribers * factor)),
                historyDays, diurnal, people, notices, scaledApps, coRegistration, social, scaledSpam, scaledGroups, leaks)
                .validated();
    }

    public List<CoRegistration> coRegistrationOrEmpty() {
        return coRegistration == null ? List.of() : coRegistration;
    }

    public List<Social> socialOrEmpty() {
        return social == null ? List.of() : social;
    }

    public List<BuyerGroup> buyerGroupsOrEmpty() {
        return buyerGroups == null ? List.of() : buyerGroups;
    }

    public List<Leak> leaksOrEmpty() {
        return leaks == null ? List.of() : leaks;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("profile: " + message);
        }
    }
}
