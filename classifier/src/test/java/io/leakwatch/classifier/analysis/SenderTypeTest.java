package io.leakwatch.classifier.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SenderTypeTest {

    private static final String TOKEN = "m:" + "0123456789abcdef".repeat(2);

    @Test
    void shouldReadAPseudonymisedMobileSenderAsMobile() {
        assertThat(SenderType.of(TOKEN)).isEqualTo(SenderType.MOBILE);
        assertThat(SenderType.of("13912345678")).isEqualTo(SenderType.MOBILE);
        assertThat(SenderType.isMobileToken(TOKEN)).isTrue();
    }

    @Test
    void shouldReadAnythingElseBeginningWithThePrefixAsAName() {
        for (String name : new String[] {"m:", "m:0123", TOKEN + "0", TOKEN.toUpperCase(Locale.ROOT), "M" + TOKEN.substring(1),
            "m:" + "0123456789abcdeg".repeat(2)}) {
            assertThat(SenderType.isMobileToken(name)).as(name).isFalse();
            assertThat(SenderType.of(name)).as(name).isEqualTo(SenderType.ALPHA);
        }
    }

    @Test
    void shouldKeepPortsServiceNumbersAndShortCodesApart() {
        assertThat(SenderType.of("1069001")).isEqualTo(SenderType.PORT_106);
        assertThat(SenderType.of("95588")).isEqualTo(SenderType.SERVICE_95);
        assertThat(SenderType.of("10086")).isEqualTo(SenderType.OPERATOR);
        assertThat(SenderType.of("12306")).isEqualTo(SenderType.SHORT_CODE);
    }
}
