package io.leakwatch.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming read of an export line gives what the tree model gives, on good lines and on bad ones. */
class RawExportTest {

    private static final List<String> LINES = List.of(
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"15287488226\",\"recipient\":\"17714974216\",\"text\":\"可别落下什么哦\"}",
            "{\"text\":\"x\\u4e2d\\n\\\"q\\\"\",\"recipient\":\"+86 177 1497 4216\",\"sender\":\"106900\",\"ts\":\"2026-02-28T23:59:59-05:30\"}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"t\",\"extra\":\"e\"}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"t\",\"extra\":{\"a\":[1,2]}}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":5}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":null}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\",\"text\":\"b\"}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\",\"text\":7}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\",\"x\":\"1\",\"x\":\"2\"}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"} trailing",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"}{",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\"}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"",
            "{\"ts\":\"2026-11-31T00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"}",
            "{\"ts\":\"2026-11-01T00:00:01Z\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"}",
            "{\"ts\":\"2026-11-01T00:00:01.250+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"}",
            "{\"ts\":\"2026-11-01T00:00:01-00:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"}",
            "{\"ts\":\"2026-11-01 00:00:01+08:00\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"a\"}",
            "[\"ts\"]", "\"text\"", "42", "null", "{}", "{\"ts\":", "not json at all", "{'ts':'x'}",
            "{\"ts\":\"2026-11-01T00:00:01+08:00\",,\"sender\":\"1\"}");

    @Test
    void shouldReadEveryLineAsTheTreeModelDoes() {
        for (String line : LINES) {
            assertThat(describe(RawExport.parse("events.jsonl", 7, line)))
                    .as(line).isEqualTo(describe(RawExport.parseTree("events.jsonl", 7, line)));
        }
    }

    @Test
    void shouldParseTimestampsAsOffsetDateTimeDoes() {
        final Random random = new Random(7);
        final String template = "2026-11-01T00:00:01+08:00";
        for (int i = 0; i < 200_000; i++) {
            final char[] chars = template.toCharArray();
            // Mostly valid times with fields at and past their limits, some with a character that does not belong.
            for (int position : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24}) {
                if (random.nextInt(3) == 0) {
                    chars[position] = (char) ('0' + random.nextInt(10));
                }
            }
            if (random.nextInt(20) == 0) {
                chars[random.nextInt(chars.length)] = "+-:TZ x9".charAt(random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                chars[19] = '-';
            }
            final String text = new String(chars);
            final Object expected = parseOrError(text, false);
            assertThat(parseOrError(text, true)).as(text).isEqualTo(expected);
        }
    }

    private static Object parseOrError(String text, boolean fast) {
        try {
            final OffsetDateTime time = fast ? Timestamps.parse(text) : OffsetDateTime.parse(text);
            return time + " " + time.toInstant().toEpochMilli() + " " + time.getOffset().getTotalSeconds();
        } catch (DateTimeParseException e) {
            return DateTimeParseException.class;
        }
    }

    private static String describe(RawExport.Line line) {
        return switch (line) {
            case RawExport.Line.Event e -> "event " + e.lineNumber() + " " + e.event() + " " + e.offset();
            case RawExport.Line.Unreadable u -> "unreadable " + u.lineNumber() + " " + u.reason() + " "
                    + new String(u.raw(), java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    @Test
    void shouldKeepTheExceptionOfABadTimestamp() {
        assertThat(catchThrowable(() -> Timestamps.parse("2026-02-30T00:00:00+08:00")))
                .isInstanceOf(DateTimeParseException.class);
    }
}
