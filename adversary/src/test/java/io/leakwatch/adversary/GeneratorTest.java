package io.leakwatch.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** One generated archive, read back. */
    record Archive(List<Sms> events, JsonNode apps, JsonNode truth, Path dir) {

        Map<String, Set<String>> members() {
            final Map<String, Set<String>> members = new HashMap<>();
            for (JsonNode app : apps) {
                final Set<String> ports = new HashSet<>();
                app.get("ports").forEach(p -> ports.add(p.asText()));
                members.put(app.get("id").asText(), events.stream().filter(e -> ports.contains(e.sender()) && e.text().contains("验证码"))
                        .map(Sms::recipient).collect(Collectors.toSet()));
            }
            return members;
        }

        /** Per app, when each member registered (first OTP). */
        Map<String, Map<String, OffsetDateTime>> registered() {
            final Map<String, Map<String, OffsetDateTime>> registered = new HashMap<>();
            for (JsonNode app : apps) {
                final Set<String> ports = new HashSet<>();
                app.get("ports").forEach(p -> ports.add(p.asText()));
                final Map<String, OffsetDateTime> times = new HashMap<>();
                events.stream().filter(e -> ports.contains(e.sender()) && e.text().contains("验证码"))
                        .forEach(e -> times.putIfAbsent(e.recipient(), e.ts()));
                registered.put(app.get("id").asText(), times);
            }
            return registered;
        }

        JsonNode leak(String app) {
            for (JsonNode leak : truth.get("leaks")) {
                if (leak.get("app").asText().equals(app)) {
                    return leak;
                }
            }
            throw new AssertionError("no leak of " + app);
        }

        Set<String> buyers(String app) {
            final Set<String> buyers = new HashSet<>();
            leak(app).get("buyerSenders").forEach(b -> buyers.add(b.asText()));
            return buyers;
        }
    }

    record Sms(OffsetDateTime ts, String sender, String recipient, String text) {
    }

    @TempDir
    static Path tmp;

    static Archive mixed;
    static Archive rotating;

    @BeforeAll
    static void generate() throws IOException {
        mixed = generate("mixed", 0.5, 7, "mixed");
        rotating = generate("rotating", 0.5, 7, "rotating");
    }

    static Archive generate(String profile, double scale, long seed, String dirName) throws IOException {
        final Path dir = tmp.resolve(dirName);
        Generator.run(Profile.load(profile).scaled(scale), seed, dir);
        final List<Sms> events = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(Generator.EVENTS_FILE), StandardCharsets.UTF_8)) {
            final JsonNode node = JSON.readTree(line);
            events.add(new Sms(OffsetDateTime.parse(node.get("ts").asText()), node.get("sender").asText(),
                    node.get("recipient").asText(), node.get("text").asText()));
        }
        return new Archive(events, JSON.readTree(dir.resolve(Generator.APPS_FILE).toFile()),
                JSON.readTree(dir.resolve(Generator.TRUTH_FILE).toFile()), dir);
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeedAndOtherBytesForAnother() throws IOException {
        final Profile small = Profile.load("mixed").scaled(0.1);
        Generator.run(small, 3, tmp.resolve("a"));
        Generator.run(small, 3, tmp.resolve("b"));
        Generator.run(small, 4, tmp.resolve("c"));
        for (String file : List.of(Generator.EVENTS_FILE, Generator.APPS_FILE, Generator.TRUTH_FILE)) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(file))).as(file).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(file)));
        }
        assertThat(Files.readAllBytes(tmp.resolve("a").resolve(Generator.EVENTS_FILE)))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("c").resolve(Generator.EVENTS_FILE)));
    }

    @Test
    void shouldWriteEventsInTimeOrderWithNothingButRegistrationsBeforeTheStart() {
        final OffsetDateTime start = OffsetDateTime.parse("2026-12-01T00:00:00+08:00");
        assertThat(mixed.events()).isSortedAccordingTo(Comparator.comparing(Sms::ts));
        assertThat(mixed.events()).filteredOn(e -> e.ts().isBefore(start)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.text()).contains("验证码"));
        assertThat(mixed.events().getLast().ts()).isBefore(start.plusDays(7));
        assertThat(mixed.truth().get("events").asLong()).isEqualTo(mixed.events().size());
    }

    @Test
    void shouldRegisterWithOneTimeCodesFromTheAppsOwn106Ports() {
        for (JsonNode app : mixed.apps()) {
            final String signature = "【" + app.get("signature").asText() + "】";
            final Set<String> ports = new HashSet<>();
            app.get("ports").forEach(p -> ports.add(p.asText()));
            assertThat(ports).allSatisfy(p -> assertThat(p).startsWith("106"));
            assertThat(mixed.events()).filteredOn(e -> ports.contains(e.sender()) && e.text().contains("验证码"))
                    .as(app.get("id").asText()).hasSizeGreaterThan(100)
                    .allSatisfy(e -> assertThat(e.text()).contains(signature).containsPattern("\\d{4,6}"));
        }
    }

    @Test
    void shouldLetTheFirstAppsRegistrantsAlsoRegisterWithTheSecondAtTheGivenShare() {
        final Map<String, Map<String, OffsetDateTime>> registered = mixed.registered();
        final Map<String, OffsetDateTime> maternity = registered.get("maternity");
        final Map<String, OffsetDateTime> babycare = registered.get("babycare");
        final long within48h = maternity.entrySet().stream().filter(m -> babycare.containsKey(m.getKey())
                && !babycare.get(m.getKey()).isBefore(m.getValue())
                && babycare.get(m.getKey()).isBefore(m.getValue().plusHours(48))).count();
        // 30 % co-register within 48 h, less those already registered with both; by chance alone a few per cent would
        assertThat((double) within48h / maternity.size()).isBetween(0.18, 0.40);
    }

    @Test
    void shouldSendNoticesFromServicePortsAndAppsOwnMarketingFromTheirPorts() {
        assertThat(mixed.events()).filteredOn(e -> e.sender().startsWith("955")).hasSizeGreaterThan(1000)
                .allSatisfy(e -> assertThat(e.text()).contains("银行"));
        assertThat(mixed.events()).filteredOn(e -> Set.of("10086", "10010", "10000").contains(e.sender())).isNotEmpty();
        final Set<String> babycarePorts = new HashSet<>();
        mixed.apps().get(0).get("ports").forEach(p -> babycarePorts.add(p.asText()));
        assertThat(mixed.events()).filteredOn(e -> babycarePorts.contains(e.sender()) && e.text().contains("退订"))
                .isNotEmpty().allSatisfy(e -> assertThat(mixed.members().get("babycare")).contains(e.recipient()));
    }

    @Test
    void shouldFollowADailyCycleWithQuietNights() {
        final long night = mixed.events().stream().filter(e -> e.ts().getHour() == 4 && MOBILE.matcher(e.sender()).matches()).count();
        final long evening = mixed.events().stream().filter(e -> e.ts().getHour() == 20 && MOBILE.matcher(e.sender()).matches()).count();
        assertThat(evening).isGreaterThan(night * 10);
    }

    @Test
    void shouldGiveSubscriberActivityAHeavyTail() {
        final Map<String, Long> sent = mixed.events().stream().filter(e -> mixed.events().size() > 0 && MOBILE.matcher(e.sender()).matches())
                .collect(Collectors.groupingBy(Sms::sender, Collectors.counting()));
        final List<Long> counts = sent.values().stream().sorted(Comparator.reverseOrder()).toList();
        final long top = counts.subList(0, counts.size() / 100).stream().mapToLong(Long::longValue).sum();
        final long all = counts.stream().mapToLong(Long::longValue).sum();
        // the busiest 1 % of senders send far more than 1 % of the messages
        assertThat((double) top / all).isGreaterThan(0.08);
        assertThat(counts.getFirst()).isGreaterThan(20 * counts.get(counts.size() / 2));
    }

    @Test
    void shouldReplyToPersonalMessages() {
        final Set<String> pairs = mixed.events().stream().filter(e -> MOBILE.matcher(e.sender()).matches())
                .map(e -> e.sender() + ">" + e.recipient()).collect(Collectors.toSet());
        final long answered = pairs.stream().filter(p -> {
            final String[] ends = p.split(">");
            return pairs.contains(ends[1] + ">" + ends[0]);
        }).count();
        assertThat((double) answered / pairs.size()).isGreaterThan(0.3);
    }

    @Test
    void shouldSendBuyersSpamToTheCohortFarMoreThanToEveryoneElse() {
        final Map<String, Set<String>> members = mixed.members();
        final long population = mixed.events().stream().map(Sms::recipient).filter(r -> MOBILE.matcher(r).matches()).distinct().count();
        for (String app : List.of("babycare", "maternity", "foodgo", "edukids")) {
            final OffsetDateTime start = OffsetDateTime.parse(mixed.leak(app).get("start").asText());
            final Set<String> buyers = mixed.buyers(app);
            final List<Sms> sent = mixed.events().stream().filter(e -> buyers.contains(e.sender()) && !e.ts().isBefore(start)).toList();
            final double inCohort = sent.stream().filter(e -> members.get(app).contains(e.recipient())).count() / (double) sent.size();
            final double share = members.get(app).size() / (double) population;
            // buyers keep spamming random lists, which dilutes the enrichment; it stays well above chance
            assertThat(inCohort).as(app).isGreaterThan(1.5 * share);
            assertThat(mixed.leak(app).get("victims").asInt()).as(app).isGreaterThan(8);
        }
    }

    @Test
    void shouldLetBuyersKeepSpammingRandomListsBeforeAndDuringTheLeak() {
        final Set<String> buyers = mixed.buyers("foodgo");
        final OffsetDateTime start = OffsetDateTime.parse(mixed.leak("foodgo").get("start").asText());
        final Set<String> members = mixed.members().get("foodgo");
        assertThat(mixed.events()).filteredOn(e -> buyers.contains(e.sender()) && e.ts().isBefore(start)).hasSizeGreaterThan(50);
        assertThat(mixed.events()).filteredOn(e -> buyers.contains(e.sender()) && e.ts().isAfter(start.plusDays(1))
                && !members.contains(e.recipient())).hasSizeGreaterThan(20);
    }

    @Test
    void shouldLetOneBuyerGroupBuyTwoAppsOneOfThemDumpedAtFourInTheMorning() {
        assertThat(mixed.buyers("babycare")).isEqualTo(mixed.buyers("maternity")).isNotEmpty();
        final JsonNode dump = mixed.leak("maternity");
        assertThat(dump.get("kind").asText()).isEqualTo("bulk");
        assertThat(OffsetDateTime.parse(dump.get("start").asText()).getHour()).isEqualTo(4);
        assertThat(OffsetDateTime.parse(dump.get("firstSpamAt").asText()))
                .isBefore(OffsetDateTime.parse(dump.get("start").asText()).plusHours(3));
    }

    @Test
    void shouldRampARealtimeLeakUpOverItsFirstDay() {
        final OffsetDateTime start = OffsetDateTime.parse(mixed.leak("babycare").get("start").asText());
        final Set<String> buyers = mixed.buyers("babycare");
        final Map<String, OffsetDateTime> registered = mixed.registered().get("babycare");
        // the share of registrants sold: of those of the leak's first day against those of the days after
        final Set<String> victims = new HashSet<>();
        mixed.events().stream().filter(e -> buyers.contains(e.sender())).forEach(e -> victims.add(e.recipient()));
        final List<String> firstDay = registered.entrySet().stream().filter(r -> !r.getValue().isBefore(start)
                && r.getValue().isBefore(start.plusHours(24))).map(Map.Entry::getKey).toList();
        final List<String> after = registered.entrySet().stream().filter(r -> !r.getValue().isBefore(start.plusHours(24)))
                .map(Map.Entry::getKey).toList();
        final double soldFirstDay = firstDay.stream().filter(victims::contains).count() / (double) firstDay.size();
        final double soldAfter = after.stream().filter(victims::contains).count() / (double) after.size();
        assertThat(soldAfter).isGreaterThan(1.3 * soldFirstDay);
    }

    @Test
    void shouldNameEveryBuyerNumberAndTheFirstSpamInTheTruth() {
        for (JsonNode leak : mixed.truth().get("leaks")) {
            final Set<String> buyers = mixed.buyers(leak.get("app").asText());
            final OffsetDateTime first = OffsetDateTime.parse(leak.get("firstSpamAt").asText());
            assertThat(mixed.events()).anySatisfy(e -> {
                assertThat(e.ts()).isEqualTo(first);
                assertThat(buyers).contains(e.sender());
            });
            assertThat(first).isAfterOrEqualTo(OffsetDateTime.parse(leak.get("start").asText()));
        }
    }

    @Test
    void shouldKeepSocialSendersWhoTextLargeGroupsOutOfTheBuyers() {
        final Set<String> groupTexts = new HashSet<>(Texts.set("group"));
        final Map<String, Set<String>> reach = new HashMap<>();
        mixed.events().stream().filter(e -> groupTexts.contains(e.text()))
                .forEach(e -> reach.computeIfAbsent(e.sender(), s -> new HashSet<>()).add(e.recipient()));
        final Set<String> allBuyers = new HashSet<>();
        mixed.truth().get("leaks").forEach(l -> l.get("buyerSenders").forEach(b -> allBuyers.add(b.asText())));
        // seven group texters in the profile (one may send nothing in a short run)
        assertThat(reach.size()).isBetween(5, 7);
        assertThat(reach.values()).allSatisfy(r -> assertThat(r.size()).isGreaterThanOrEqualTo(50));
        assertThat(reach.keySet()).allSatisfy(s -> assertThat(s).matches(MOBILE)).doesNotContainAnyElementsOf(allBuyers);
        // the mothers' group organisers text a group most of whom use babycare: a cohort that is not a leak
        final Set<String> babycare = mixed.members().get("babycare");
        assertThat(reach.values()).anySatisfy(r -> assertThat(r.stream().filter(babycare::contains).count()).isGreaterThan(r.size() / 3));
    }

    @Test
    void shouldRotateBuyerNumbersIncludingMobileOnesAndTheirTexts() {
        final JsonNode leak = rotating.leak("babycare");
        final Set<String> buyers = rotating.buyers("babycare");
        // 3 senders moving to a fresh number every 8 hours over days
        assertThat(buyers.size()).isGreaterThan(6);
        assertThat(buyers).allSatisfy(b -> assertThat(b).matches(MOBILE));
        final Set<String> texts = rotating.events().stream().filter(e -> buyers.contains(e.sender())).map(Sms::text).collect(Collectors.toSet());
        assertThat(texts.size()).isGreaterThan(30);
        assertThat(leak.get("victims").asInt()).isGreaterThan(8);
    }

    @Test
    void shouldUseOnlyTextsTheClassifierMissedInTheNormalTextsOnlyProfile() throws IOException {
        final Archive normal = generate("normal-texts-only", 0.2, 1, "normal");
        final List<Pattern> templates = Texts.set("buyer-normal").stream()
                .map(t -> Pattern.compile(Pattern.quote(t).replace("{wx}", "\\E[a-z]+\\d+\\Q").replace("{phone}", "\\E1\\d{10}\\Q")))
                .toList();
        final Set<String> buyers = new HashSet<>();
        normal.truth().get("leaks").forEach(l -> l.get("buyerSenders").forEach(b -> buyers.add(b.asText())));
        assertThat(normal.truth().get("leaks")).hasSize(4);
        assertThat(normal.events()).filteredOn(e -> buyers.contains(e.sender())).hasSizeGreaterThan(50)
                .allSatisfy(e -> assertThat(templates).anySatisfy(t -> assertThat(e.text()).matches(t)));
    }

    @Test
    void shouldPlantNothingInTheNoLeakProfile() throws IOException {
        final Archive none = generate("no-leak", 0.2, 1, "none");
        assertThat(none.truth().get("leaks")).isEmpty();
        assertThat(none.events()).hasSizeGreaterThan(5_000);
    }

    @Test
    void shouldLoadEveryBuiltInProfile() throws IOException {
        for (String name : Profile.BUILT_IN) {
            assertThat(Profile.load(name).name()).isEqualTo(name);
        }
        assertThat(Profile.load("mixed-40k").subscribers()).isEqualTo(40_000);
    }

    @Test
    void shouldNameTheFieldOfABadProfile() throws IOException {
        final String good = new String(Profile.class.getResourceAsStream("profiles/mixed.json").readAllBytes(), StandardCharsets.UTF_8);
        final Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, good.replace("\"victimRate\": 0.3", "\"victimRate\": 1.3"));
        assertThatThrownBy(() -> Profile.load(bad.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile: leaks[0].victimRate must be within [0,1]");
        Files.writeString(bad, good.replace("\"buyerGroup\": \"fraudring\"", "\"buyerGroup\": \"nobody\""));
        assertThatThrownBy(() -> Profile.load(bad.toString())).hasMessageContaining("leaks[2].buyerGroup is not a listed buyer group: nobody");
        assertThatThrownBy(() -> Profile.load("no-such-profile")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no built-in profile and no file named no-such-profile");
    }
}
