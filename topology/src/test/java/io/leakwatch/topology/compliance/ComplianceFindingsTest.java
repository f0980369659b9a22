package io.leakwatch.topology.compliance;

import static io.leakwatch.topology.LeakWatchDriver.HOUR;
import static io.leakwatch.topology.LeakWatchDriver.MINUTE;
import static io.leakwatch.topology.LeakWatchDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.ComplianceRule;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.RuleKind;
import io.leakwatch.topology.LeakWatchDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance stage on the whole topology. {@code T0} is 08:00 in Asia/Shanghai; its local day ends at T0 + 16 h (midnight local).
 */
class ComplianceFindingsTest {

    private static final String PORT = "10690001";
    private static final String OTHER_PORT = "10690002";
    private static final String COMPLIANT = "【优衣库】春季新品全场8折，会员再享95折，回T退订";
    private static final String NO_OPT_OUT = "【优衣库】春季新品全场8折，会员再享95折，点击领取优惠券";
    private static final String NO_SIGNATURE = "春季新品全场8折，会员再享95折，回T退订";
    private static final String OTP = "【优衣库】您的验证码是483920，5分钟内有效";
    private static final String ALICE = "13800138001";
    private static final String BOB = "13800138002";
    private static final String CAROL = "13800138003";
    private static final long DAY_END = T0 + 16 * HOUR;
    private LeakWatchDriver lw = new LeakWatchDriver();

    @AfterEach
    void close() {
        lw.close();
    }

    @Test
    void shouldFindMarketingAfterARefusalWithItsRecipientsAndDelay() {
        lw.send(T0 + 2 * HOUR, PORT, ALICE, COMPLIANT);
        lw.send(T0 + 2 * HOUR, PORT, BOB, COMPLIANT);
        lw.send(T0 + 2 * HOUR + 30 * MINUTE, ALICE, PORT, "TD");
        lw.send(T0 + 4 * HOUR, PORT, ALICE, COMPLIANT);
        lw.send(T0 + 4 * HOUR + 5 * MINUTE, PORT, ALICE, COMPLIANT);
        lw.send(T0 + 4 * HOUR, PORT, BOB, COMPLIANT);
        closeDay();

        final List<ComplianceFinding> findings = lw.findings();
        assertThat(findings).extracting(ComplianceFinding::getSender, ComplianceFinding::getRule, ComplianceFinding::getMessages,
                        ComplianceFinding::getRecipients)
                .containsExactly(tuple(PORT, ComplianceRule.AFTER_REFUSAL, 2L, 1L));
        final ComplianceFinding finding = findings.get(0);
        assertThat(finding.getSignature()).isEqualTo("优衣库");
        assertThat(finding.getMinDelayMs()).isEqualTo(90 * MINUTE);
        assertThat(finding.getMaxDelayMs()).isEqualTo(95 * MINUTE);
        assertThat(finding.getMarketingMessages()).isEqualTo(5);
        assertThat(finding.getMarketingRecipients()).isEqualTo(2);
        assertThat(finding.getRefusalsReceived()).isEqualTo(1);
        assertThat(finding.getDay()).isEqualTo("2025-03-03");
        assertThat(finding.getWindowEnd() - finding.getWindowStart()).isEqualTo(24 * HOUR);
        assertThat(finding.getExampleFingerprints()).isNotEmpty();
    }

    @Test
    void shouldNotFindAnythingWhenTheRecipientNeverRefused() {
        lw.send(T0 + 2 * HOUR, PORT, ALICE, COMPLIANT);
        lw.send(T0 + 2 * HOUR + 30 * MINUTE, BOB, PORT, "TD");
        lw.send(T0 + 3 * HOUR, ALICE, BOB, "T");
        lw.send(T0 + 4 * HOUR, PORT, ALICE, COMPLIANT);
        closeDay();

        assertThat(lw.findings()).isEmpty();
    }

    @Test
    void shouldFindMarketingFromAnotherPortUnderTheRefusedSignature() {
        lw.send(T0 + HOUR, PORT, ALICE, COMPLIANT);
        lw.send(T0 + HOUR + 10 * MINUTE, ALICE, PORT, "退订");
        lw.send(T0 + 3 * HOUR, OTHER_PORT, ALICE, COMPLIANT);
        closeDay();

        assertThat(lw.findings()).extracting(ComplianceFinding::getSender, ComplianceFinding::getRule, ComplianceFinding::getMinDelayMs)
                .containsExactly(tuple(OTHER_PORT, ComplianceRule.AFTER_REFUSAL, 110 * MINUTE));
    }

