package io.leakwatch.simulator.traffic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The scenario's clock: epoch seconds, day windows, the local time of day, and ISO-8601 output in
 * the offset of the scenario's start.
 */
public final class Timeline {

    /** Seconds in a day. */
    public static final long DAY = 86_400;
    /** Seconds in an hour. */
    public static final long HOUR = 3_600;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final long start;
    private final long end;
    private final ZoneOffset offset;
    private final int startLocalHour;

    public Timeline(final OffsetDateTime start, final int days) {
        this.start = start.toEpochSecond();
        this.end = this.start + days * DAY;
        this.offset = start.getOffset();
        this.startLocalHour = start.getHour();
    }

    /** First second of the scenario. */
    public long start() {
        return start;
    }

    /** First second after the scenario. */
    public long end() {
        return end;
    }

    /** First second of day {@code day} (negative days lie before the start). */
    public long dayStart(final long day) {
        return start + day * DAY;
    }

    /** An instant as epoch seconds. */
    public static long seconds(final OffsetDateTime time) {
        return time.toEpochSecond();
    }

    /** ISO-8601 with the scenario's offset, e.g. {@code 2026-11-05T13:10:02+08:00}. */
    public String format(final long epochSecond) {
        return ISO.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset));
    }

    /** Local date and time of an instant in the scenario's offset. */
    public LocalDateTime local(final long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
    }

    /** A random second in day {@code day}, following a diurnal profile of local time. */
    public long sample(final Diurnal profile, final long day, final SplittableRandom random) {
        final int slot = profile.sampleSlot(startLocalHour, random);
        return dayStart(day) + slot * HOUR + random.nextLong(HOUR);
    }
}
