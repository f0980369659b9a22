#!/usr/bin/python3
"""Produces or consumes Confluent-framed Avro records with Confluent's own Python client, for LeakWatch's
interoperability tests (app/src/test/java/io/leakwatch/app/interop).

Uses the legacy confluent_kafka.avro API (AvroProducer, AvroConsumer and their CachedSchemaRegistryClient, backed
by the `avro` package), which is what Debian's python3-confluent-kafka 1.7.0 offers without fastavro. Run it with
Debian's /usr/bin/python3, which sees the packages in /usr/lib/python3/dist-packages.

  confluent_avro.py produce --bootstrap B --registry URL --topic T --schema FILE --records FILE
      produces each record of the JSON array in --records as a value, without a key, registering the schema in
      FILE under <topic>-value on the way (the client applies TopicNameStrategy itself); then, with a second
      client as another process would, looks the schema up in the subject and asks for the latest version and the
      global compatibility; prints {"produced": n, "id": ..., "lookupId": ..., "latestId": ..., "compatibility": ...}
  confluent_avro.py consume --bootstrap B --registry URL --topic T --count N [--timeout S] [--string-keys]
      reads N records from the beginning with AvroConsumer, decoding each value with the writer schema fetched by
      the id in its bytes; prints {"keys": [...], "values": [...]} (unions unwrapped, enums as symbols). With
      --string-keys, for topics keyed by plain UTF-8 strings, which AvroConsumer cannot read: a plain Consumer,
      the same client's MessageSerializer for the values, and the keys as text

JSON goes to stdout, logs and errors to stderr; the exit status is 0 only when everything asked for was done.
"""
import argparse
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, KafkaError
from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient, loads
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def produce(args):
    with open(args.schema, encoding="utf-8") as schema_file:
        value_schema = loads(schema_file.read())
    with open(args.records, encoding="utf-8") as records_file:
        records = json.load(records_file)
    failures = []
    registry = CachedSchemaRegistryClient({"url": args.registry})
    producer = AvroProducer(
        {"bootstrap.servers": args.bootstrap, "enable.idempotence": True},
        default_value_schema=value_schema,
        schema_registry=registry,
    )

    def on_delivery(error, message):
        if error is not None:
            failures.append(str(error))

    for record in records:
        producer.produce(topic=args.topic, value=record, on_delivery=on_delivery)
    remaining = producer.flush(args.timeout)
    if remaining or failures:
        sys.exit("not delivered: %d still queued, failures %s" % (remaining, failures))
    subject = args.topic + "-value"
    schema_id = registry.register(subject, value_schema)  # from the producer's cache: no request
    lookup = CachedSchemaRegistryClient({"url": args.registry})
    lookup_id = lookup.check_registration(subject, value_schema)
    latest_id, _, _ = lookup.get_latest_schema(subject)
    print(json.dumps({
        "produced": len(records),
        "id": schema_id,
        "lookupId": lookup_id,
        "latestId": latest_id,
        "compatibility": lookup.get_compatibility(),
    }))


def consume(args):
    config = {
        "bootstrap.servers": args.bootstrap,
        "group.id": "interop-py-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    }
    if args.string_keys:
        # AvroConsumer decodes keys as Avro too and fails on plain ones ("message does not start with magic
        # byte"), so a topic keyed by plain strings is read with a plain Consumer and the same client's
        # MessageSerializer for the values.
        consumer = Consumer(config)
        serializer = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))

        def decode(message):
            key = message.key()
            return key.decode("utf-8") if key is not None else None, serializer.decode_message(message.value())
    else:
        consumer = AvroConsumer(dict(config, **{"schema.registry.url": args.registry}))

        def decode(message):
            return message.key(), message.value()

    records = read(consumer, args, decode)
    print(json.dumps({"keys": [key for key, _ in records], "values": [value for _, value in records]}))


def read(consumer, args, decode):
    """The first --count records of the topic as (key, value) pairs, or exits when they do not come in time."""
    consumer.subscribe([args.topic])
    records = []
    deadline = time.monotonic() + args.timeout
    try:
        while len(records) < args.count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    continue
                sys.exit("consume failed: %s" % message.error())
            records.append(decode(message))
    finally:
        consumer.close()
    if len(records) < args.count:
        sys.exit("read %d of %d records in %s s" % (len(records), args.count, args.timeout))
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("produce", "consume"):
        command = commands.add_parser(name)
        command.add_argument("--bootstrap", required=True)
        command.add_argument("--registry", required=True)
        command.add_argument("--topic", required=True)
        command.add_argument("--timeout", type=float, default=30.0)
    commands.choices["produce"].add_argument("--schema", required=True)
    commands.choices["produce"].add_argument("--records", required=True)
    commands.choices["consume"].add_argument("--count", type=int, required=True)
    commands.choices["consume"].add_argument("--string-keys", action="store_true")
    args = parser.parse_args()
    {"produce": produce, "consume": consume}[args.command](args)


if __name__ == "__main__":
    main()
