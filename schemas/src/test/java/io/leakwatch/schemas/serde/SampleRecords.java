package io.leakwatch.schemas.serde;

import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.BuyerEvidence;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.Evidence;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.PooledSenderEvidence;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.RuleKind;
import io.leakwatch.schemas.SenderExposure;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.Stratum;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in record of every top-level type, with non-ASCII text, nested records, maps and unions set. */
final class SampleRecords {

    private SampleRecords() {
    }

    static SmsEvent smsEvent() {
        return new SmsEvent("evt-1", 1_700_000_000_000L, "1069012345", "+8613800138000",
            "【美柚】您的验证码是 482913，5分钟内有效。", Map.of("gateway", "gw-3", "encoding", "UCS2"));
    }

    static App app() {
        return new App("meiyou", "美柚", "美柚", List.of("1069012345", "95188"), "mother-baby");
    }

    static List<SpecificRecord> all() {
        final Stratum recent = new Stratum(120L, 30L, Map.of("meituan", 12L), Map.of("meituan", 7L));
        final Stratum all = new Stratum(5_000L, 410L, Map.of(), Map.of());
        final BuyerEvidence buyer = new BuyerEvidence("10690001", 25L, 3L, 8.5, 0.001, Category.MARKETING, "fp-loan",
            "text+sender-behaviour");
        final Evidence evidence = new Evidence("recent", 6, 720L, 180L, 21.5, 8.37, 5.1, 1e-12, 90_000L, 2_700L,
            4.5, null, new PooledSenderEvidence(9L, 9L, 0.012, 1e-17), 150L, 30L, List.of("meituan"), List.of(buyer));
        return List.of(
            app(),
            new App("anon", "Anon", "Anon", List.of(), null),
            new ClassifiedSms("evt-1", 1_700_000_000_000L, "1069012345", "a1b2c3", Category.TRANSACTIONAL, 0.98,
                "rule:otp", "美柚", true, "fp-otp", "meiyou", false),
            new CohortStats("meiyou", 0L, 3_600_000L, 42L, recent, all, 30L, 12L, 9L, List.of(0L, 3L, 6L),
                List.of(new SenderExposure("10690001", 25L, 20L, Map.of("meituan", 4L), Category.FRAUD, "fp-loan",
                    6L, 5L, Map.of("meituan", 1L), 0L))),
            new DeadLetter("sms.events", 2, 1_234L, 1_700_000_000_000L, "bad-magic-byte",
                null, ByteBuffer.wrap("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8))),
            new LeakAlert("alert-meiyou-1", "meiyou", AlertStatus.OPEN, 1_700_000_360_000L, 1_700_000_000_000L,
                List.of("10690001"), evidence),
            new Rule("r-1", RuleKind.REGEX, "退订|回T", Category.MARKETING, 0.6, true),
            new SenderStats("10690001", 0L, 3_600_000L, 1_000L, Map.of("MARKETING", 990L, "FRAUD", 10L), 870L,
                0.93, 640L, 3L),
            smsEvent());
    }
}
