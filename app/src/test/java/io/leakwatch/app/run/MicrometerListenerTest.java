package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.app.http.Metrics;
import org.junit.jupiter.api.Test;

class MicrometerListenerTest {

    @Test
    void shouldExportSenderRecordsTooLateAsACounterFromZero() {
        try (Metrics metrics = new Metrics()) {
            final MicrometerListener listener = new MicrometerListener(metrics.registry());
            assertThat(metrics.scrape()).contains("leakwatch_sender_late_records_total 0.0");

            listener.senderRecordTooLate();
            listener.senderRecordTooLate();

            assertThat(metrics.scrape()).contains("leakwatch_sender_late_records_total 2.0");
        }
    }
}
