package io.leakwatch.adversary;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Profile + seed → {@code events.jsonl}, {@code apps.json}, {@code truth.json}. Every random choice comes from a
 * stream of its own, derived from the seed and a name for its purpose, so the same profile and seed give the same
 * bytes. Traffic is generated in memory, sorted by time once (ties keep generation order) and streamed out.
 */
public final class Generator {

    public static final String EVENTS_FILE = "events.jsonl";
    public static final String APPS_FILE = "apps.json";
    public static final String TRUTH_FILE = "truth.json";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    /** Mobile number prefixes: 11-digit MSISDNs of the three carriers. */
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
            "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180",
            "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"};
    private static final String[][] BANKS = {{"工商银行", "95588"}, {"建设银行", "95533"}, {"农业银行", "95599"},
            {"中国银行", "95566"}, {"招商银行", "95555"}, {"交通银行", "95559"}, {"邮储银行", "95580"}};
    private static final String[] COURIERS = {"菜鸟驿站", "中通快递", "圆通速递", "韵达快递", "京东物流", "顺丰速运"};

    private Generator() {
    }

    /** Generates {@code profile} for {@code seed} into {@code outDir} (created when missing). */
    public static GeneratedExport run(Profile profile, long seed, Path outDir) throws IOException {
        final Traffic traffic = new Traffic(profile, seed);
        traffic.generate();
        Files.createDirectories(outDir);
        final GeneratedExport export = new GeneratedExport(traffic.events.size(), profile.apps().size(),
                outDir.resolve(EVENTS_FILE), outDir.resolve(APPS_FILE), outDir.resolve(TRUTH_FILE));
        traffic.writeEvents(export.eventsFile());
        traffic.writeApps(export.appsFile());
        traffic.writeTruth(export.truthFile(), seed);
        return export;
    }

    /** One SMS; {@code seq} keeps generation order among equal times. */
    record Sms(long ts, long seq, String sender, String recipient, String text) {
    }

    /** A registration: subscriber index and time. */
    record Registration(int subscriber, long ts) {
    }

    /** Everything one generation builds. */
    static final class Traffic {
        final Profile p;
        final long seed;
        final ZoneOffset zone;
        final long startSec;
        final long endSec;
        final long historySec;
        final long firstMidnight;
        final List<Sms> events = new ArrayList<>();
        final Set<String> taken = new HashSet<>();
        long seq;

        String[] msisdn;
        double[] activityCumulative;
        int[][] contacts;
        int[] bankOf;
        final Map<String, double[]> hourCumulative = new HashMap<>();
        final Map<String, List<String>> appPorts = new LinkedHashMap<>();
        final Map<String, List<Registration>> registrants = new LinkedHashMap<>();
        final Map<String, BitSet> members = new HashMap<>();
        final Map<String, BuyerSlots> buyers = new HashMap<>();
        final List<Map<String, Object>> truth = new ArrayList<>();

        Traffic(Profile p, long seed) {
            this.p = p;
            this.seed = seed;
            this.zone = p.start().getOffset();
            this.startSec = p.start().toEpochSecond();
            this.endSec = startSec + p.days() * DAY;
            this.historySec = startSec - p.historyDays() * DAY;
            this.firstMidnight = p.start().toLocalDate().atStartOfDay().toEpochSecond(zone);
        }

        void generate() {
            p.diurnal().forEach((kind, weights) -> hourCumulative.put(kind, cumulative(weights.stream().mapToDouble(Double::doubleValue).toArray())));
            makeSubscribers();
            makeSocialGraph();
            registerWithApps();
            personToPerson();
            socialSenders();
            serviceNotices();
            appNotices();
            randomListSpam();
            makeBuyerGroups();
            plantLeaks();
            events.sort(Comparator.comparingLong(Sms::ts).thenComparingLong(Sms::seq));
        }

        // ---------------------------------------------------------------- population

        void makeSubscribers() {
            final SplittableRandom rng = rng("subscribers");
            final int n = p.subscribers();
            msisdn = new String[n];
            final double[] activity = new double[n];
            bankOf = new int[n];
            for (int i = 0; i < n; i++) {
                msisdn[i] = newMobile(rng);
                // Pareto: most people text little, a few text a lot.
                activity[i] = Math.min(60, Math.pow(1 - rng.nextDouble(), -1 / p.people().activityAlpha()));
                bankOf[i] = rng.nextInt(BANKS.length);
            }
            activityCumulative = cumulative(activity);
        }

        /** Contacts: most within a neighbourhood of the index (a community), some anywhere; active people know more. */
        void makeSocialGraph() {
            final SplittableRandom rng = rng("contacts");
            final int n = p.subscribers();
            contacts = new int[n][];
            for (int i = 0; i < n; i++) {
                final double activity = activityCumulative[i] - (i == 0 ? 0 : activityCumulative[i - 1]);
                final int k = (int) Math.min(p.people().contactsMax(), Math.round(p.people().contactsMin() * Math.sqrt(activity) * 1.5));
                final int count = Math.max(p.people().contactsMin(), k);
                contacts[i] = new int[count];
                for (int c = 0; c < count; c++) {
                    int other = rng.nextDouble() < 0.7 ? Math.floorMod(i + rng.nextInt(-150, 151), n) : rng.nextInt(n);
                    if (other == i) {
                        other = (i + 1) % n;
                    }
                    contacts[i][c] = other;
                }
            }
        }

        // ---------------------------------------------------------------- registrations

        void registerWithApps() {
            final SplittableRandom portRng = rng("app-ports");
            for (Profile.App app : p.apps()) {
                final List<String> ports = new ArrayList<>();
                final int count = 1 + portRng.nextInt(2);
                for (int k = 0; k < count; k++) {
                    ports.add(newNumber(portRng, "10690", 7));
                }
                appPorts.put(app.id(), ports);
                registrants.put(app.id(), new ArrayList<>());
                members.put(app.id(), new BitSet(p.subscribers()));
            }
            for (Profile.App app : p.apps()) {
                final SplittableRandom rng = rng("registrations/" + app.id());
                for (long day = -p.historyDays(); day < p.days(); day++) {
                    final int count = poisson(rng, app.registrationsPerDay());
                    for (int k = 0; k < count; k++) {
                        final int who = unregistered(rng, app.id());
                        if (who >= 0) {
                            register(app, who, at(rng, day, "people"), rng);
                        }
                    }
                }
            }
            for (Profile.CoRegistration co : p.coRegistrationOrEmpty()) {
                final SplittableRandom rng = rng("co-registration/" + co.apps().get(0) + "/" + co.apps().get(1));
                final Profile.App second = app(co.apps().get(1));
                for (Registration r : List.copyOf(registrants.get(co.apps().get(0)))) {
                    if (rng.nextDouble() < co.share() && !members.get(second.id()).get(r.subscriber())) {
                        final long ts = r.ts() + rng.nextLong(60, 48 * HOUR);
                        if (ts < endSec) {
                            register(second, r.subscriber(), ts, rng);
                        }
                    }
                }
            }
            registrants.values().forEach(list -> list.sort(Comparator.comparingLong(Registration::ts)));
        }

        int unregistered(SplittableRandom rng, String app) {
            final BitSet already = members.get(app);
            for (int attempt = 0; attempt < 30; attempt++) {
                final int who = rng.nextBoolean() ? weightedSubscriber(rng) : rng.nextInt(p.subscribers());
                if (!already.get(who)) {
                    return who;
                }
            }
            return -1;
        }

        void register(Profile.App app, int who, long ts, SplittableRandom rng) {
            members.get(app.id()).set(who);
            registrants.get(app.id()).add(new Registration(who, ts));
            final List<String> templates = Texts.set("otp");
            // each app words its OTP one of two ways, fixed by its id
            final int variant = Math.floorMod(app.id().hashCode() + (rng.nextInt(4) == 0 ? 1 : 0), templates.size());
            final List<String> ports = appPorts.get(app.id());
            emit(ts, ports.get(rng.nextInt(ports.size())), msisdn[who],
                    Texts.fill(templates.get(variant), Map.of("sig", app.signature()), rng), true);
        }

        // ---------------------------------------------------------------- people

        void personToPerson() {
            final SplittableRandom rng = rng("p2p");
            final Profile.People people = p.people();
            for (long day = 0; day < p.days(); day++) {
                final int count = poisson(rng, people.p2pPerSubscriberPerDay() * p.subscribers());
                for (int k = 0; k < count; k++) {
                    final int from = weightedSubscriber(rng);
                    final int to = contacts[from][rng.nextInt(contacts[from].length)];
                    long ts = at(rng, day, "people");
                    emit(ts, msisdn[from], msisdn[to], Texts.pick("personal", rng), false);
                    double chance = people.replyProbability();
                    int a = to;
                    int b = from;
                    while (rng.nextDouble() < chance) {
                        ts += 20 + (long) exponential(rng, 600);
                        emit(ts, msisdn[a], msisdn[b], Texts.pick(rng.nextInt(3) == 0 ? "personal" : "replies", rng), false);
                        final int swap = a;
                        a = b;
                        b = swap;
                        chance /= 2;
                    }
                }
            }
        }

        /** A person texting a large group again and again; some of the group answer. Not a buyer. */
        void socialSenders() {
            final List<Profile.Social> specs = p.socialOrEmpty();
            for (int s = 0; s < specs.size(); s++) {
                final Profile.Social spec = specs.get(s);
                for (int j = 0; j < spec.senders(); j++) {
                    final SplittableRandom rng = rng("social/" + s + "/" + j);
                    final int sender = rng.nextInt(p.subscribers());
                    final int size = rng.nextInt(spec.groupMin(), spec.groupMax() + 1);
                    final int[] group = group(rng, sender, size, spec);
                            for (long day = 0; day < p.days(); day++) {
                        final int messages = poisson(rng, spec.messagesPerDay());
                        for (int m = 0; m < messages; m++) {
                            final long ts = at(rng, day, "people");
                            final String text = Texts.pick("group", rng);
                            for (int g = 0; g < group.length; g++) {
                                emit(ts + g / 5, msisdn[sender], msisdn[group[g]], text, false);
                                if (rng.nextDouble() < spec.replyProbability()) {
                                    emit(ts + 30 + (long) exponential(rng, 1200), msisdn[group[g]], msisdn[sender],
                                            Texts.pick("replies", rng), false);
                                }
                            }
                        }
                    }
                }
            }
        }

        int[] group(SplittableRandom rng, int sender, int size, Profile.Social spec) {
            final Set<Integer> chosen = new TreeSet<>();
            final List<Registration> cohort = spec.cohortApp() == null ? List.of() : registrants.get(spec.cohortApp());
            int guard = 0;
            while (chosen.size() < Math.min(size, p.subscribers() - 1) && guard++ < size * 20) {
                final int who;
                if (!cohort.isEmpty() && rng.nextDouble() < spec.cohortShare()) {
                    who = cohort.get(rng.nextInt(cohort.size())).subscriber();
                } else if (rng.nextBoolean()) {
                    who = contacts[sender][rng.nextInt(contacts[sender].length)];
                } else {
                    who = Math.floorMod(sender + rng.nextInt(-2000, 2001), p.subscribers());
                }
                if (who != sender) {
                    chosen.add(who);
                }
            }
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }

        // ---------------------------------------------------------------- notices

        void serviceNotices() {
            final SplittableRandom rng = rng("notices");
            final Profile.Notices notices = p.notices();
            final List<String> courierPorts = new ArrayList<>();
            for (int c = 0; c < COURIERS.length; c++) {
                courierPorts.add(COURIERS[c].equals("顺丰速运") ? "95338" : newNumber(rng, "1069", 8));
            }
            for (long day = 0; day < p.days(); day++) {
                final int bank = poisson(rng, notices.bankPerSubscriberPerDay() * p.subscribers());
                for (int k = 0; k < bank; k++) {
                    final int who = rng.nextInt(p.subscribers());
                    final String[] b = BANKS[bankOf[who]];
                    emit(at(rng, day, "notices"), b[1], msisdn[who], Texts.fill(Texts.pick("bank", rng), Map.of("bank", b[0]), rng), false);
                }
                final int carrier = poisson(rng, notices.carrierPerSubscriberPerDay() * p.subscribers());
                for (int k = 0; k < carrier; k++) {
                    final int who = rng.nextInt(p.subscribers());
                    final String[] c = carrierOf(msisdn[who]);
                    emit(at(rng, day, "notices"), c[1], msisdn[who],
                            Texts.fill(Texts.pick("carrier", rng), Map.of("carrier", c[0], "port", c[1]), rng), false);
                }
                final int delivery = poisson(rng, notices.deliveryPerSubscriberPerDay() * p.subscribers());
                for (int k = 0; k < delivery; k++) {
                    final int who = weightedSubscriber(rng);
                    final int c = rng.nextInt(COURIERS.length);
                    emit(at(rng, day, "notices"), courierPorts.get(c), msisdn[who],
                            Texts.fill(Texts.pick("delivery", rng), Map.of("courier", COURIERS[c]), rng), false);
                }
            }
        }

        /** Apps' own notices and marketing to their members, from their own ports: third parties they are not. */
        void appNotices() {
            final Profile.Notices notices = p.notices();
            for (Profile.App app : p.apps()) {
                final SplittableRandom rng = rng("app-notices/" + app.id());
                final List<Registration> regs = registrants.get(app.id());
                final List<String> ports = appPorts.get(app.id());
                for (long day = 0; day < p.days(); day++) {
                    final long dayEnd = firstMidnight + (day + 1) * DAY;
                    final int known = countBefore(regs, dayEnd);
                    if (known == 0) {
                        continue;
                    }
                    for (String set : List.of("app-notice", "app-marketing")) {
                        final double rate = set.equals("app-notice") ? notices.appNoticePerMemberPerDay() : notices.appMarketingPerMemberPerDay();
                        final int count = poisson(rng, rate * known);
                        for (int k = 0; k < count; k++) {
                            final Registration r = regs.get(rng.nextInt(known));
                            final long ts = Math.max(r.ts() + 60, at(rng, day, set.equals("app-notice") ? "notices" : "bulk"));
                            emit(ts, ports.get(rng.nextInt(ports.size())), msisdn[r.subscriber()],
                                    Texts.fill(Texts.pick(set, rng), Map.of("sig", app.signature()), rng), false);
                        }
                    }
                }
            }
        }

        // ---------------------------------------------------------------- spam

        /** Spam senders working random lists, tied to no app. */
        void randomListSpam() {
            final Profile.Spam spam = p.spam();
            if (spam.senders() == 0) {
                return;
            }
            final SplittableRandom rng = rng("spam");
            final List<String> sets = new ArrayList<>(spam.texts().keySet());
            final double[] setCumulative = cumulative(sets.stream().mapToDouble(s -> spam.texts().get(s)).toArray());
            final BuyerSlots senders = new BuyerSlots("spam", spam.senders(), spam.mobileShare(), spam.rotateNumbersEveryHours());
            final double[] volume = new double[spam.senders()];
            for (int s = 0; s < spam.senders(); s++) {
                final String set = sets.get(pick(setCumulative, rng));
                senders.campaigns[s] = campaign(rng, List.of(set));
                volume[s] = Math.pow(1 - rng.nextDouble(), -1 / 1.2);
            }
            final double[] volumeCumulative = cumulative(volume);
            for (long day = 0; day < p.days(); day++) {
                final int count = poisson(rng, spam.perSubscriberPerDay() * p.subscribers());
                for (int k = 0; k < count; k++) {
                    final int s = pick(volumeCumulative, rng);
                    final long ts = at(rng, day, "bulk");
                    final String[] campaign = senders.campaigns[s];
                    emit(ts, senders.number(s, ts), msisdn[rng.nextInt(p.subscribers())], campaign[rng.nextInt(campaign.length)], false);
                }
            }
        }

        /** A campaign: one or two texts, filled once, that a sender repeats. */
        String[] campaign(SplittableRandom rng, List<String> sets) {
            final int size = 1 + rng.nextInt(2);
            final String[] texts = new String[size];
            final Map<String, String> fixed = Map.of("wx", Texts.fill("{wx}", Map.of(), rng), "phone", Texts.fill("{phone}", Map.of(), rng),
                    "url", Texts.fill("{url}", Map.of(), rng));
            for (int i = 0; i < size; i++) {
                texts[i] = Texts.fill(Texts.pick(sets.get(rng.nextInt(sets.size())), rng), fixed, rng);
            }
            return texts;
        }

        /**
         * A set of senders whose numbers may change every {@code rotateHours}: the number a sender uses at a time is
         * drawn when first needed, from a stream of the sender and period, so it does not depend on what else ran.
         */
        final class BuyerSlots {
            final String id;
            final int count;
            final double mobileShare;
            final long rotateSeconds;
            final String[][] campaigns;
            final boolean[] mobile;
            final Map<Long, String> numbers = new HashMap<>();

            BuyerSlots(String id, int count, double mobileShare, double rotateHours) {
                this.id = id;
                this.count = count;
                this.mobileShare = mobileShare;
                this.rotateSeconds = rotateHours <= 0 ? 0 : (long) (rotateHours * HOUR);
                this.campaigns = new String[count][];
                this.mobile = new boolean[count];
                final SplittableRandom rng = rng("slots/" + id);
                for (int s = 0; s < count; s++) {
                    mobile[s] = rng.nextDouble() < mobileShare;
                }
            }

            String number(int slot, long ts) {
                final long period = rotateSeconds == 0 ? 0 : Math.floorDiv(ts - historySec, rotateSeconds);
                return numbers.computeIfAbsent(slot * 1_000_003L + period, key -> {
                    final SplittableRandom rng = rng("number/" + id + "/" + slot + "/" + period);
                    return mobile[slot] ? newMobile(rng) : newNumber(rng, "1069", 8 + rng.nextInt(3));
                });
            }
        }

        void makeBuyerGroups() {
            for (Profile.BuyerGroup group : p.buyerGroupsOrEmpty()) {
                final SplittableRandom rng = rng("buyers/" + group.id());
                final double mobileShare = switch (group.numbers()) {
                    case "mobile" -> 1.0;
                    case "port" -> 0.0;
                    default -> 0.5;
                };
                final BuyerSlots slots = new BuyerSlots("buyer/" + group.id(), group.senders(), mobileShare,
                        group.rotateNumbersEveryHours());
                for (int s = 0; s < group.senders(); s++) {
                    slots.campaigns[s] = campaign(rng, group.texts());
                }
                buyers.put(group.id(), slots);
                // While they work bought lists, buyers keep spamming random ones.
                for (int s = 0; s < group.senders(); s++) {
                    for (long day = 0; day < p.days(); day++) {
                        final int count = poisson(rng, group.randomListPerDay());
                        for (int k = 0; k < count; k++) {
                            final long ts = active(at(rng, day, "bulk"), group, rng);
                            if (ts < endSec) {
                                emit(ts, slots.number(s, ts), msisdn[rng.nextInt(p.subscribers())], buyerText(group, slots, s, rng), false);
                            }
                        }
                    }
                }
            }
        }

        String buyerText(Profile.BuyerGroup group, BuyerSlots slots, int slot, SplittableRandom rng) {
            if (group.rotateTexts()) {
                return Texts.fill(Texts.pick(group.texts().get(rng.nextInt(group.texts().size())), rng), Map.of(), rng);
            }
            final String[] campaign = slots.campaigns[slot];
            return campaign[rng.nextInt(campaign.length)];
        }

        /** Moves {@code ts} into the group's active hours (the next opening, plus up to an hour) when outside them. */
        long active(long ts, Profile.BuyerGroup group, SplittableRandom rng) {
            final int from = group.activeHours().get(0);
            final int to = group.activeHours().get(1);
            final long local = ts + zone.getTotalSeconds();
            final long hour = Math.floorMod(local, DAY) / HOUR;
            if (hour >= from && hour < to) {
                return ts;
            }
            final long midnight = local - Math.floorMod(local, DAY);
            final long opening = (hour < from ? midnight : midnight + DAY) + from * HOUR;
            return opening - zone.getTotalSeconds() + rng.nextLong(HOUR);
        }

        // ---------------------------------------------------------------- leaks

        void plantLeaks() {
            final List<Profile.Leak> leaks = p.leaksOrEmpty();
            for (int i = 0; i < leaks.size(); i++) {
                final Profile.Leak leak = leaks.get(i);
                final SplittableRandom rng = rng("leak/" + i);
                final Profile.BuyerGroup group = p.buyerGroupsOrEmpty().stream().filter(g -> g.id().equals(leak.buyerGroup())).findFirst().orElseThrow();
                final BuyerSlots slots = buyers.get(group.id());
                final long leakStart = leak.start().toEpochSecond();
                final long leakEnd = leak.end() == null ? endSec : Math.min(endSec, leak.end().toEpochSecond());
                final Set<String> used = new TreeSet<>();
                final BitSet victims = new BitSet(p.subscribers());
                long first = Long.MAX_VALUE;
                for (Registration r : registrants.get(leak.app())) {
                    final long anchor;
                    if ("realtime".equals(leak.kind())) {
                        if (r.ts() < leakStart || r.ts() >= leakEnd) {
                            continue;
                        }
                        final double ramp = leak.rampHours() <= 0 ? 1 : Math.min(1, (r.ts() - leakStart) / (leak.rampHours() * HOUR));
                        if (rng.nextDouble() >= leak.victimRate() * ramp) {
                            continue;
                        }
                        anchor = r.ts();
                    } else {
                        if (r.ts() >= leakStart || r.ts() < leakStart - leak.lookbackDays() * DAY || rng.nextDouble() >= leak.victimRate()) {
                            continue;
                        }
                        anchor = leakStart;
                    }
                    double delayHours = truncatedExponential(rng, leak.delayMedianHours(), leak.delayMaxHours());
                    if ("bulk".equals(leak.kind()) && leak.rampHours() > 0 && delayHours < leak.rampHours()) {
                        // a dump is worked slowly at first: first messages thinned towards the start
                        delayHours = Math.sqrt(delayHours * leak.rampHours());
                    }
                    long ts = active(anchor + (long) (delayHours * HOUR), group, rng);
                    for (int m = 0; m < leak.messagesPerVictim() && ts < endSec; m++) {
                        final int slot = rng.nextInt(slots.count);
                        final String number = slots.number(slot, ts);
                        emit(ts, number, msisdn[r.subscriber()], buyerText(group, slots, slot, rng), false);
                        used.add(number);
                        victims.set(r.subscriber());
                        first = Math.min(first, ts);
                        ts = active(ts + rng.nextLong(HOUR, 6 * HOUR), group, rng);
                    }
                }
                final Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("app", leak.app());
                entry.put("kind", leak.kind());
                entry.put("start", format(leakStart));
                entry.put("end", leak.end() == null ? null : format(leak.end().toEpochSecond()));
                entry.put("firstSpamAt", first == Long.MAX_VALUE ? null : format(first));
                entry.put("buyerSenders", List.copyOf(used));
                entry.put("victims", victims.cardinality());
                entry.put("buyerGroup", group.id());
                truth.add(entry);
            }
        }

        // ---------------------------------------------------------------- output

        void writeEvents(Path file) throws IOException {
            final JsonFactory factory = new JsonFactory();
            try (OutputStream out = Files.newOutputStream(file);
                 JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
                json.setRootValueSeparator(null);
                for (Sms sms : events) {
                    json.writeStartObject();
                    json.writeStringField("ts", format(sms.ts()));
                    json.writeStringField("sender", sms.sender());
                    json.writeStringField("recipient", sms.recipient());
                    json.writeStringField("text", sms.text());
                    json.writeEndObject();
                    json.writeRaw('\n');
                }
            }
        }

        void writeApps(Path file) throws IOException {
            final List<Map<String, Object>> apps = new ArrayList<>();
            for (Profile.App app : p.apps()) {
                final Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", app.id());
                entry.put("name", app.name());
                entry.put("signature", app.signature());
                entry.put("ports", appPorts.get(app.id()));
                entry.put("sector", app.sector());
                apps.add(entry);
            }
            mapper().writeValue(file.toFile(), apps);
        }

        void writeTruth(Path file, long seedUsed) throws IOException {
            final Map<String, Object> root = new LinkedHashMap<>();
            root.put("scenario", p.name());
            root.put("seed", seedUsed);
            root.put("events", events.size());
            root.put("leaks", truth);
            mapper().writeValue(file.toFile(), root);
        }

        private static ObjectMapper mapper() {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        }

        String format(long epochSecond) {
            return TS.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone));
        }

        // ---------------------------------------------------------------- randomness and helpers

        /** Adds an SMS; only registrations may come before the profile's start, nothing at or after its end. */
        void emit(long ts, String sender, String recipient, String text, boolean registration) {
            if (ts >= endSec || ts < (registration ? historySec : startSec)) {
                return;
            }
            events.add(new Sms(ts, seq++, sender, recipient, text));
        }

        SplittableRandom rng(String purpose) {
            long h = seed * 0x9E3779B97F4A7C15L;
            for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ b) * 0x100000001B3L;
            }
            return new SplittableRandom(mix(h));
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** A time on {@code day} (0 = the start's date; negative: history) following the diurnal profile {@code kind}. */
        long at(SplittableRandom rng, long day, String kind) {
            final int hour = pick(hourCumulative.get(kind), rng);
            return firstMidnight + day * DAY + hour * HOUR + rng.nextLong(HOUR);
        }

        int weightedSubscriber(SplittableRandom rng) {
            return pick(activityCumulative, rng);
        }

        String newMobile(SplittableRandom rng) {
            String number;
            do {
                number = MOBILE_PREFIXES[rng.nextInt(MOBILE_PREFIXES.length)] + Texts.digits(rng, 8);
            } while (!taken.add(number));
            return number;
        }

        String newNumber(SplittableRandom rng, String prefix, int digits) {
            String number;
            do {
                number = prefix + Texts.digits(rng, digits);
            } while (!taken.add(number));
            return number;
        }

        Profile.App app(String id) {
            return p.apps().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        }

        static String[] carrierOf(String number) {
            final String prefix = number.substring(0, 3);
            return switch (prefix) {
                case "130", "131", "132", "155", "156", "166", "176", "185", "186" -> new String[] {"中国联通", "10010"};
                case "133", "153", "177", "180", "181", "189", "199" -> new String[] {"中国电信", "10000"};
                default -> new String[] {"中国移动", "10086"};
            };
        }

        static int countBefore(List<Registration> sorted, long ts) {
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) {
                final int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).ts() < ts) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        static double[] cumulative(double[] weights) {
            final double[] out = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                out[i] = sum;
            }
            return out;
        }

        static int pick(double[] cumulative, SplittableRandom rng) {
            final double x = rng.nextDouble() * cumulative[cumulative.length - 1];
            final int i = Arrays.binarySearch(cumulative, x);
            final int index = i >= 0 ? i + 1 : -i - 1;
            return Math.min(index, cumulative.length - 1);
        }

        static int poisson(SplittableRandom rng, double mean) {
            if (mean <= 0) {
                return 0;
            }
            if (mean > 50) {
                return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
            }
            final double limit = Math.exp(-mean);
            int k = 0;
            double product = rng.nextDouble();
            while (product > limit) {
                k++;
                product *= rng.nextDouble();
            }
            return k;
        }

        static double gaussian(SplittableRandom rng) {
            return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }

        static double exponential(SplittableRandom rng, double mean) {
            return -mean * Math.log(1 - rng.nextDouble());
        }

        static double truncatedExponential(SplittableRandom rng, double median, double max) {
            final double rate = Math.log(2) / median;
            final double cap = 1 - Math.exp(-rate * max);
            return -Math.log(1 - rng.nextDouble() * cap) / rate;
        }
    }
}
