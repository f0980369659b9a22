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
  confluent_avro.py consume --bootstrap B --registry URL --topic T --count N [--timeout S]
      reads N records from the beginning, decoding each value with the writer schema fetched by the id in its
      bytes; prints {"values": [...]} (unions unwrapped, enums as symbols)

JSON goes to stdout, logs and errors to stderr; the exit status is 0 only when everything asked for was done.
"""
import argparse
import json
import sys
import time
import uuid

from confluent_kafka import KafkaError
from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient, loads


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
    consumer = AvroConsumer(
        {
            "bootstrap.servers": args.bootstrap,
            "schema.registry.url": args.registry,
            "group.id": "interop-py-" + uuid.uuid4().hex,
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    consumer.subscribe([args.topic])
    values = []
    deadline = time.monotonic() + args.timeout
    try:
        while len(values) < args.count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    continue
                sys.exit("consume failed: %s" % message.error())
            values.append(message.value())
    finally:
        consumer.close()
    if len(values) < args.count:
        sys.exit("read %d of %d records in %s s" % (len(values), args.count, args.timeout))
    print(json.dumps({"values": values}))


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
    args = parser.parse_args()
    {"produce": produce, "consume": consume}[args.command](args)


if __name__ == "__main__":
    main()
