package io.leakwatch.app.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The mistakes a user can make on a command line, each said in one line: a bad argument or config value, and a
 * file or directory an option names that is missing, unreadable or not in the format the command reads (any
 * file-system exception, Jackson read error or {@link UncheckedIOException} in the cause chain). Every command goes
 * through {@link Main#commandLine()}, so the mapping is made here once; anything else is a defect and keeps its
 * stack trace.
 */
final class UserErrors {

    private UserErrors() {
    }

    /** The line to print for {@code error}, or empty when it is not the user's mistake. */
    static Optional<String> describe(final Throwable error) {
        if (error instanceof IllegalArgumentException) {
            return Optional.of(oneLine(String.valueOf(error.getMessage())));
        }
        // a file problem is one wherever it sits: UncheckedIOException and library wrappers carry it as a cause
        UncheckedIOException outermost = null;
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            final Optional<String> line = fileProblem(e);
            if (line.isPresent()) {
                return line.map(UserErrors::oneLine);
            }
            if (outermost == null && e instanceof UncheckedIOException unchecked) {
                outermost = unchecked;
            }
        }
        return Optional.ofNullable(outermost).map(UserErrors::withCause).map(UserErrors::oneLine);
    }

    private static Optional<String> fileProblem(final Throwable e) {
        return switch (e) {
            case NoSuchFileException missing -> Optional.of("no such file or directory: " + missing.getFile());
            case AccessDeniedException denied -> Optional.of("permission denied: " + denied.getFile());
            case NotDirectoryException notDir -> Optional.of("not a directory: " + notDir.getFile());
            case FileAlreadyExistsException exists -> Optional.of("already exists: " + exists.getFile());
            case FileSystemException other -> Optional.of(other.getMessage());
            case FileNotFoundException notFound -> Optional.of(notFound.getMessage());
            case JacksonException json -> Optional.of(unreadableJson(json));
            default -> Optional.empty();
        };
    }

    /** {@code cannot read model m.bin: Not in GZIP format}: the wrapper names the file, the cause says why. */
    private static String withCause(final UncheckedIOException e) {
        final String what = String.valueOf(e.getMessage());
        final String why = e.getCause().getMessage();
        return why == null || what.contains(why) ? what : what + ": " + why;
    }

    /** Jackson's message spans lines (the source, the location); the first line, the file and the place do. */
    private static String unreadableJson(final JacksonException e) {
        final JsonLocation where = e.getLocation();
        final Object source = where == null ? null : where.contentReference().getRawContent();
        final String file = source instanceof File f ? f.getPath()
                : source instanceof Path p ? p.toString() : "JSON";
        final String place = where == null || where.getLineNr() < 0 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return "cannot read " + file + place + ": " + e.getOriginalMessage();
    }

    private static String oneLine(final String message) {
        return message.lines().findFirst().orElse("").strip();
    }
}
