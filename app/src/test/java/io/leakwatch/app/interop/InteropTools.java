package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Finds the independent clients the interop tests run ({@code tools/install-test-tools.sh} installs them) and
 * decides what happens when one is missing: the test is skipped with a message naming the tool, except when the
 * environment variable {@code CI} is set, where a missing tool fails the test so that CI cannot pass by skipping.
 */
final class InteropTools {

    /** Debian's interpreter: python3-confluent-kafka installs into its dist-packages, not into a pyenv's. */
    static final String PYTHON = "/usr/bin/python3";
    static final String NODE = "node";
    static final String PROMETHEUS = "prometheus";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final String INSTALL_HINT =
        "; `./leakwatch test` installs it when run as root (tools/install-test-tools.sh)";

    private InteropTools() {
    }

    /** The repository's {@code tools/} folder (set by the app module's pom; the fallback suits an IDE run). */
    static Path toolsDir() {
        final String configured = System.getProperty("leakwatch.tools.dir");
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().resolveSibling("tools");
    }

    /** The Python client script, after checking that Debian's Python can import Confluent's Avro client. */
    static List<String> requirePythonClient() {
        final List<String> probe = List.of(PYTHON, "-c", "import confluent_kafka.avro, avro, requests");
        require("python3-confluent-kafka, python3-avro and python3-requests for " + PYTHON, problemRunning(probe));
        return List.of(PYTHON, toolsDir().resolve("interop-py/confluent_avro.py").toString());
    }

    /** The kafkajs client script, after checking for node and the npm packages in tools/interop-js. */
    static List<String> requireKafkaJsClient() {
        final Path js = toolsDir().resolve("interop-js");
        require("node (Node.js 18 or newer)", problemRunning(List.of(NODE, "--version")));
        final Optional<String> notInstalled = List.of("kafkajs", "@kafkajs/confluent-schema-registry").stream()
            .filter(module -> !Files.isDirectory(js.resolve("node_modules").resolve(module)))
            .findFirst()
            .map(module -> "no " + js.resolve("node_modules").resolve(module));
        require("npm packages kafkajs and @kafkajs/confluent-schema-registry (npm ci in " + js + ")", notInstalled);
        return List.of(NODE, js.resolve("confluent-avro.js").toString());
    }

    /** The Prometheus server binary, after checking that it runs. */
    static String requirePrometheus() {
        require("prometheus (Debian package prometheus)", problemRunning(List.of(PROMETHEUS, "--version")));
        return PROMETHEUS;
    }

    /** True when the environment says this is CI, where skipping for a missing tool is not allowed. */
    static boolean onCi() {
        final String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.strip().toLowerCase(Locale.ROOT).equals("false");
    }

    private static void require(final String tool, final Optional<String> problem) {
        if (problem.isEmpty()) {
            return;
        }
        final String message = "missing tool: " + tool + " (" + problem.get() + ")" + INSTALL_HINT;
        if (onCi()) {
            fail(message + ". CI is set, so a missing tool fails the test instead of skipping it.");
        }
        throw new TestAbortedException(message);
    }

    private static Optional<String> problemRunning(final List<String> command) {
        try {
            final ChildProcess.Result result = ChildProcess.run(command, PROBE_TIMEOUT);
            return result.exitCode() == 0 ? Optional.empty() : Optional.of(result.describe());
        } catch (final ChildProcess.Failure e) {
            return Optional.of(e.getMessage());
        }
    }
}
