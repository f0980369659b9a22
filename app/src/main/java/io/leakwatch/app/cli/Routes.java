package io.leakwatch.app.cli;

import io.leakwatch.app.http.Access;
import io.leakwatch.app.http.Console;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.http.Response;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.ComplianceView;
import io.leakwatch.app.run.TrafficView;

/**
 * The routes {@code run} and {@code demo} both serve, besides the alert stream that is registered before the feed
 * starts: the console, the alerts, the compliance findings, the two traffic views and the metrics, each with the roles it
 * admits ({@link Access}): the console and traffic views the operations centre, the alerts and findings also the regulator, the metrics
 * everyone (Prometheus scrapes without a token; they hold counts, no subscriber and no alert evidence).
 */
final class Routes {

    private Routes() {
    }

    static void install(HttpApi http, AlertFeed feed, TrafficView traffic, ComplianceView compliance, Metrics metrics) {
        http.route("/", Access.NOC_READ, Console.handler());
        http.route("/alerts", Access.ALERT_FEED, request -> Response.json(200, feed.json()));
        http.route(ComplianceView.PATH, Access.ALERT_FEED, compliance.handler());
        http.route(TrafficView.SENDERS_PATH, Access.NOC_READ, traffic.topSendersHandler());
        http.route(TrafficView.COHORTS_PATH, Access.NOC_READ, traffic.cohortsHandler());
        http.route("/metrics", Access.PUBLIC, metrics.scrapeHandler());
    }
}
