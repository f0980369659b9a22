package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;
import io.leakwatch.simulator.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The marketers of a scenario's compliance block, and their recipients' refusal replies. Each marketer has a port and
 * a signature of its own and breaks one marketing rule (or none) in the way its {@link Kind} says; texts come from
 * the resources {@code compliance/bodies.txt}, {@code tails.txt}, {@code replies.txt} and {@code shops.txt}.
 */
public final class Marketers {

    /** Which rule a marketer breaks. */
    public enum Kind {
        COMPLIANT, IGNORE_REFUSALS, NO_REFUSAL_INSTRUCTION, NO_SIGNATURE, NIGHT, OVER_CAP, OVER_TOTAL, MIXED_PORT
    }

    /** One planted marketer. */
    public record Marketer(int index, Kind kind, String port, String signature) {
    }

    /** Recipients of the shared pool the over-total marketers send to, one after another. */
    private static final int OVER_TOTAL_POOL = 20;
    private static final List<String> SHOPS = lines("shops.txt");
    private static final List<String> BODIES = lines("bodies.txt");
    private static final List<String> TAILS = lines("tails.txt");
    private static final List<String> REPLIES = lines("replies.txt");

    private final Scenario.Compliance block;
    private final Population population;
    private final Timeline timeline;
    private final Rng rng;
    private final List<Marketer> marketers = new ArrayList<>();
    /** Per marketer, the recipients who refused it: all but the refusal-ignoring ones never write to them again. */
    private final List<Set<Integer>> refusers = new ArrayList<>();

    public Marketers(final Scenario.Compliance block, final Population population, final Timeline timeline, final Numbering numbering,
                     final Rng rng) {
        this.block = block;
        this.population = population;
        this.timeline = timeline;
        this.rng = rng;
        final SplittableRandom random = rng.stream("marketers");
        add(Kind.COMPLIANT, block.compliant(), numbering, random);
        add(Kind.IGNORE_REFUSALS, block.ignoreRefusals(), numbering, random);
        add(Kind.NO_REFUSAL_INSTRUCTION, block.noRefusalInstruction(), numbering, random);
        add(Kind.NO_SIGNATURE, block.noSignature(), numbering, random);
        add(Kind.NIGHT, block.night(), numbering, random);
        add(Kind.OVER_CAP, block.overCap(), numbering, random);
        add(Kind.OVER_TOTAL, block.overTotal(), numbering, random);
        add(Kind.MIXED_PORT, block.mixedPort(), numbering, random);
    }

    public List<Marketer> all() {
        return List.copyOf(marketers);
    }

    private void add(final Kind kind, final int count, final Numbering numbering, final SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            final int index = marketers.size();
            final String shop = SHOPS.get(index % SHOPS.size()) + (index < SHOPS.size() ? "" : String.valueOf(index / SHOPS.size() + 1));
            marketers.add(new Marketer(index, kind, numbering.newPort(random), shop));
            refusers.add(new LinkedHashSet<>());
        }
    }

    /** Every marketer's traffic on every day of the block, and the refusals between its waves. */
    public void generate(final Consumer<Event> out) {
        final long from = Timeline.seconds(block.start());
        final long to = Timeline.seconds(block.end());
        for (long dayStart = from; dayStart < to; dayStart += Timeline.DAY) {
            final long day = (dayStart - timeline.start()) / Timeline.DAY;
            final List<Integer> sharedPool = pool(rng.stream("marketers-pool", day), OVER_TOTAL_POOL);
            for (final Marketer marketer : marketers) {
                sendDay(marketer, dayStart, day, sharedPool, out);
            }
        }
    }

    private void sendDay(final Marketer m, final long dayStart, final long day, final List<Integer> sharedPool, final Consumer<Event> out) {
        final SplittableRandom random = rng.stream("marketer", m.index(), day);
        if (m.kind() == Kind.OVER_TOTAL) {
            // three messages each (within the per-signature cap), one marketer after another, to one shared pool
            final long at = dayStart + (9 + m.index() % 10) * Timeline.HOUR;
            for (final int recipient : sharedPool) {
                for (int k = 0; k < 3; k++) {
                    out.accept(marketing(m, at + k * 600 + random.nextInt(300), recipient, random));
                }
            }
            return;
        }
        final List<Integer> recipients = pool(random, block.recipientsPerSender());
        final boolean night = m.kind() == Kind.NIGHT;
        final long firstWave = dayStart + (night ? 21 * Timeline.HOUR + 1800 : 10 * Timeline.HOUR);
        final long secondWave = dayStart + (night ? 23 * Timeline.HOUR : 16 * Timeline.HOUR);
        final Set<Integer> refused = refusers.get(m.index());
        final boolean honoursRefusals = m.kind() != Kind.IGNORE_REFUSALS;
        for (final int recipient : recipients) {
            if (honoursRefusals && refused.contains(recipient)) {
                continue;
            }
            final long at = firstWave + random.nextInt(1800);
            out.accept(marketing(m, at, recipient, random));
            if (random.nextDouble() < block.refusalShare()) {
                refused.add(recipient);
                out.accept(Event.of(at + 600 + random.nextInt(3000), population.msisdn(recipient), m.port(),
                        REPLIES.get(random.nextInt(REPLIES.size())), Category.NORMAL, Event.Source.REFUSAL));
            }
        }
        for (final int recipient : recipients) {
            if (honoursRefusals && refused.contains(recipient)) {
                continue;
            }
            final int times = m.kind() == Kind.OVER_CAP ? block.capPerSignature() : 1;
            for (int k = 0; k < times; k++) {
                out.accept(marketing(m, secondWave + k * 300 + random.nextInt(240), recipient, random));
            }
        }
        if (m.kind() == Kind.MIXED_PORT) {
            for (int k = 0; k < 10; k++) {
                final int recipient = recipients.get(random.nextInt(recipients.size()));
                final String code = String.valueOf(100_000 + random.nextInt(900_000));
                out.accept(Event.of(dayStart + 13 * Timeline.HOUR + random.nextInt(3600), m.port(), population.msisdn(recipient),
                        "【" + m.signature() + "】您的验证码是" + code + "，5分钟内有效，请勿泄露", Category.TRANSACTIONAL, Event.Source.MARKETER));
            }
        }
    }

    private Event marketing(final Marketer m, final long at, final int recipient, final SplittableRandom random) {
        final String body = BODIES.get(random.nextInt(BODIES.size()));
        final String tail = m.kind() == Kind.NO_REFUSAL_INSTRUCTION ? "" : TAILS.get(random.nextInt(TAILS.size()));
        final String signed = m.kind() == Kind.NO_SIGNATURE ? body + tail : "【" + m.signature() + "】" + body + tail;
        return Event.of(at, m.port(), population.msisdn(recipient), signed, Category.MARKETING, Event.Source.MARKETER);
    }

    private List<Integer> pool(final SplittableRandom random, final int size) {
        final Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(size, population.size())) {
            chosen.add(population.any(random));
        }
        return new ArrayList<>(chosen);
    }

    private static List<String> lines(final String name) {
        final String resource = "/io/leakwatch/simulator/compliance/" + name;
        try (InputStream in = Marketers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            final List<String> out = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.strip().equals(line) ? line : line.stripTrailing());
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
