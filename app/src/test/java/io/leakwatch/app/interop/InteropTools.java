package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
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
    static final String PROMTOOL = "promtool";
    static final String CHROMIUM = "/usr/bin/chromium";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final String INSTALL_HINT =
        "; `./leakwatch test` installs it when run as root (tools/install-test-tools.sh)";

    private InteropTools() {
    }

    /**
     * A program the tests run, and why it cannot run here if it cannot.
     *
     * @param name    what to install, for the message
     * @param command how to run it
     * @param problem what the probe found missing; empty when the tool is there
     */
    record Tool(String name, List<String> command, Optional<String> problem) {

        boolean isAvailable() {
            return problem.isEmpty();
        }

        /** The command; when the tool is missing, skips the test, or fails it on CI, naming the tool. */
        List<String> require() {
            if (isAvailable()) {
                return command;
            }
            final String message = "missing tool: " + name + " (" + problem.get() + ")" + INSTALL_HINT;
            if (onCi()) {
                fail(message + ". CI is set, so a missing tool fails the test instead of skipping it.");
            }
            throw new TestAbortedException(message);
        }

        /** Says on the console, once, that tests will be skipped: Maven's summary does not say why. */
        Tool announceIfMissing(final String tests) {
            problem.ifPresent(why -> System.err.printf(Locale.ROOT, "%s: %s for lack of %s (%s)%s%n",
                tests, onCi() ? "FAILING" : "SKIPPED", name, why, INSTALL_HINT));
            return this;
        }
    }

    /** The repository's {@code tools/} folder (set by the app module's pom; the fallback suits an IDE run). */
    static Path toolsDir() {
        final String configured = System.getProperty("leakwatch.tools.dir");
        if (configured != null) {
            return Path.of(configured).normalize();
        }
        return Path.of("").toAbsolutePath().resolveSibling("tools");
    }

    /** The Python client script, run by Debian's Python if it can import Confluent's Avro client. */
    static Tool pythonClient() {
        return new Tool("python3-confluent-kafka, python3-avro and python3-requests for " + PYTHON,
            List.of(PYTHON, toolsDir().resolve("interop-py/confluent_avro.py").toString()),
            problemRunning(List.of(PYTHON, "-c", "import confluent_kafka.avro, avro, requests")));
    }

    /** The kafkajs client script, if node runs and the npm packages are in tools/interop-js. */
    static Tool kafkaJsClient() {
        final Path js = toolsDir().resolve("interop-js");
        final List<String> command = List.of(NODE, js.resolve("confluent-avro.js").toString());
        final Optional<String> noNode = problemRunning(List.of(NODE, "--version"));
        if (noNode.isPresent()) {
            return new Tool("node (Node.js 18 or newer)", command, noNode);
        }
        final Optional<String> notInstalled = Stream.of("kafkajs", "@kafkajs/confluent-schema-registry")
            .map(module -> js.resolve("node_modules").resolve(module))
            .filter(module -> !Files.isDirectory(module))
            .findFirst()
            .map(module -> "no " + module);
        return new Tool("npm packages kafkajs and @kafkajs/confluent-schema-registry (npm ci in " + js + ")",
            command, notInstalled);
    }

    /**
     * Debian's Chromium, driven by playwright-core (pinned in tools/browser-js), if both are there; the command runs
     * {@code script} of that folder.
     */
    static Tool browser(final String script) {
        final Path js = toolsDir().resolve("browser-js");
        final List<String> command = List.of(NODE, js.resolve(script).toString());
        final Optional<String> noChromium = problemRunning(List.of(CHROMIUM, "--version"));
        if (noChromium.isPresent()) {
            return new Tool("chromium (Debian package chromium)", command, noChromium);
        }
        final Optional<String> noNode = problemRunning(List.of(NODE, "--version"));
        if (noNode.isPresent()) {
            return new Tool("node (Node.js 18 or newer)", command, noNode);
        }
        final Path module = js.resolve("node_modules").resolve("playwright-core");
        return new Tool("npm package playwright-core (npm ci in " + js + ")", command,
            Files.isDirectory(module) ? Optional.empty() : Optional.of("no " + module));
    }

    /** The Prometheus server, if it runs. */
    static Tool prometheus() {
        return new Tool("prometheus (Debian package prometheus)", List.of(PROMETHEUS),
            problemRunning(List.of(PROMETHEUS, "--version")));
    }

    /** Prometheus' rule checker, which Debian's prometheus package ships beside the server. */
    static Tool promtool() {
        return new Tool("promtool (Debian package prometheus)", List.of(PROMTOOL),
            problemRunning(List.of(PROMTOOL, "--version")));
    }

    /** True when the environment says this is CI, where skipping for a missing tool is not allowed. */
    static boolean onCi() {
        final String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.strip().toLowerCase(Locale.ROOT).equals("false");
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
