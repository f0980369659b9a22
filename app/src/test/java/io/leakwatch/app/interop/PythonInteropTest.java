package io.leakwatch.app.interop;

import java.util.List;

/**
 * Confluent's Python client as Debian ships it (python3-confluent-kafka 1.7.0 on librdkafka, with its legacy
 * {@code AvroProducer}, {@code AvroConsumer} and {@code CachedSchemaRegistryClient} on python3-avro) against
 * LeakWatch's wire format and embedded registry.
 */
class PythonInteropTest extends AvroClientInteropTest {

    @Override
    List<String> requireClient() {
        return InteropTools.requirePythonClient();
    }
}
