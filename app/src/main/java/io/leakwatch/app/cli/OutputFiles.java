package io.leakwatch.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The check every command makes before it writes a file an option names. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Refuses {@code file} unless the directory it goes into exists; the message names {@code option}. */
    static void requireDirectoryFor(final String option, final Path file) {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + ": the directory to write into does not exist: " + parent);
        }
    }
}