    @Test
    void shouldKeepTheRefusalReplyOutOfTheClassifiedTopic() {
        lw.send(T0 + HOUR, ALICE, PORT, "T");
        lw.send(T0 + HOUR, ALICE, BOB, "T");
        assertThat(lw.classified()).hasSize(1);
    }

    @Test
    void shouldFindMarketingWithoutRefusalInstructionOrSignature() {
        assertThat(categoryOf(NO_OPT_OUT)).isEqualTo(Category.MARKETING);
        assertThat(categoryOf(NO_SIGNATURE)).isEqualTo(Category.MARKETING);
        lw.send(T0 + HOUR, PORT, ALICE, NO_OPT_OUT);
        lw.send(T0 + HOUR, PORT, BOB, NO_OPT_OUT);
        lw.send(T0 + HOUR, OTHER_PORT, ALICE, NO_SIGNATURE);
        closeDay();

        assertThat(lw.findings()).extracting(ComplianceFinding::getSender, ComplianceFinding::getRule, ComplianceFinding::getRecipients)
                .containsExactlyInAnyOrder(
                        tuple(PORT, ComplianceRule.NO_REFUSAL_INSTRUCTION, 2L),
                        tuple(OTHER_PORT, ComplianceRule.NO_SIGNATURE, 1L));
    }

    @Test
    void shouldFindMarketingOutsideTheSendingWindow() {
        lw.send(T0 + 14 * HOUR + 30 * MINUTE, PORT, ALICE, COMPLIANT); // 22:30 local
        lw.send(T0 + 2 * HOUR, OTHER_PORT, ALICE, COMPLIANT);          // 10:00 local
        closeDay();
        closeDayAt(DAY_END + 24 * HOUR);

        assertThat(lw.findings()).extracting(ComplianceFinding::getSender, ComplianceFinding::getRule, ComplianceFinding::getDay)
                .containsExactly(tuple(PORT, ComplianceRule.OUTSIDE_SENDING_WINDOW, "2025-03-03"));
    }

    @Test
    void shouldFindAPortThatSendsCodesAndMarketing() {
        assertThat(categoryOf(OTP)).isEqualTo(Category.TRANSACTIONAL);
        for (int i = 0; i < 3; i++) {
            lw.send(T0 + HOUR + i * MINUTE, PORT, ALICE, OTP);
            lw.send(T0 + 2 * HOUR + i * MINUTE, PORT, BOB, COMPLIANT);
            lw.send(T0 + HOUR + i * MINUTE, OTHER_PORT, ALICE, OTP);
        }
        lw.send(T0 + 2 * HOUR, OTHER_PORT, CAROL, COMPLIANT);
        lw.send(T0 + 2 * HOUR + MINUTE, OTHER_PORT, CAROL, COMPLIANT);
        closeDay();

        final List<ComplianceFinding> findings = lw.findings();
        assertThat(findings).filteredOn(f -> f.getRule() == ComplianceRule.PORT_ALSO_SENDS_NOTICES)
                .extracting(ComplianceFinding::getSender, ComplianceFinding::getRule, ComplianceFinding::getNoticeMessages)
                .as("three of each at least; two marketing messages may be the classifier's error")
                .containsExactly(tuple(PORT, ComplianceRule.PORT_ALSO_SENDS_NOTICES, 3L));
    }

    @Test
    void shouldFindRecipientsOverTheDailyCaps() {
        for (int i = 0; i < 5; i++) {
            lw.send(T0 + HOUR + i * MINUTE, PORT, ALICE, COMPLIANT);
        }
        for (int i = 0; i < 3; i++) {
            lw.send(T0 + HOUR + i * MINUTE, PORT, BOB, COMPLIANT);
        }
        for (int i = 0; i < 6; i++) {
            lw.send(T0 + 2 * HOUR + i * MINUTE, "1069100" + i, ALICE, "【店铺" + i + "】春季新品全场8折，会员再享95折，回T退订");
        }
        closeDay();

        final List<ComplianceFinding> findings = lw.findings();
        assertThat(findings).filteredOn(f -> f.getRule() == ComplianceRule.OVER_SIGNATURE_CAP)
                .extracting(ComplianceFinding::getSender, ComplianceFinding::getMessages, ComplianceFinding::getRecipients, ComplianceFinding::getThreshold)
                .containsExactly(tuple(PORT, 2L, 1L, 3L));
        // Alice got 11 in all: every sender that reached her is found, with its messages to her; Bob got 3
        assertThat(findings).filteredOn(f -> f.getRule() == ComplianceRule.OVER_TOTAL_CAP)
                .extracting(ComplianceFinding::getSender, ComplianceFinding::getMessages, ComplianceFinding::getRecipients, ComplianceFinding::getThreshold)
                .containsExactlyInAnyOrder(tuple(PORT, 5L, 1L, 10L), tuple("10691000", 1L, 1L, 10L), tuple("10691001", 1L, 1L, 10L),
                        tuple("10691002", 1L, 1L, 10L), tuple("10691003", 1L, 1L, 10L), tuple("10691004", 1L, 1L, 10L),
                        tuple("10691005", 1L, 1L, 10L));
    }

