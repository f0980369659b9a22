package io.leakwatch.app.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per scenario or profile, and over all of them: leaks found of planted, delay from first spam (median and p90,
 * nearest rank, over the found leaks), leaks found within 6 h, false OPENs per 100 app-months, buyer precision and
 * recall (pooled over the seeds, not averaged per seed).
 */
public final class EvaluationTable {

    /** The delay the targets count a detection "in time" within. */
    static final double IN_TIME_HOURS = 6.0;

    /** Pooled numbers of some runs. */
    public record Row(String name, int runs, int planted, int found, List<Double> delaysHours, int falseOpens,
                      double appMonths, int buyersNamed, int buyersTrue, int buyersRight) {

        public Double medianDelay() {
            return percentile(delaysHours, 0.5);
        }

        public Double p90Delay() {
            return percentile(delaysHours, 0.9);
        }

        public int foundInTime() {
            return (int) delaysHours.stream().filter(d -> d <= IN_TIME_HOURS).count();
        }

        public double falseOpensPer100AppMonths() {
            return appMonths == 0 ? 0 : 100.0 * falseOpens / appMonths;
        }

        public Double buyerPrecision() {
            return buyersNamed == 0 ? null : (double) buyersRight / buyersNamed;
        }

        public Double buyerRecall() {
            return buyersTrue == 0 ? null : (double) buyersRight / buyersTrue;
        }
    }

    private EvaluationTable() {
    }

    /** Rows per source in the order first seen, then the overall row. */
    public static List<Row> rows(List<RunScore> runs) {
        final Map<String, List<RunScore>> bySource = new LinkedHashMap<>();
        runs.forEach(r -> bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r));
        final List<Row> rows = new ArrayList<>();
        bySource.forEach((source, ofSource) -> rows.add(pool(source, ofSource)));
        rows.add(pool("overall", runs));
        return rows;
    }

    static Row pool(String name, List<RunScore> runs) {
        final List<Double> delays = new ArrayList<>();
        int planted = 0;
        int found = 0;
        int falseOpens = 0;
        double appMonths = 0;
        int named = 0;
        int truth = 0;
        int right = 0;
        for (RunScore run : runs) {
            planted += run.planted();
            found += run.found();
            delays.addAll(run.delaysHours());
            falseOpens += run.falseOpens();
            appMonths += run.appMonths();
            named += run.buyersNamed();
            truth += run.buyersTrue();
            right += run.buyersRight();
        }
        return new Row(name, runs.size(), planted, found, List.copyOf(delays), falseOpens, appMonths, named, truth, right);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
    static Double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        final List<Double> sorted = values.stream().sorted().toList();
        final int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The table as Markdown, then the missed leaks and false OPENs run by run. */
    public static String markdown(List<RunScore> runs) {
        final StringBuilder out = new StringBuilder();
        out.append("| scenario / profile | seeds | leaks found / planted | found ≤ 6 h | delay median h | delay p90 h "
                + "| false OPEN | app-months | false OPEN / 100 app-months | buyer precision | buyer recall |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows(runs)) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d / %d | %d | %s | %s | %d | %.1f | %.2f | %s | %s |%n",
                    row.name().equals("overall") ? "**overall**" : row.name(), row.runs(), row.found(), row.planted(),
                    row.foundInTime(), hours(row.medianDelay()), hours(row.p90Delay()), row.falseOpens(),
                    row.appMonths(), row.falseOpensPer100AppMonths(), ratio(row.buyerPrecision()),
                    ratio(row.buyerRecall())));
        }
        final List<String> notes = new ArrayList<>();
        runs.forEach(r -> r.notes().forEach(n -> notes.add(r.source() + ", " + n)));
        out.append('\n').append(notes.isEmpty() ? "No missed leak, no false OPEN.\n" : "Missed leaks and false OPENs:\n\n");
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }

    private static String hours(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
