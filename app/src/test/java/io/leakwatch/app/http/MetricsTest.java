package io.leakwatch.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void keyValueAndWindowStoreMetricsOfOneNameAreBothExported() {
        try (Metrics metrics = new Metrics()) {
            // The tag keys Kafka Streams gives a RocksDB window store and a RocksDB key-value store.
            Gauge.builder("kafka.stream.state.block.cache.usage", () -> 7.0)
                    .tags("rocksdb.window.state.id", "sender-window-store", "task.id", "6_0", "thread.id", "t1")
                    .register(metrics.registry());
            Gauge.builder("kafka.stream.state.block.cache.usage", () -> 11.0)
                    .tags("rocksdb.state.id", "membership-store", "task.id", "1_0", "thread.id", "t1")
                    .register(metrics.registry());

            assertThat(metrics.scrape())
                    .contains("kafka_stream_state_block_cache_usage{state_id=\"sender-window-store\",store_type=\"rocksdb-window\",task_id=\"6_0\",thread_id=\"t1\"} 7.0")
                    .contains("kafka_stream_state_block_cache_usage{state_id=\"membership-store\",store_type=\"rocksdb\",task_id=\"1_0\",thread_id=\"t1\"} 11.0");
        }
    }

    @Test
    void metersWithoutAStoreTagAreLeftAsTheyAre() {
        try (Metrics metrics = new Metrics()) {
            Gauge.builder("kafka.stream.thread.process.rate", () -> 3.0).tags("thread.id", "t1").register(metrics.registry());

            assertThat(metrics.scrape()).contains("kafka_stream_thread_process_rate{thread_id=\"t1\"} 3.0");
        }
    }
}
