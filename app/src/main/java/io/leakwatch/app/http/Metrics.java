package io.leakwatch.app.http;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Prometheus registry of one LeakWatch instance, with JVM memory, GC, thread and CPU metrics
 * bound. The runner adds the pipeline's own meters and the Kafka Streams client metrics to
 * {@link #registry()}; {@link #scrapeHandler()} serves them all on {@code GET /metrics}.
 */
public final class Metrics implements AutoCloseable {

    /** The Prometheus text exposition format, version 0.0.4, that every scraper understands. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The current values of every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** A handler for {@code GET /metrics}: {@code api.route("/metrics", metrics.scrapeHandler())}. */
    public Handler scrapeHandler() {
        return request -> new Response(200, CONTENT_TYPE, scrape().getBytes(StandardCharsets.UTF_8));
    }

    /** Stops listening for GC notifications and closes the registry. */
    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
