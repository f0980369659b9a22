package io.leakwatch.app.interop;

import java.util.List;

/**
 * kafkajs with {@code @kafkajs/confluent-schema-registry} (pinned in tools/interop-js) against LeakWatch's wire
 * format and embedded registry.
 */
class KafkaJsInteropTest extends AvroClientInteropTest {

    @Override
    List<String> requireClient() {
        return InteropTools.requireKafkaJsClient();
    }
}
