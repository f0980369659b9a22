package io.leakwatch.app.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
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

    /** Ending of the tag that Kafka Streams names after the store type: {@code rocksdb.window.state.id}. */
    private static final String STATE_ID = ".state.id";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public Metrics() {
        registry.config().meterFilter(ONE_STATE_TAG);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /**
     * Kafka Streams tags a state-store metric with the store's name under a key that depends on the store type
     * ({@code rocksdb.state.id}, {@code rocksdb.window.state.id}, ...), while Prometheus requires one set of tag keys
     * per metric name: whichever store type registered first would keep the name and every other store's meters
     * would be refused. This rewrites the key to {@code state.id} with the type in {@code store.type}
     * ({@code rocksdb-window}), so that the key-value and window stores are exported side by side.
     */
    static final MeterFilter ONE_STATE_TAG = new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
            for (Tag tag : id.getTagsAsIterable()) {
                final String key = tag.getKey();
                if (key.endsWith(STATE_ID) && key.length() > STATE_ID.length()) {
                    final List<Tag> tags = new ArrayList<>();
                    id.getTagsAsIterable().forEach(other -> {
                        if (!other.getKey().equals(key)) {
                            tags.add(other);
                        }
                    });
                    tags.add(Tag.of("state.id", tag.getValue()));
                    tags.add(Tag.of("store.type", key.substring(0, key.length() - STATE_ID.length()).replace('.', '-')));
                    return id.replaceTags(tags);
                }
            }
            return id;
        }
    };

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
