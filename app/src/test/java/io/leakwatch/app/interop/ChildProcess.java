package io.leakwatch.app.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion within a time limit, keeping its output for assertions and messages. */
final class ChildProcess {

    /** Output kept in a failure message; the end of stderr is where a client says what went wrong. */
    private static final int TAIL_CHARS = 4000;

    private ChildProcess() {
    }

    /** A finished run. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        /** The command, its exit status and the end of its stderr, for a failure message. */
        String describe() {
            return String.join(" ", command) + " exited with " + exitCode + "; stderr:\n" + tail(stderr);
        }
    }

    /** The program could not be started, or did not finish in time (it was killed). */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs the command and waits for it; Python writes no bytecode files, kafkajs skips its partitioner notice. */
    static Result run(final List<String> command, final Duration timeout) {
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("PYTHONDONTWRITEBYTECODE", "1", "KAFKAJS_NO_PARTITIONER_WARNING", "1"));
        final Process process;
        try {
            process = builder.start();
        } catch (final IOException e) {
            throw new Failure("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            final Future<String> stdout = readers.submit(() -> read(process.getInputStream()));
            final Future<String> stderr = readers.submit(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new Failure(String.join(" ", command) + " did not finish in " + timeout.toSeconds()
                    + " s and was killed; stderr:\n" + tail(stderr.get()), null);
            }
            return new Result(command, process.exitValue(), stdout.get(), stderr.get());
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for " + command.get(0), e);
        } catch (final ExecutionException e) {
            throw new Failure("cannot read the output of " + command.get(0), e);
        }
    }

    /** Runs the command and returns its stdout, failing with its stderr unless it exits with 0. */
    static String runSuccessfully(final List<String> command, final Duration timeout) {
        final Result result = run(command, timeout);
        if (result.exitCode() != 0) {
            throw new AssertionError(result.describe());
        }
        return result.stdout();
    }

    static String tail(final String text) {
        return text.length() <= TAIL_CHARS ? text : "..." + text.substring(text.length() - TAIL_CHARS);
    }

    private static String read(final InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
