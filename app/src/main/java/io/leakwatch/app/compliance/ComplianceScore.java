package io.leakwatch.app.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Holds a replay's compliance findings against a simulation's truth: per rule, the senders found against the senders
 * that broke it (truth.json's {@code compliance.rules}), as precision and recall.
 */
public final class ComplianceScore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule's result; precision is 1 when nothing was found, recall is 1 when nobody broke the rule. */
    public record Row(String rule, int truth, int found, int correct, Set<String> missed, Set<String> wrong) {
        public double precision() {
            return found == 0 ? 1 : (double) correct / found;
        }

        public double recall() {
            return truth == 0 ? 1 : (double) correct / truth;
        }
    }

    private ComplianceScore() {
    }

    /**
     * Per rule of the truth, in its order.
     *
     * @param senderForm how ingest writes a sender (mobile numbers become {@code m:<token>}), applied to the truth's raw senders
     */
    public static List<Row> score(Path truthFile, Path findingsFile, UnaryOperator<String> senderForm) throws IOException {
        final JsonNode compliance = JSON.readTree(truthFile.toFile()).path("compliance");
        if (compliance.isMissingNode()) {
            throw new IllegalArgumentException("--truth: " + truthFile + " has no compliance block (a scenario without one?)");
        }
        final Map<String, Set<String>> found = new TreeMap<>();
        for (String line : Files.readAllLines(findingsFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                final JsonNode finding = JSON.readTree(line);
                found.computeIfAbsent(finding.path("rule").asText(), r -> new TreeSet<>()).add(finding.path("sender").asText());
            }
        }
        final List<Row> rows = new ArrayList<>();
        final Iterator<Map.Entry<String, JsonNode>> rules = compliance.path("rules").fields();
        while (rules.hasNext()) {
            final Map.Entry<String, JsonNode> rule = rules.next();
            final Set<String> truth = new TreeSet<>();
            rule.getValue().forEach(sender -> truth.add(senderForm.apply(sender.asText())));
            final Set<String> foundHere = found.getOrDefault(rule.getKey(), Set.of());
            final Set<String> correct = new TreeSet<>(foundHere);
            correct.retainAll(truth);
            final Set<String> missed = new TreeSet<>(truth);
            missed.removeAll(foundHere);
            final Set<String> wrong = new TreeSet<>(foundHere);
            wrong.removeAll(truth);
            rows.add(new Row(rule.getKey(), truth.size(), foundHere.size(), correct.size(), missed, wrong));
        }
        return rows;
    }

    /** A Markdown table, one row per rule. */
    public static String table(List<Row> rows) {
        final StringBuilder out = new StringBuilder("| rule | violating senders | found | correct | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", row.rule(), row.truth(), row.found(), row.correct(),
                    row.precision(), row.recall()));
        }
        return out.toString();
    }
}
