package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolicitationTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadExpectedCategoryKindAndText() throws IOException {
        final Path file = write("category\ttext\nADULT:escort\t高端会所，详询加微\nNORMAL:family\t妈，我到家了\n");

        final List<Solicitation.Message> messages = Solicitation.load(file);

        assertThat(messages).containsExactly(
            new Solicitation.Message(Category.ADULT, "escort", "高端会所，详询加微"),
            new Solicitation.Message(Category.NORMAL, "family", "妈，我到家了"));
        assertThat(messages.get(0).spam()).isTrue();
        assertThat(messages.get(1).spam()).isFalse();
    }

    @Test
    void shouldRefuseAFileWithoutHeader() throws IOException {
        final Path file = write("ADULT:escort\t高端会所\n");

        assertThatThrownBy(() -> Solicitation.load(file)).hasMessageContaining("header");
    }

    @Test
    void shouldRefuseAnUnknownCategoryNamingTheLine() throws IOException {
        final Path file = write("category\ttext\nSPAM:escort\t高端会所\n");

        assertThatThrownBy(() -> Solicitation.load(file)).hasMessageContaining(":2: unknown category SPAM");
    }

    @Test
    void shouldCountRecallPrecisionAndListTheMisses() {
        final List<Solicitation.Message> messages = List.of(
            new Solicitation.Message(Category.FRAUD, "gambling", "真人百家乐，注册送彩金 http://t.cn/abc"),
            new Solicitation.Message(Category.TRANSACTIONAL, "otp", "【美团】您的验证码是 662910，5分钟内有效。"),
            new Solicitation.Message(Category.NORMAL, "family", "晚上一起看电影吧"));
        final List<Solicitation.Miss> misses = new ArrayList<>();

        final Solicitation.Results r = Solicitation.score(Classifiers.loadDefault(), messages, misses::add);

        assertThat(r.spamRecall()).isEqualTo(1.0);
        assertThat(r.spamPrecision()).isEqualTo(1.0);
        assertThat(r.falseAlarmRate()).isEqualTo(0.0);
        assertThat(r.flaggedShare("FRAUD:gambling")).isEqualTo(1.0);
        assertThat(misses).isEmpty();
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Solicitation.print("x", r, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("| spam recall | 1.000 (1/1) |",
            "| NORMAL:family | 1 | 0 | 0.000 |");
    }

    private Path write(final String content) throws IOException {
        final Path file = dir.resolve("set.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
