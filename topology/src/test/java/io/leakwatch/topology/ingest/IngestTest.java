package io.leakwatch.topology.ingest;

import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.topology.LeakWatchDriver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestTest {

    private static final String OTP = "【美柚】您的验证码是483920，5分钟内有效";
    private final LeakWatchDriver lw = new LeakWatchDriver();

    @AfterEach
    void close() {
        lw.close();
    }

    @Test
    void shouldSendUnreadableBytesToTheDeadLetterTopicWithTheirReasonAndKeepGoing() {
        final byte[] good = lw.encode(lw.event(T0, "1069001", "13800138000", OTP));
        final byte[] wrongMagic = good.clone();
        wrongMagic[0] = 1;
        final byte[] randomBody = new byte[40];
        new Random(7).nextBytes(randomBody);
        System.arraycopy(good, 0, randomBody, 0, 5);
        final byte[] unknownId = good.clone();
        unknownId[1] = 0x7f;
        final List<byte[]> bad = List.of(
                new byte[] {0, 1},
                "{\"eventId\":\"json\"}".getBytes(StandardCharsets.UTF_8),
                wrongMagic,
                randomBody,
                unknownId,
                new byte[0]);
        for (int i = 0; i < bad.size(); i++) {
            lw.sendRaw(("k" + i).getBytes(StandardCharsets.UTF_8), bad.get(i), T0 + i);
        }
        final SmsEvent after = lw.send(T0 + MINUTE, "1069001", "13800138000", OTP);

        final List<DeadLetter> letters = lw.deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
                "too-short", "bad-magic-byte", "bad-magic-byte", "avro-decode-failed", "unknown-schema-id", "empty-record");
        for (int i = 0; i < bad.size(); i++) {
            final DeadLetter letter = letters.get(i);
            assertThat(letter.getSourceTopic()).isEqualTo("sms.events");
            assertThat(letter.getTs()).isEqualTo(T0 + i);
            assertThat(bytes(letter.getValue())).as("original value of %s", letter.getReason()).isEqualTo(bad.get(i));
            assertThat(new String(bytes(letter.getKey()), StandardCharsets.UTF_8)).isEqualTo("k" + i);
        }
        assertThat(lw.listener().deadLetterReasons).hasSize(bad.size());
        assertThat(lw.classified()).extracting(ClassifiedSms::getEventId).containsExactly(after.getEventId());
    }

    @Test
    void shouldRejectEventsThatDecodeButMakeNoSense() {
        final List<SmsEvent> events = List.of(
                lw.event(T0, "", "13800138000", "你好"),
                lw.event(T0, "   ", "13800138000", "你好"),
                lw.event(T0, "1069001", "alice@example.com", "你好"),
                lw.event(T0, "1069001", "12", "你好"),
                lw.event(42L, "1069001", "13800138000", "你好"),
                lw.event(1_741_000_000_000_000L, "1069001", "13800138000", "你好"));
        events.forEach(lw::send);
        final SmsEvent good = lw.send(T0 + MINUTE, "1069001", "13800138000", "今晚回家吃饭吗");

        final List<DeadLetter> letters = lw.deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
                "missing-field: sender",
                "missing-field: sender",
                "bad-recipient: not a phone number",
                "bad-recipient: not a phone number",
                "bad-timestamp: 42",
                "bad-timestamp: 1741000000000000");
        for (int i = 0; i < events.size(); i++) {
            assertThat(bytes(letters.get(i).getValue())).isEqualTo(lw.encode(events.get(i)));
            assertThat(letters.get(i).getSourceTopic()).isEqualTo("sms.events");
        }
        assertThat(lw.classified()).extracting(ClassifiedSms::getEventId).containsExactly(good.getEventId());
    }

    @Test
    void shouldDeadLetterAnEventTimeTooFarAheadOfOrBehindItsRecordTimeAndKeepStreamTime() {
        final long hour = 60 * MINUTE;
        final SmsEvent future = lw.event(T0 + 2 * hour, "1069001", "13800138000", OTP);
        final SmsEvent yearsAhead = lw.event(T0 + 150L * 365 * 24 * hour, "1069001", "13800138000", OTP);
        final SmsEvent stale = lw.event(T0 - 8 * 24 * hour, "1069001", "13800138000", OTP);
        final SmsEvent skewed = lw.event(T0 + 30 * MINUTE, "1069001", "13800138000", OTP);
        for (SmsEvent event : List.of(future, yearsAhead, stale, skewed)) {
            lw.sendRaw(event.getEventId().getBytes(StandardCharsets.UTF_8), lw.encode(event), T0);
        }
        final SmsEvent next = lw.send(T0 + MINUTE, "1069001", "13800138001", OTP);

        final List<DeadLetter> letters = lw.deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
                "bad-timestamp: 7200000 ms ahead of the record time (limit 3600000)",
                "bad-timestamp: 4730400000000 ms ahead of the record time (limit 3600000)",
                "bad-timestamp: 691200000 ms behind the record time (limit 604800000)");
        assertThat(letters).allSatisfy(letter -> assertThat(letter.getTs()).isEqualTo(T0));
        assertThat(lw.listener().deadLetterReasons).hasSize(3);
        // within the bounds, and the records after the rejected ones are not late: stream time did not jump
        final List<TestRecord<byte[], byte[]>> classified = lw.raw("sms.classified");
        assertThat(classified).extracting(record -> lw.topics().classified.valueSerde().deserializer()
                .deserialize("sms.classified", record.value()).getEventId()).containsExactly(skewed.getEventId(), next.getEventId());
        assertThat(classified).extracting(TestRecord::timestamp).containsExactly(T0 + 30 * MINUTE, T0 + MINUTE);
    }

    @Test
    void shouldTakeTheEventTimeBoundsFromTheConfig() {
        try (LeakWatchDriver strict = new LeakWatchDriver(LeakWatchDriver.config(
                "leakwatch.event.time.max.ahead", "PT1M", "leakwatch.event.time.max.behind", "PT1M"))) {
            final SmsEvent ahead = strict.event(T0 + 2 * MINUTE, "1069001", "13800138000", OTP);
            final SmsEvent behind = strict.event(T0 - 2 * MINUTE, "1069001", "13800138000", OTP);
            strict.sendRaw(new byte[] {1}, strict.encode(ahead), T0);
            strict.sendRaw(new byte[] {2}, strict.encode(behind), T0);
            strict.send(T0, "1069001", "13800138000", OTP);

            assertThat(strict.deadLetters()).extracting(DeadLetter::getReason).allMatch(r -> r.startsWith("bad-timestamp: "))
                    .hasSize(2);
            assertThat(strict.classified()).hasSize(1);
        }
    }

    @Test
    void shouldDeadLetterOversizedFieldsWithTheFieldAndSize() {
        final List<SmsEvent> events = List.of(
                lw.event(T0, "1".repeat(IngestProcessor.MAX_SENDER_CHARS + 1), "13800138000", "你好"),
                SmsEvent.newBuilder(lw.event(T0, "1069001", "13800138000", "你好")).setEventId("e".repeat(129)).build(),
                lw.event(T0, "1069001", " ".repeat(100) + "13800138000", "你好"),
                lw.event(T0, "1069001", "13800138000", "字".repeat(IngestProcessor.MAX_TEXT_CHARS + 1)));
        events.forEach(lw::send);
        final SmsEvent longestAllowed = lw.send(T0, "1".repeat(IngestProcessor.MAX_SENDER_CHARS), "13800138000", "你好");

        assertThat(lw.deadLetters()).extracting(DeadLetter::getReason).containsExactly(
                "oversized-field: sender, 65 > 64 chars",
                "oversized-field: eventId, 129 > 128 chars",
                "oversized-field: recipient, 111 > 64 chars",
                "oversized-field: text, 40001 > 40000 chars");
        assertThat(lw.listener().deadLetterReasons).hasSize(4);
        assertThat(lw.classified()).extracting(ClassifiedSms::getEventId).containsExactly(longestAllowed.getEventId());
    }

    @Test
    void shouldGiveOneTokenToOneNumberHoweverItIsWritten() {
        for (String spelling : List.of("13800138000", "+86 138 0013 8000", "0086 13800138000", "138-0013-8000", "8613800138000",
                "(+86) １３８００１３８０００")) {
            lw.send(T0, "1069001", spelling, "今晚回家吃饭吗");
        }
        lw.send(T0, "1069001", "13800138001", "今晚回家吃饭吗");

        final List<String> tokens = lw.classified().stream().map(ClassifiedSms::getRecipientToken).toList();
        assertThat(tokens).hasSize(7);
        assertThat(tokens.subList(0, 6)).containsOnly(tokens.get(0));
        assertThat(tokens.get(6)).isNotEqualTo(tokens.get(0));
        assertThat(tokens.get(0)).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldGiveDifferentTokensUnderDifferentKeys() {
        final String number = Pseudonymizer.normalize("+86 138-0013-8000");
        assertThat(number).isEqualTo("13800138000");
        final String a = new Pseudonymizer("0123456789abcdef".getBytes(StandardCharsets.UTF_8)).pseudonymize(number);
        final String b = new Pseudonymizer("fedcba9876543210".getBytes(StandardCharsets.UTF_8)).pseudonymize(number);
        assertThat(a).isNotEqualTo(b);
        assertThat(new Pseudonymizer("0123456789abcdef".getBytes(StandardCharsets.UTF_8)).pseudonymize(number)).isEqualTo(a);
    }

    @Test
    void shouldGiveAMobileSenderTheTokenItsNumberHasAsARecipient() {
        lw.send(T0, "1069001", "13912345678", "今晚回家吃饭吗");
        lw.send(T0 + 1, "+86 139 1234 5678", "13800138000", "今晚回家吃饭吗");
        lw.send(T0 + 2, "13912345678", "13800138000", "今晚回家吃饭吗");
        for (String readable : List.of("1069001", "95588", "10086", "12306", "106575000123456", "Taobao")) {
            lw.send(T0 + 3, " " + readable + " ", "13800138000", "今晚回家吃饭吗");
        }

        final List<ClassifiedSms> out = lw.classified();
        final String token = out.get(0).getRecipientToken();
        assertThat(out.get(1).getSender()).isEqualTo("m:" + token);
        assertThat(out.get(2).getSender()).isEqualTo("m:" + token);
        assertThat(out.subList(3, out.size())).extracting(ClassifiedSms::getSender)
                .containsExactly("1069001", "95588", "10086", "12306", "106575000123456", "Taobao");
    }

    @Test
    void shouldRejectARawSenderThatImitatesAPseudonym() {
        lw.send(T0, "m:" + "0123456789abcdef".repeat(2), "13800138000", "今晚回家吃饭吗");
        lw.send(T0 + 1, "m:not-a-token", "13800138000", "今晚回家吃饭吗");

        assertThat(lw.deadLetters()).extracting(DeadLetter::getReason).containsExactly("bad-sender: reserved pseudonym form");
        assertThat(lw.classified()).extracting(ClassifiedSms::getSender).containsExactly("m:not-a-token");
    }

    @Test
    void shouldNeverWriteTheRawNumberToAnyTopic() {
        lw.app("meiyou", "美柚", "1069001");
        final String raw = "13800138000";
        final String rawSender = "13912345678";
        lw.send(T0, "1069001", "+86 138 0013 8000", OTP);
        lw.send(T0 + 10 * MINUTE, "1069999", raw, "【优衣库】春季新品全场8折，会员再享95折，回T退订");
        lw.send(T0 + 20 * MINUTE, rawSender, raw, "今晚回家吃饭吗");
        lw.send(T0 + 30 * MINUTE, "+86 137 0000 1111", raw, "【优衣库】春季新品全场8折，会员再享95折，回T退订");
        // Close the bucket and the sender windows so cohort and sender statistics are written too.
        lw.advanceWallClock(java.time.Duration.ofSeconds(5));
        lw.send(T0 + 3 * LeakWatchDriver.HOUR, "1069001", "13700137000", OTP);

        final List<String> topics = lw.producedTopics();
        assertThat(topics).contains("sms.classified", "cohort.stats", "sender.stats");
        assertThat(lw.senderStats()).extracting(SenderStats::getSender).contains("1069999").noneMatch(s -> s.matches("1[3-9][0-9]{9}"))
                .anyMatch(s -> s.startsWith("m:"));
        assertThat(topics).noneMatch(t -> t.equals("sms.dlq"));
        int records = 0;
        for (String topic : topics) {
            for (TestRecord<byte[], byte[]> record : lw.raw(topic)) {
                records++;
                assertThat(containsAscii(record.key(), raw)).as("key of a record on %s", topic).isFalse();
                assertThat(containsAscii(record.value(), raw)).as("value of a record on %s", topic).isFalse();
                assertThat(containsAscii(record.value(), "+86 138 0013 8000")).as("value of a record on %s", topic).isFalse();
                for (String sender : List.of(rawSender, "13700001111", "137 0000 1111")) {
                    assertThat(containsAscii(record.key(), sender)).as("key of a record on %s", topic).isFalse();
                    assertThat(containsAscii(record.value(), sender)).as("value of a record on %s", topic).isFalse();
                }
            }
        }
        assertThat(records).isGreaterThan(6);
    }

    private static boolean containsAscii(byte[] haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        final byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return Arrays.copyOf(out, out.length);
    }
}
