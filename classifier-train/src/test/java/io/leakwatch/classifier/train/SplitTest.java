package io.leakwatch.classifier.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplitTest {
    @Test
    void shouldPutMessagesOfOneTemplateOnTheSameSide() {
        assertThat(Split.templateKey("您的验证码是 123456，5分钟内有效"))
            .isEqualTo(Split.templateKey("您的验证码是654321,5分钟内有效").replace(",", "，"));
        assertThat(Split.ofTemplate("店庆x月x日全场xx元，电话xxxxxxxxxxx"))
            .isEqualTo(Split.ofTemplate("店庆3月8日全场99元，电话13912345678"));
        assertThat(Split.templateKey("Box of XX items")).isEqualTo("boxof0items");
    }

    @Test
    void shouldFollowTheDocumentedBuckets() {
        final String key = Split.templateKey("Hello World 42");
        assertThat(key).isEqualTo("helloworld0");
        final int bucket = Math.floorMod(key.hashCode(), 10);
        assertThat(Split.ofTemplate("Hello World 42"))
            .isEqualTo(bucket <= 1 ? Split.TEST : bucket == 2 ? Split.VALIDATION : Split.TRAIN);
    }

    @Test
    void shouldMapPlaceholdersToTextOfTheSameShape() {
        assertThat(Corpora.unplaceholder("加WECHAT或电话CELLPHONE送DIGIT元URL"))
            .contains("13800138000").contains("http://").doesNotContain("CELLPHONE").doesNotContain("DIGIT");
    }
}
