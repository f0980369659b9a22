package io.leakwatch.app.replay;

import io.leakwatch.schemas.Evidence;
import io.leakwatch.schemas.LeakAlert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An investigator's report of one replay, as one self-contained HTML page: the alert state changes with their
 * evidence, and per app a plot of the share of its recent registrants who received third-party spam in each window
 * against the same share among every other app's recent registrants, with the alerts marked. It is made from the
 * replay's output alone and holds no generation time, so the same archive gives the same file byte for byte. It
 * shows what the alerts and {@code cohort.stats} carry: counts of members, app ids and the senders named as buyers,
 * never a recipient or a message.
 */
public final class ReplayReport {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 200;
    private static final int LEFT = 56;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;
    private static final long HOUR_MS = 3_600_000L;

    private ReplayReport() {
    }

    /** The report of {@code summary}, titled {@code title} (e.g. the archive's name). */
    public static String html(Replay.Summary summary, String title) {
        final StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>LeakWatch replay: ")
                .append(escape(title)).append("</title>\n<link rel=\"icon\" href=\"data:,\">\n").append(STYLE)
                .append("</head>\n<body>\n<h1>LeakWatch replay: ").append(escape(title)).append("</h1>\n");
        out.append(String.format(Locale.ROOT, "<p>%,d events replayed, %,d dead letters, %d alert state changes.</p>%n",
                summary.events(), summary.deadLetters(), summary.alerts().size()));
        alertTable(summary, out);
        plots(summary, out);
        return out.append("</body>\n</html>\n").toString();
    }