    @Test
    void shouldApplySettingsChangedThroughTheRulesTopic() {
        lw.rule(setting("compliance.cap.per.signature", "5"));
        lw.rule(setting("compliance.refusal.words", "不要再发了"));
        lw.rule(setting("compliance.cap.total", "many"));
        for (int i = 0; i < 4; i++) {
            lw.send(T0 + HOUR + i * MINUTE, PORT, ALICE, COMPLIANT);
        }
        lw.send(T0 + 2 * HOUR, BOB, PORT, "TD");
        lw.send(T0 + 2 * HOUR, CAROL, PORT, "不要再发了");
        lw.send(T0 + 3 * HOUR, PORT, BOB, COMPLIANT);
        lw.send(T0 + 3 * HOUR, PORT, CAROL, COMPLIANT);
        closeDay();

        assertThat(lw.findings()).extracting(ComplianceFinding::getRule, ComplianceFinding::getRecipients)
                .as("a cap of 5 and only the configured refusal word").containsExactly(tuple(ComplianceRule.AFTER_REFUSAL, 1L));
        assertThat(lw.listener().skippedReferences).containsExactly("rules bad-setting: compliance.cap.total: not a whole number: 'many'");
    }

    @Test
    void shouldCarryNoNumberAndNoTextInFindings() {
        lw.send(T0 + HOUR, PORT, ALICE, NO_OPT_OUT);
        lw.send(T0 + HOUR + MINUTE, ALICE, PORT, "T");
        lw.send(T0 + 2 * HOUR, PORT, ALICE, NO_OPT_OUT);
        closeDay();

        final List<TestRecord<byte[], byte[]>> raw = lw.raw("compliance.findings");
        assertThat(raw).isNotEmpty();
        for (TestRecord<byte[], byte[]> record : raw) {
            final String bytes = new String(record.value(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(ALICE).doesNotContain("8001");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("春季新品");
        }
    }

    @Test
    void shouldWriteByteIdenticalFindingsWhenReplayed() {
        final List<byte[]> first = run(new LeakWatchDriver());
        final List<byte[]> second = run(new LeakWatchDriver());
        assertThat(first).isNotEmpty();
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isEqualTo(first.get(i));
        }
    }

    private List<byte[]> run(LeakWatchDriver driver) {
        try (driver) {
            final LeakWatchDriver saved = lw;
            lw = driver;
            for (int i = 0; i < 40; i++) {
                final String recipient = "1380013" + String.format(java.util.Locale.ROOT, "%04d", i);
                lw.send(T0 + i * MINUTE, i % 3 == 0 ? PORT : OTHER_PORT, recipient, i % 2 == 0 ? COMPLIANT : NO_SIGNATURE);
                if (i % 5 == 0) {
                    lw.send(T0 + i * MINUTE + 30_000, recipient, PORT, "T");
                }
                lw.send(T0 + 14 * HOUR + i * MINUTE, PORT, recipient, NO_OPT_OUT);
            }
            closeDay();
            closeDayAt(DAY_END + 24 * HOUR);
            final List<byte[]> out = lw.raw("compliance.findings").stream().map(TestRecord::value).toList();
            lw = saved;
            return out;
        }
    }

    private static Rule setting(String id, String value) {
        return Rule.newBuilder().setId(id).setKind(RuleKind.KEYWORD).setPattern(value)
                .setCategory(io.leakwatch.schemas.Category.MARKETING).build();
    }

    private Category categoryOf(String text) {
        try (LeakWatchDriver probe = new LeakWatchDriver()) {
            probe.send(T0, PORT, ALICE, text);
            return probe.classified().get(0).getCategory();
        }
    }

    /** Moves stream time past the local day's end, the grace and the settling, so its findings are written. */
    private void closeDay() {
        closeDayAt(DAY_END);
    }

    private void closeDayAt(long dayEnd) {
        lw.send(dayEnd + 30 * MINUTE, "13900000000", "13900000001", "今晚回家吃饭吗");
        lw.send(dayEnd + 50 * MINUTE, "13900000000", "13900000001", "今晚回家吃饭吗");
    }
}
