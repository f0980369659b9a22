package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneCategoryPerLineInInputOrder() throws Exception {
        final Path in = dir.resolve("messages.txt");
        Files.write(in, List.of(
                "【美柚】您的验证码是482913，5分钟内有效，请勿泄露。",
                "晚上一起吃饭吗？我七点到",
                "Your verification code is 739204. Do not share it with anyone."), StandardCharsets.UTF_8);

        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream original = System.out;
        final int exitCode;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = Main.commandLine().execute("classify", "--in", in.toString());
        } finally {
            System.setOut(original);
        }

        assertThat(exitCode).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("TRANSACTIONAL", "NORMAL", "TRANSACTIONAL");
    }

    @Test
    void shouldExitWithUsageErrorNamingInWhenTheFileIsMissing() {
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));

        final int exitCode = cli.execute("classify", "--in", dir.resolve("missing.txt").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--in").contains("missing.txt");
    }
}
