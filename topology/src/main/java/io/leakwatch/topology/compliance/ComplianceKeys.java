package io.leakwatch.topology.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Store keys of the compliance stage: fields joined by a unit separator, the local day first where the key is per day,
 * so that one day is one key range and days sort in order (ISO dates).
 */
final class ComplianceKeys {

    static final char SEP = '\u001f';
    /** Sorts after every character a key field holds, to end a prefix range. */
    static final char END = '\uffff';
    /** Stands for an absent signature: no signature contains it. */
    static final String NO_SIGNATURE = "\u0000";

    private ComplianceKeys() {
    }

    static String join(String... parts) {
        return String.join(String.valueOf(SEP), parts);
    }

    static String signature(String signature) {
        return signature == null ? NO_SIGNATURE : signature;
    }

    static String signatureOf(String field) {
        return NO_SIGNATURE.equals(field) ? null : field;
    }

    static String[] split(String key) {
        return key.split(String.valueOf(SEP), -1);
    }

    static LocalDate day(long epochMs, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), zone);
    }

    static long dayStart(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    static long dayEnd(LocalDate day, ZoneId zone) {
        return dayStart(day.plusDays(1), zone);
    }
}