    private static void alertTable(Replay.Summary summary, StringBuilder out) {
        out.append("<h2>Alert state changes</h2>\n");
        if (summary.alerts().isEmpty()) {
            out.append("<p class=\"none\">No alert: no app's registrants were singled out.</p>\n");
            return;
        }
        out.append("<table id=\"alerts\">\n<tr><th>at</th><th>app</th><th>status</th><th>onset estimate</th>")
                .append("<th>stratum, window</th><th>exposed / expected</th><th>rate ratio (lower bound)</th>")
                .append("<th>p-value</th><th>buyers</th></tr>\n");
        for (LeakAlert alert : summary.alerts()) {
            final Evidence e = alert.getEvidence();
            out.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%s</td><td class=\"%s\">%s</td><td>%s</td><td>%s, %d h</td><td class=\"num\">%d / %.1f</td>"
                            + "<td class=\"num\">%.2f (%.2f)</td><td class=\"num\">%.2g</td><td>%s</td></tr>%n",
                    AlertJson.time(alert.getAt(), summary.offset()), escape(alert.getApp()), alert.getStatus(),
                    alert.getStatus(), AlertJson.time(alert.getOnsetEstimate(), summary.offset()), escape(e.getStratum()),
                    e.getWindowHours(), e.getExposed(), e.getExpected(), e.getRateRatio(), e.getRateRatioLower(),
                    e.getPValue(), escape(String.join(", ", alert.getBuyerSenders()))));
        }
        out.append("</table>\n");
    }

    /** One plot per app, the alerted ones first. */
    private static void plots(Replay.Summary summary, StringBuilder out) {
        final Map<String, Map<Long, Replay.CohortPoint>> byApp = new TreeMap<>();
        for (Replay.CohortPoint point : summary.cohorts()) {
            byApp.computeIfAbsent(point.app(), app -> new TreeMap<>()).put(point.windowStart(), point);
        }
        if (byApp.isEmpty()) {
            return;
        }
        final RecentTotals totals = new RecentTotals();
        byApp.values().forEach(points -> points.forEach((window, point) ->
                totals.add(window, point.recentMembers(), point.recentExposed())));
        final List<String> apps = new ArrayList<>(byApp.keySet());
        final TreeSet<String> alerted = new TreeSet<>();
        summary.alerts().forEach(alert -> alerted.add(alert.getApp()));
        apps.sort(Comparator.comparing((String app) -> !alerted.contains(app)).thenComparing(Comparator.naturalOrder()));
        out.append("<h2>Recent registrants who received third-party spam, per window</h2>\n<p>Solid: the app's recent "
                + "registrants. Dashed: every other app's recent registrants together. Lines: the app's alert state "
                + "changes. Times ").append(summary.offset()).append(".</p>\n");
        for (String app : apps) {
            plot(app, byApp.get(app), totals, summary, out);
        }
    }

    private static void plot(String app, Map<Long, Replay.CohortPoint> points, RecentTotals totals,
                             Replay.Summary summary, StringBuilder out) {
        final long first = totals.windows().first();
        final long last = Math.max(totals.windows().last(), first + HOUR_MS);
        final List<double[]> own = new ArrayList<>();
        final List<double[]> others = new ArrayList<>();
        double top = 0;
        for (long window : totals.windows()) {
            final Replay.CohortPoint point = points.get(window);
            if (point != null && point.recentMembers() > 0) {
                final double share = (double) point.recentExposed() / point.recentMembers();
                own.add(new double[] {window, share});
                top = Math.max(top, share);
            }
            final Double othersShare = point == null ? totals.othersShare(window, 0, 0)
                    : totals.othersShare(window, point.recentMembers(), point.recentExposed());
            if (othersShare != null) {
                others.add(new double[] {window, othersShare});
                top = Math.max(top, othersShare);
            }
        }
        final double yMax = top <= 0 ? 1 : top * 1.1;
        out.append("<h3>").append(escape(app)).append("</h3>\n");
        out.append(String.format(Locale.ROOT, "<svg class=\"plot\" data-app=\"%s\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\">%n", escape(app), WIDTH, HEIGHT, WIDTH, HEIGHT));
        final double plotWidth = WIDTH - LEFT - 8.0;
        final double plotHeight = HEIGHT - TOP - BOTTOM;
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" class=\"frame\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%.0f %%</text>%n",
                LEFT - 4, TOP + 10, 100 * yMax));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\" class=\"axis\" text-anchor=\"end\">0 %%</text>%n",
                LEFT - 4, TOP + plotHeight));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>%n", LEFT, HEIGHT - 8,
                AlertJson.time(first, summary.offset())));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s</text>%n",
                WIDTH - 8, HEIGHT - 8, AlertJson.time(last, summary.offset())));
        for (LeakAlert alert : summary.alerts()) {
            if (alert.getApp().equals(app)) {
                final double x = LEFT + plotWidth * (alert.getAt() - first) / (last - first);
                out.append(String.format(Locale.ROOT, "<line class=\"alert %s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.0f\">"
                        + "<title>%s %s</title></line>%n", alert.getStatus(), x, x, TOP, TOP + plotHeight,
                        alert.getStatus(), AlertJson.time(alert.getAt(), summary.offset())));
            }
        }
        polyline("others", others, first, last, yMax, plotWidth, plotHeight, out);
        polyline("own", own, first, last, yMax, plotWidth, plotHeight, out);
        out.append("</svg>\n");
    }

    private static void polyline(String className, List<double[]> points, long first, long last, double yMax,
                                 double plotWidth, double plotHeight, StringBuilder out) {
        if (points.isEmpty()) {
            return;
        }
        out.append("<polyline class=\"").append(className).append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            final double x = LEFT + plotWidth * (points.get(i)[0] - first) / (last - first);
            final double y = TOP + plotHeight * (1 - points.get(i)[1] / yMax);
            out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        out.append("\"/>\n");
    }

    static String escape(String text) {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            <style>
              body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
              table { border-collapse: collapse; margin-bottom: 1.5em; }
              th, td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #ddd; }
              td.num { text-align: right; font-variant-numeric: tabular-nums; }
              .OPEN, .UPDATED { color: #b00; font-weight: bold; }
              .RESOLVED { color: #070; }
              svg.plot { display: block; margin-bottom: 1em; }
              svg .frame { fill: none; stroke: #ccc; }
              svg .axis { font-size: 11px; fill: #666; }
              svg .own { fill: none; stroke: #b00; stroke-width: 1.5; }
              svg .others { fill: none; stroke: #555; stroke-width: 1; stroke-dasharray: 4 3; }
              svg line.alert { stroke-width: 1.5; }
              svg line.OPEN, svg line.UPDATED { stroke: #e80; }
              svg line.RESOLVED { stroke: #070; }
            </style>
            """;
}
