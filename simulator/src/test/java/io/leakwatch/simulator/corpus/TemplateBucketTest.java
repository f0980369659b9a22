package io.leakwatch.simulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateBucketTest {

    @Test
    void shouldMapDigitsAndStandaloneMasksToOneTokenAndDropWhitespace() {
        assertThat(TemplateBucket.norm("验证码 1234，xx月３０日 Box")).isEqualTo("验证码0，0月0日box");
        assertThat(TemplateBucket.norm("ＡＢ x.x折 XXX元")).isEqualTo("ａｂ0.0折0元");
    }

    @Test
    void shouldPutMessagesThatDifferOnlyInNumbersInTheSameBucket() {
        assertThat(TemplateBucket.bucket("您的验证码是483920，5分钟内有效"))
                .isEqualTo(TemplateBucket.bucket("您的验证码是xxxxxx，x分钟内有效"))
                .isEqualTo(TemplateBucket.bucket("您的验证码是 12 ，30分钟内有效"));
    }

    @Test
    void shouldHoldOutAboutAFifthOfTemplates() {
        int heldOut = 0;
        for (int i = 0; i < 10_000; i++) {
            if (TemplateBucket.isHeldOut("模板" + Integer.toString(i, 36).replaceAll("[0-9]", "a") + "号")) {
                heldOut++;
            }
        }
        assertThat(heldOut).isBetween(1_700, 2_300);
    }
}
