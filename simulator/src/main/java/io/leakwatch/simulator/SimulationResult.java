package io.leakwatch.simulator;

import java.nio.file.Path;

/**
 * What one simulation wrote.
 *
 * @param events     number of lines in {@code eventsFile} (pre-start OTPs included)
 * @param eventsFile every SMS, one JSON object a line, in time order
 * @param appsFile   the apps to watch, with their ports
 * @param truthFile  the planted leaks as the detector should find them
 */
public record SimulationResult(long events, Path eventsFile, Path appsFile, Path truthFile) {
}
