package io.leakwatch.classifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {
    @Test
    void shouldExtractSignatureAtStart() {
        assertThat(Signatures.extract("【招商银行】您尾号1234的卡于03月02日消费100.00元")).isEqualTo("招商银行");
    }

    @Test
    void shouldExtractSignatureAtEndIgnoringTrailingPunctuation() {
        assertThat(Signatures.extract("您的验证码是482913，5分钟内有效。【美柚】 。")).isEqualTo("美柚");
    }

    @Test
    void shouldAcceptSquareAndFullWidthBrackets() {
        assertThat(Signatures.extract("[Taobao] your code is 1234")).isEqualTo("Taobao");
        assertThat(Signatures.extract("［京东］您的订单已发货")).isEqualTo("京东");
        assertThat(Signatures.extract("〖顺丰速运〗快件已签收")).isEqualTo("顺丰速运");
    }

    @Test
    void shouldSkipPartMarkerBeforeSignature() {
        assertThat(Signatures.extract("(1/2)【铁路客服】订单E123456789")).isEqualTo("铁路客服");
    }

    @Test
    void shouldReturnNullWithoutSignature() {
        assertThat(Signatures.extract("今晚一起吃饭吗")).isNull();
        assertThat(Signatures.extract("中间有【括号】的文字也不算签名啊")).isNull();
        assertThat(Signatures.extract("【】")).isNull();
        assertThat(Signatures.extract("")).isNull();
        assertThat(Signatures.extract(null)).isNull();
        assertThat(Signatures.extract("【123】")).isNull();
    }

    @Test
    void shouldRejectOverlongBracketContent() {
        assertThat(Signatures.extract("【" + "很".repeat(40) + "】")).isNull();
    }
}
