package io.leakwatch.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a result was measured on; recorded with every number, since a throughput means nothing without it.
 *
 * @param cores      processors available to this JVM
 * @param cpu        the first {@code model name} of {@code /proc/cpuinfo}, or "unknown"
 * @param os         {@code os.name} and {@code os.arch}
 * @param memoryMib  the machine's memory from {@code /proc/meminfo}, or -1 when unknown
 * @param maxHeapMib the JVM's maximum heap
 * @param jdk        vendor and full version of the running JDK
 */
public record Machine(int cores, String cpu, String os, long memoryMib, long maxHeapMib, String jdk) {

    private static final long MIB = 1024 * 1024;

    /** The machine this JVM runs on. */
    public static Machine current() {
        final Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(), readCpuModel().orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), readMemoryMib().orElse(-1L),
                runtime.maxMemory() / MIB, System.getProperty("java.vm.vendor") + " " + Runtime.version());
    }

    /** One line for a report. */
    public String describe() {
        final String memory = memoryMib < 0 ? "" : String.format(Locale.ROOT, ", %,d MiB RAM", memoryMib);
        return String.format(Locale.ROOT, "%d cores (%s), %s%s; JDK %s, max heap %,d MiB",
                cores, cpu, os, memory, jdk, maxHeapMib);
    }

    private static Optional<String> readCpuModel() {
        return procField(Path.of("/proc/cpuinfo"), "model name");
    }

    private static Optional<Long> readMemoryMib() {
        // "MemTotal:       24559008 kB"
        return procField(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replace("kB", "").strip()) / 1024);
    }

    private static Optional<String> procField(final Path file, final String name) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(line -> line.startsWith(name) && line.indexOf(':') > 0)
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
