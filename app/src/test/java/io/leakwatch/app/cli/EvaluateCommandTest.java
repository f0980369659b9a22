package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRejectBadArgumentsWithOneLineNamingThem() {
        assertError(new String[] {"evaluate", "--seeds", "0"}, "leakwatch evaluate: --seeds must be at least 1, was 0");
        assertError(new String[] {"evaluate", "--threads", "0"}, "leakwatch evaluate: --threads must be at least 1, was 0");
        assertError(new String[] {"evaluate", "--profiles", "nope"}, "leakwatch evaluate: no built-in profile and no file named nope");
        assertError(new String[] {"evaluate", "--scenarios", dir.resolve("missing").toString()},
                "leakwatch evaluate: --scenarios: no such file or directory: " + dir.resolve("missing"));
        assertError(new String[] {"evaluate", "--out", dir.resolve("no/such/dir/report.md").toString()},
                "leakwatch evaluate: --out: the directory to write into does not exist");
        assertError(new String[] {"generate", "--profile", "nope", "--seed", "1", "--out", dir.toString()},
                "leakwatch generate: no built-in profile and no file named nope");
    }

    @Test
    void shouldNameTheFieldOfABadProfileFile() throws Exception {
        final Path profile = dir.resolve("bad.json");
        Files.writeString(profile, "{\"name\": \"x\", \"start\": \"2026-12-01T00:00:00+08:00\", \"days\": 0}", StandardCharsets.UTF_8);
        assertError(new String[] {"generate", "--profile", profile.toString(), "--seed", "1", "--out", dir.toString()},
                "leakwatch generate: profile: days must be at least 1, was 0");
    }

    @Test
    void shouldGenerateTheThreeFilesOfARawExport() throws Exception {
        final Path profile = dir.resolve("small.json");
        final String mixed = new String(io.leakwatch.adversary.Profile.class.getResourceAsStream("profiles/mixed.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(profile, mixed.replace("\"subscribers\": 8000", "\"subscribers\": 500"), StandardCharsets.UTF_8);
        final int exit = Main.commandLine().execute("generate", "--profile", profile.toString(), "--seed", "9", "--out", dir.resolve("out").toString());
        assertThat(exit).isZero();
        assertThat(dir.resolve("out/events.jsonl")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("out/truth.json"))).contains("\"scenario\" : \"mixed\"", "\"seed\" : 9");
        assertThat(Files.readString(dir.resolve("out/apps.json"))).contains("\"id\" : \"babycare\"");
    }

    private void assertError(String[] args, String message) {
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).as(String.join(" ", args)).startsWith(message);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
