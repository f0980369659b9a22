package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.ComplianceRule;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceViewTest {

    private final ComplianceView view = new ComplianceView();

    @Test
    void shouldListTheOffendersWithMostOffendingMessagesFirstWithTheirVolumePerDay() {
        view.add(finding("10690001", "优衣库", "2026-11-10", ComplianceRule.NO_SIGNATURE, 5, 5, 40));
        view.add(finding("10690001", "优衣库", "2026-11-10", ComplianceRule.AFTER_REFUSAL, 3, 2, 40));
        view.add(finding("10690001", "优衣库", "2026-11-11", ComplianceRule.AFTER_REFUSAL, 4, 4, 60));
        view.add(finding("10690002", null, "2026-11-10", ComplianceRule.NO_SIGNATURE, 30, 30, 30));
        // written again with late counts: replaces the first
        view.add(finding("10690001", "优衣库", "2026-11-10", ComplianceRule.NO_SIGNATURE, 6, 6, 41));

        final ObjectNode json = view.json();
        assertThat(json.get("findings").asInt()).isEqualTo(4);
        assertThat(json.get("days").toString()).isEqualTo("[\"2026-11-10\",\"2026-11-11\"]");
        final JsonNode offenders = json.get("offenders");
        assertThat(offenders).hasSize(2);
        assertThat(offenders.get(0).get("sender").asText()).isEqualTo("10690002");
        final JsonNode uniqlo = offenders.get(1);
        assertThat(uniqlo.get("offendingMessages").asLong()).isEqualTo(6 + 3 + 4);
        assertThat(uniqlo.get("rules").toString()).isEqualTo("[\"AFTER_REFUSAL\",\"NO_SIGNATURE\"]");
        assertThat(uniqlo.get("volume").toString())
                .isEqualTo("[{\"day\":\"2026-11-10\",\"marketingMessages\":41},{\"day\":\"2026-11-11\",\"marketingMessages\":60}]");
    }

    @Test
    void shouldForgetDaysOlderThanItKeeps() {
        view.add(finding("10690001", "优衣库", "2026-11-01", ComplianceRule.NO_SIGNATURE, 5, 5, 40));
        view.add(finding("10690002", "优衣库", "2026-11-20", ComplianceRule.NO_SIGNATURE, 1, 1, 1));
        view.add(finding("10690003", "优衣库", "2026-11-02", ComplianceRule.NO_SIGNATURE, 5, 5, 40));

        assertThat(view.json().get("days").toString()).isEqualTo("[\"2026-11-20\"]");
    }

    private static ComplianceFinding finding(String sender, String signature, String day, ComplianceRule rule, long messages, long recipients,
                                             long marketing) {
        final long start = LocalDate.parse(day).atStartOfDay(ZoneOffset.ofHours(8)).toInstant().toEpochMilli();
        return ComplianceFinding.newBuilder().setSender(sender).setSignature(signature).setRule(rule).setDay(day).setWindowStart(start)
                .setWindowEnd(start + 86_400_000L).setMessages(messages).setRecipients(recipients).setMarketingMessages(marketing)
                .setMarketingRecipients(marketing).setExampleFingerprints(List.of()).build();
    }
}
