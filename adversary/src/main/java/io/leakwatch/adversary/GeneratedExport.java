package io.leakwatch.adversary;

import java.nio.file.Path;

/**
 * What {@link Generator#run} wrote.
 *
 * @param events how many SMS {@code eventsFile} holds
 * @param apps   how many apps {@code appsFile} lists
 */
public record GeneratedExport(long events, int apps, Path eventsFile, Path appsFile, Path truthFile) {
}
