package io.leakwatch.app.events;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link OffsetDateTime#parse(CharSequence)} with a fast path for the one form exports write,
 * {@code 2026-11-01T00:00:01+08:00}: read digit by digit, it gives the same value; anything else (fractions, {@code Z},
 * seconds in the offset, out-of-range fields, another length) goes to {@code OffsetDateTime.parse}, which decides as
 * it always has, exceptions included.
 */
final class Timestamps {

    private static final int LENGTH = "2026-11-01T00:00:01+08:00".length();

    private Timestamps() {
    }

    static OffsetDateTime parse(String text) {
        final OffsetDateTime fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** The timestamp, or null when it is not of the form above with fields in range. */
    static OffsetDateTime fast(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(22) != ':') {
            return null;
        }
        final char sign = text.charAt(19);
        if (sign != '+' && sign != '-') {
            return null;
        }
        final int year = digits(text, 0, 4);
        final int month = digits(text, 5, 2);
        final int day = digits(text, 8, 2);
        final int hour = digits(text, 11, 2);
        final int minute = digits(text, 14, 2);
        final int second = digits(text, 17, 2);
        final int offsetHours = digits(text, 20, 2);
        final int offsetMinutes = digits(text, 23, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                || offsetHours == 18 && offsetMinutes != 0) {
            return null;
        }
        final LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        final int offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
        if (offsetSeconds == 0 && sign == '-') {
            return null; // "-00:00": left to the parser
        }
        return OffsetDateTime.of(LocalDateTime.of(date, LocalTime.of(hour, minute, second)),
                ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** The non-negative number in {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
