package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Scenario;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who registers with which app, and when.
 *
 * <p>Each app draws Poisson(registrationsPerDay) registrations a day at diurnal times, each from a
 * subscriber not yet registered with it (a per-app random order of the population, so the draw
 * stays O(1) as the app saturates; an app whose order is used up registers nobody more).
 * A co-registration rule makes {@code share} of the first app's registrants register with the second
 * 0-48 h later; those count toward the second app's rate, whose own draws are reduced by the expected
 * number, so its total stays near registrationsPerDay. Days before the start (emitted only for
 * bulk leaks) are thinned for apps that would otherwise saturate the population, see
 * {@link #preStartFactor}. Apps are processed in the order the rules
 * imply, so a rule's source is complete before its target draws.
 */
public final class Registrations {

    /** Co-registrants register with the second app within this many seconds after the first. */
    static final long CO_REGISTRATION_WINDOW = 48 * Timeline.HOUR;

    /** Largest share of the population an app's registrants may reach counting the pre-start days. */
    static final double MAX_COVERAGE = 0.6;

    /**
     * One registration.
     *
     * @param subscriber  index into the population
     * @param epochSecond when the OTP was sent
     */
    public record Registration(int subscriber, long epochSecond) {
    }

    private final List<List<Registration>> byApp;

    private Registrations(final List<List<Registration>> byApp) {
        this.byApp = byApp;
    }

    /** Registrations of one app, in time order. */
    public List<Registration> of(final WatchedApp app) {
        return byApp.get(app.index());
    }

    /**
     * Draws the registrations of every app over {@code [start - preDays, end)}.
     *
     * @param preDays days before the start whose registrations are emitted (bulk leaks look back)
     */
    public static Registrations draw(final Scenario scenario, final List<WatchedApp> apps, final Population population,
                                     final Timeline timeline, final int preDays, final Rng rng) {
        final int n = apps.size();
        final List<Scenario.CoRegistration> rules = scenario.coRegistrationOrEmpty();
        final double[] ownRate = ownRates(scenario, apps, rules);
        final List<List<Registration>> byApp = new ArrayList<>(n);
        final BitSet[] registered = new BitSet[n];
        for (int i = 0; i < n; i++) {
            byApp.add(new ArrayList<>());
            registered[i] = new BitSet(population.size());
        }
        final boolean[] done = new boolean[n];
        for (final int app : processingOrder(apps, rules)) {
            final double preStartFactor = preStartFactor(apps.get(app).app().registrationsPerDay(), scenario.days(),
                    preDays, population.size());
            drawOwn(apps.get(app), ownRate[app], preStartFactor, population, timeline, preDays, rng, byApp.get(app),
                    registered[app]);
            byApp.get(app).sort(Comparator.comparingLong(Registration::epochSecond));
            done[app] = true;
            for (int r = 0; r < rules.size(); r++) {
                final Scenario.CoRegistration rule = rules.get(r);
                if (indexOf(apps, rule.apps().get(0)) == app) {
                    final int target = indexOf(apps, rule.apps().get(1));
                    coRegister(byApp.get(app), rule.share(), timeline, rng.stream("coRegistration", r),
                            byApp.get(target), registered[target]);
                    if (done[target]) {
                        byApp.get(target).sort(Comparator.comparingLong(Registration::epochSecond));
                    }
                }
            }
        }
        return new Registrations(byApp.stream().map(List::copyOf).toList());
    }

    /** Each app's own rate: registrationsPerDay minus what co-registration rules bring it. */
    private static double[] ownRates(final Scenario scenario, final List<WatchedApp> apps,
                                     final List<Scenario.CoRegistration> rules) {
        final double[] rate = new double[apps.size()];
        for (final WatchedApp app : apps) {
            rate[app.index()] = app.app().registrationsPerDay();
        }
        for (final Scenario.CoRegistration rule : rules) {
            final int source = indexOf(apps, rule.apps().get(0));
            final int target = indexOf(apps, rule.apps().get(1));
            rate[target] -= rule.share() * apps.get(source).app().registrationsPerDay();
        }
        for (int i = 0; i < rate.length; i++) {
            rate[i] = Math.max(0, rate[i]);
        }
        return rate;
    }

    /** Sources before targets (Kahn); apps caught in a cycle of rules follow in scenario order. */
    private static List<Integer> processingOrder(final List<WatchedApp> apps, final List<Scenario.CoRegistration> rules) {
        final int n = apps.size();
        final int[] incoming = new int[n];
        for (final Scenario.CoRegistration rule : rules) {
            incoming[indexOf(apps, rule.apps().get(1))]++;
        }
        final List<Integer> order = new ArrayList<>(n);
        final boolean[] placed = new boolean[n];
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < n; i++) {
                if (!placed[i] && incoming[i] == 0) {
                    placed[i] = true;
                    order.add(i);
                    progress = true;
                    for (final Scenario.CoRegistration rule : rules) {
                        if (indexOf(apps, rule.apps().get(0)) == i) {
                            incoming[indexOf(apps, rule.apps().get(1))]--;
                        }
                    }
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!placed[i]) {
                order.add(i);
            }
        }
        return order;
    }

    /**
     * How much of its rate an app keeps before the start. A long look-back at full rate would
     * register most of a small population with a big app (800 a day for 70 days is more than 50,000
     * subscribers), and the app would then run out of new registrants inside the scenario. So the
     * days before the start are thinned until the app's expected registrants stay within
     * {@link #MAX_COVERAGE} of the population; the scenario's own days always keep the full rate.
     */
    static double preStartFactor(final double perDay, final int days, final int preDays, final int subscribers) {
        if (preDays == 0 || perDay == 0) {
            return 1;
        }
        final double room = MAX_COVERAGE * subscribers - perDay * days;
        return Math.max(0, Math.min(1, room / (perDay * preDays)));
    }

    private static void drawOwn(final WatchedApp app, final double perDay, final double preStartFactor,
                                final Population population,
                                final Timeline timeline, final int preDays, final Rng rng,
                                final List<Registration> out, final BitSet registered) {
        final int[] order = shuffledPopulation(population.size(), rng.stream("registrations.order", app.index()));
        int next = 0;
        final long lastDay = (timeline.end() - timeline.start()) / Timeline.DAY;
        for (long day = -preDays; day < lastDay; day++) {
            final SplittableRandom random = rng.stream("registrations", app.index(), day);
            final long count = Rng.poisson(random, day < 0 ? perDay * preStartFactor : perDay);
            for (long k = 0; k < count; k++) {
                while (next < order.length && registered.get(order[next])) {
                    next++;
                }
                if (next == order.length) {
                    return;
                }
                final int subscriber = order[next++];
                registered.set(subscriber);
                out.add(new Registration(subscriber, timeline.sample(Diurnal.PEOPLE, day, random)));
            }
        }
    }

    private static void coRegister(final List<Registration> source, final double share, final Timeline timeline,
                                   final SplittableRandom random, final List<Registration> target,
                                   final BitSet registeredWithTarget) {
        for (final Registration registration : source) {
            if (random.nextDouble() >= share) {
                continue;
            }
            final long at = registration.epochSecond() + 1 + random.nextLong(CO_REGISTRATION_WINDOW);
            if (at < timeline.end() && !registeredWithTarget.get(registration.subscriber())) {
                registeredWithTarget.set(registration.subscriber());
                target.add(new Registration(registration.subscriber(), at));
            }
        }
    }

    private static int[] shuffledPopulation(final int size, final SplittableRandom random) {
        final int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    private static int indexOf(final List<WatchedApp> apps, final String id) {
        for (final WatchedApp app : apps) {
            if (app.id().equals(id)) {
                return app.index();
            }
        }
        throw new IllegalArgumentException("unknown app " + id);
    }
}
