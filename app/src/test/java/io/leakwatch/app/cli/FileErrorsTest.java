package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command answers a missing or unreadable file with one line that names it and exit code 2, never a stack
 * trace. As root a chmod does not make a file unreadable, so a directory where a file is expected and a file that is
 * not in the command's format stand in for it; permission is checked on the mapping itself.
 */
class FileErrorsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        Files.writeString(dir.resolve("garbage.json"), "garbage\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("events.jsonl"), "", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("truth.json"), "{\"scenario\": \"s\", \"leaks\": []}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("alerts.jsonl"), "{\"app\": \"meiyou\"}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a-file"), "", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("data/uci-sms"));
        try (var in = FileErrorsTest.class.getResourceAsStream("/scenarios/mother-baby-small.json")) {
            Files.copy(in, dir.resolve("scenario.json"));
        }
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("simulate: missing scenario", at("nope.json") + " (No such file or directory)",
                        "simulate", "--scenario", at("nope.json"), "--out", at("out")),
                mistake("simulate: scenario is a directory", at("empty"),
                        "simulate", "--scenario", at("empty"), "--out", at("out")),
                mistake("simulate: scenario is not JSON", at("garbage.json") + " is not valid JSON",
                        "simulate", "--scenario", at("garbage.json"), "--out", at("out")),
                mistake("simulate: out is a file", "--out: not a directory: " + at("a-file"),
                        "simulate", "--scenario", at("scenario.json"), "--out", at("a-file")),
                mistake("replay: missing directory", at("nope") + "/events.jsonl",
                        "replay", "--in", at("nope"), "--alerts", at("alerts-out.jsonl")),
                mistake("replay: missing events", at("nope.jsonl"),
                        "replay", "--events", at("nope.jsonl"), "--apps", at("garbage.json"), "--alerts", at("x.jsonl")),
                mistake("replay: missing apps", at("nope.json"),
                        "replay", "--events", at("events.jsonl"), "--apps", at("nope.json"), "--alerts", at("x.jsonl")),
                mistake("replay: apps not JSON", at("garbage.json") + ": not valid JSON",
                        "replay", "--events", at("events.jsonl"), "--apps", at("garbage.json"), "--alerts", at("x.jsonl")),
                mistake("replay: missing config", at("nope.properties"),
                        "replay", "--in", at("empty"), "--alerts", at("x.jsonl"), "--config", at("nope.properties")),
                mistake("score: missing truth", at("nope.json"),
                        "score", "--truth", at("nope.json"), "--alerts", at("alerts.jsonl")),
                mistake("score: missing alerts", at("nope.jsonl"),
                        "score", "--truth", at("truth.json"), "--alerts", at("nope.jsonl")),
                mistake("score: truth not JSON", at("garbage.json") + ": not valid JSON",
                        "score", "--truth", at("garbage.json"), "--alerts", at("alerts.jsonl")),
                mistake("score: truth not a truth file", at("alerts.jsonl") + ": not a truth file",
                        "score", "--truth", at("alerts.jsonl"), "--alerts", at("alerts.jsonl")),
                mistake("score: alert without status", at("alerts.jsonl") + " line 1: needs a text field status",
                        "score", "--truth", at("truth.json"), "--alerts", at("alerts.jsonl")),
                mistake("classify: missing input", at("nope.txt"), "classify", "--in", at("nope.txt")),
                mistake("classify: input is a directory", at("empty"), "classify", "--in", at("empty")),
                mistake("train: missing data", "--data: no such directory: " + at("nope"),
                        "train", "--data", at("nope"), "--out", at("m.bin.gz")),
                mistake("train: data without corpora", "--data: none of the labelled corpora",
                        "train", "--data", at("empty"), "--out", at("m.bin.gz")),
                mistake("eval: missing data", "--data: no such directory: " + at("nope"), "eval", "--data", at("nope")),
                mistake("eval: data without corpora", "--data: none of the labelled corpora", "eval", "--data", at("empty")),
                mistake("eval: missing model", "--model: no such file: " + at("nope.bin.gz"),
                        "eval", "--data", at("data"), "--model", at("nope.bin.gz")),
                mistake("eval: model is not one", "cannot read model " + at("garbage.json"),
                        "eval", "--data", at("data"), "--model", at("garbage.json")),
                mistake("run: missing config", at("nope.properties"), "run", "--config", at("nope.properties")),
                mistake("demo: missing scenario", at("nope.json"), "demo", "--scenario", at("nope.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void shouldAnswerInOneLineNamingTheFile(final String name, final String expected, final List<String> args) {
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        final int exitCode = cli.execute(args.toArray(String[]::new));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("leakwatch " + args.get(0) + ": ").contains(expected).doesNotContain("Exception");
    }

    @Test
    void shouldNameAFileThatCannotBeReadForPermission() {
        final UncheckedIOException wrapped = new UncheckedIOException(new AccessDeniedException("/var/x/truth.json"));

        assertThat(UserErrors.describe(new IllegalStateException("reading", wrapped)))
                .hasValue("permission denied: /var/x/truth.json");
    }

    @Test
    void shouldLeaveADefectItsStackTrace() {
        assertThat(UserErrors.describe(new NullPointerException("bug"))).isEmpty();
    }

    private static String at(final String name) {
        return dir.resolve(name).toString();
    }

    private static Arguments mistake(final String name, final String expected, final String... args) {
        return Arguments.of(name, expected, new ArrayList<>(List.of(args)));
    }
}
