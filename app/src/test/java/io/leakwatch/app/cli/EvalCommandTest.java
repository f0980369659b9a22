package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The eval command's argument checks; the evaluation itself is tested in the classifier module. */
class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseGroupByWithoutCrossValidateByName() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "eval", "--data", dir.toString(), "--group-by", "signature");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--group-by applies to --cross-validate only");
    }

    @Test
    void shouldRefuseAnUnknownGroupingByName() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "eval", "--data", dir.toString(), "--cross-validate", "4", "--group-by", "brand");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--group-by: template or signature, was brand");
    }

    @Test
    void shouldRefuseErrorsWithoutCrossValidateByName() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "eval", "--data", dir.toString(), "--errors", dir.resolve("e.tsv").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--errors applies to --cross-validate only");
    }

    @Test
    void shouldRefuseAnErrorsFileInAMissingDirectoryByName() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "eval", "--data", dir.toString(), "--cross-validate", "2",
                "--errors", dir.resolve("no/such/dir/e.tsv").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--errors: the directory to write into does not exist");
    }

    @Test
    void shouldRefuseEvalWithoutDataOrSolicitationByName() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "eval");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--data: required unless --solicitation is given");
    }

    @Test
    void shouldRefuseSolicitationWithCorpusOptionsByName() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "eval", "--solicitation", dir.resolve("set.tsv").toString(),
                "--data", dir.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--solicitation takes only --model and --errors");
    }

    private static int run(final StringWriter err, final String... args) {
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
