package io.leakwatch.simulator;

import io.leakwatch.simulator.corpus.Corpus;
import io.leakwatch.simulator.traffic.Background;
import io.leakwatch.simulator.traffic.Event;
import io.leakwatch.simulator.traffic.Leaks;
import io.leakwatch.simulator.traffic.Marketers;
import io.leakwatch.simulator.traffic.Notices;
import io.leakwatch.simulator.traffic.Numbering;
import io.leakwatch.simulator.traffic.Population;
import io.leakwatch.simulator.traffic.Registrations;
import io.leakwatch.simulator.traffic.Rng;
import io.leakwatch.simulator.traffic.SpamSenders;
import io.leakwatch.simulator.traffic.Timeline;
import io.leakwatch.simulator.traffic.WatchedApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * All the traffic of one scenario in memory, in time order, with what made each event.
 *
 * @param scenario      the validated scenario
 * @param timeline      its clock
 * @param apps          the watched apps with their ports
 * @param registrations who registered where and when
 * @param buyers        per leak, the senders who bought its data
 * @param spamSenders   the background spammers
 * @param marketers     the planted marketers of the compliance block (empty without one)
 * @param events        every event, sorted by time; ties keep generation order
 */
record Simulation(
        Scenario scenario,
        Timeline timeline,
        List<WatchedApp> apps,
        Registrations registrations,
        List<List<Leaks.Buyer>> buyers,
        SpamSenders spamSenders,
        List<Marketers.Marketer> marketers,
        List<Event> events) {

    /** Generates the scenario's traffic; {@code scenario} must be valid. */
    static Simulation generate(final Scenario scenario, final Path baseDir) throws IOException {
        final Rng rng = new Rng(scenario.seed());
        final Timeline timeline = new Timeline(scenario.start(), scenario.days());
        final Corpus corpus = Corpus.load(textOverrides(scenario, baseDir));
        // Numbers are claimed in a fixed order (subscribers, apps, notices, spammers, buyers),
        // so adding a leak never changes a number handed out before it.
        final Numbering numbering = new Numbering();
        final Population population = new Population(scenario.subscribers(), rng, numbering);
        final List<WatchedApp> apps = WatchedApp.of(scenario.apps(), numbering);
        final Notices notices = new Notices(scenario.apps(), numbering, timeline, rng);
        final SpamSenders spamSenders = new SpamSenders(scenario.background().spamSenders(), corpus, numbering, rng);

        final Registrations registrations = Registrations.draw(scenario, apps, population, timeline,
                preStartDays(scenario), rng);
        final List<Event> events = new ArrayList<>(expectedEvents(scenario));
        sendOtps(apps, registrations, population, rng, events);
        new Background(scenario, population, timeline, corpus, notices, spamSenders, rng).generate(events::add);
        final List<List<Leaks.Buyer>> buyers = new ArrayList<>();
        final List<Scenario.Leak> leaks = scenario.leaksOrEmpty();
        for (int i = 0; i < leaks.size(); i++) {
            final Scenario.Leak leak = leaks.get(i);
            buyers.add(Leaks.plant(i, leak, appById(apps, leak.app()), registrations, population, timeline, corpus,
                    numbering, rng, events::add));
        }
        List<Marketers.Marketer> marketers = List.of();
        if (scenario.compliance() != null) {
            final Marketers planted = new Marketers(scenario.compliance(), population, timeline, numbering, rng);
            planted.generate(events::add);
            marketers = planted.all();
        }
        events.sort(Comparator.comparingLong(Event::epochSecond)); // List.sort is stable
        return new Simulation(scenario, timeline, apps, registrations, List.copyOf(buyers), spamSenders,
                marketers, events);
    }

    /** Bulk leaks sell registrations from before the start, so those OTPs are emitted too. */
    static int preStartDays(final Scenario scenario) {
        int days = 0;
        for (final Scenario.Leak leak : scenario.leaksOrEmpty()) {
            if (leak.kind() == Scenario.LeakKind.BULK) {
                days = Math.max(days, leak.lookbackDays());
            }
        }
        return days;
    }

    private static void sendOtps(final List<WatchedApp> apps, final Registrations registrations,
                                 final Population population, final Rng rng, final List<Event> out) {
        for (final WatchedApp app : apps) {
            final SplittableRandom random = rng.stream("otp", app.index());
            for (final Registrations.Registration registration : registrations.of(app)) {
                out.add(app.otp(registration.epochSecond(), population.msisdn(registration.subscriber()), random));
            }
        }
    }

    private static Map<Category, Path> textOverrides(final Scenario scenario, final Path baseDir) {
        final Map<Category, Path> overrides = new EnumMap<>(Category.class);
        scenario.textsOrEmpty().forEach((category, file) -> overrides.put(Category.valueOf(category),
                baseDir == null ? Path.of(file) : baseDir.resolve(file)));
        return overrides;
    }

    private static int expectedEvents(final Scenario scenario) {
        final Scenario.Background bg = scenario.background();
        final double perDay = scenario.subscribers() * (bg.p2pPerSubscriberPerDay() + bg.noticesPerSubscriberPerDay()
                + bg.spamPerSubscriberPerDay() * 1.2);
        return (int) Math.min(Integer.MAX_VALUE - 8, perDay * scenario.days() * 1.05 + 1024);
    }

    private static WatchedApp appById(final List<WatchedApp> apps, final String id) {
        return apps.stream().filter(app -> app.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown app " + id));
    }
}
