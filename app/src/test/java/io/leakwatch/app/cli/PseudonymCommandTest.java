package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.ingest.Pseudonymizer;
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

/** The key holder resolves an alert's m:<token> against candidate numbers. */
class PseudonymCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintOnlyTheCandidateThatIsTheSenderAnAlertNames() throws Exception {
        final String buyer = new Pseudonymizer(LeakWatchConfig.demo().hmacKey()).pseudonymizeSender("13912345678");
        assertThat(buyer).startsWith("m:");
        final Path candidates = dir.resolve("candidates.txt");
        Files.write(candidates, List.of("# suspects", "13800138000", "+86 139 1234 5678"), StandardCharsets.UTF_8);

        final Run match = run("pseudonym", "--numbers-file", candidates.toString(), "--match", buyer, "13700137000");
        assertThat(match.exit()).isZero();
        assertThat(match.out().lines().toList()).containsExactly("13912345678\tmatches " + buyer);

        final Run none = run("pseudonym", "--match", buyer, "13700137000");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
    }

    @Test
    void shouldPrintBothFormsOfACandidate() throws Exception {
        final Run both = run("pseudonym", "13912345678");
        final String token = new Pseudonymizer(LeakWatchConfig.demo().hmacKey()).pseudonymize("13912345678");

        assertThat(both.out().strip()).isEqualTo("13912345678\trecipient=" + token + "\tsender=m:" + token);
    }

    @Test
    void shouldNameTheLineOfANonNumberWithoutRepeatingIt() throws Exception {
        final Path candidates = dir.resolve("bad.txt");
        Files.write(candidates, List.of("13800138000", "alice@example.com"), StandardCharsets.UTF_8);
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("pseudonym", "--numbers-file", candidates.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--numbers-file line 2: not a phone number").doesNotContain("alice");
    }

    private record Run(int exit, String out) {
    }

    /** Runs the command with a config that names the (demo) key, so nothing but its answer is on standard output. */
    private Run run(String... args) throws Exception {
        final Path config = dir.resolve("leakwatch.properties");
        Files.writeString(config, "leakwatch.hmac.key=" + LeakWatchConfig.DEMO_HMAC_KEY_HEX + "\n", StandardCharsets.UTF_8);
        final String[] withConfig = new String[args.length + 2];
        withConfig[0] = args[0];
        withConfig[1] = "--config";
        withConfig[2] = config.toString();
        System.arraycopy(args, 1, withConfig, 3, args.length - 1);
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream original = System.out;
        final int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = Main.commandLine().execute(withConfig);
        } finally {
            System.setOut(original);
        }
        return new Run(exit, captured.toString(StandardCharsets.UTF_8));
    }
}
