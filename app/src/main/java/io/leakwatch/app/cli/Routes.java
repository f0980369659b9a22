package io.leakwatch.app.cli;

import io.leakwatch.app.http.Console;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.http.Response;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.TrafficView;

/**
 * The routes {@code run} and {@code demo} both serve, besides the alert stream that is registered before the feed
 * starts: the console, the alerts, the two traffic views and the metrics.
 */
final class Routes {

    private Routes() {
    }

    static void install(HttpApi http, AlertFeed feed, TrafficView traffic, Metrics metrics) {
        http.route("/", Console.handler());
        http.route("/alerts", request -> Response.json(200, feed.json()));
        http.route(TrafficView.SENDERS_PATH, traffic.topSendersHandler());
        http.route(TrafficView.COHORTS_PATH, traffic.cohortsHandler());
        http.route("/metrics", metrics.scrapeHandler());
    }
}
