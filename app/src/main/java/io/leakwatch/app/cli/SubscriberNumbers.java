package io.leakwatch.app.cli;

import io.leakwatch.topology.ingest.Pseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscriber numbers an administrator names on the command line or in a file (one a line, {@code #} starts a comment),
 * normalised as ingest normalises a recipient. A line that is not a number is the user's mistake, named by its line
 * number only, so the message never repeats what may be a number.
 */
final class SubscriberNumbers {

    private SubscriberNumbers() {
    }

    static List<String> read(List<String> arguments, Path file, String fileOption) throws IOException {
        final List<String> numbers = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            numbers.add(normalized(arguments.get(i), "argument " + (i + 1)));
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(fileOption + ": no such file: " + file);
            }
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i).replaceFirst("#.*", "").strip();
                if (!line.isEmpty()) {
                    numbers.add(normalized(line, fileOption + " line " + (i + 1)));
                }
            }
        }
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("no subscriber number given (arguments or " + fileOption + ")");
        }
        return numbers;
    }

    private static String normalized(String raw, String where) {
        final String number = Pseudonymizer.normalize(raw);
        if (number == null) {
            throw new IllegalArgumentException(where + ": not a phone number");
        }
        return number;
    }
}
