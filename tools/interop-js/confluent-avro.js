#!/usr/bin/env node
// Produces or consumes Confluent-framed Avro records with kafkajs and @kafkajs/confluent-schema-registry, for
// LeakWatch's interoperability tests (app/src/test/java/io/leakwatch/app/interop).
//
//   node confluent-avro.js produce --bootstrap B --registry URL --topic T --schema FILE --records FILE
//                                  [--compatibility LEVEL]
//       registers the schema in FILE under <topic>-value (this client names subjects after the record unless
//       told, so the script applies TopicNameStrategy), looks it up again by schema and as the subject's latest
//       version, and produces each record of the JSON array in --records as a value, without a key;
//       prints {"produced": n, "id": ..., "lookupId": ..., "latestId": ...}
//   node confluent-avro.js consume --bootstrap B --registry URL --topic T --count N [--timeout S]
//       reads N records from the beginning and decodes each value with the writer schema fetched by the id in
//       its bytes; prints {"values": [...]} (unions unwrapped, enums as symbols)
//
// JSON goes to stdout, logs and errors to stderr; the exit status is 0 only when everything asked for was done.
'use strict';

const fs = require('node:fs');
const crypto = require('node:crypto');
const { parseArgs } = require('node:util');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const USAGE = 'usage: confluent-avro.js produce|consume --bootstrap B --registry URL --topic T ...';

function options() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      bootstrap: { type: 'string' },
      registry: { type: 'string' },
      topic: { type: 'string' },
      schema: { type: 'string' },
      records: { type: 'string' },
      compatibility: { type: 'string', default: 'BACKWARD' },
      count: { type: 'string' },
      timeout: { type: 'string', default: '30' },
    },
  });
  if (positionals.length !== 1 || !values.bootstrap || !values.registry || !values.topic) {
    throw new Error(USAGE);
  }
  return { command: positionals[0], ...values, timeoutMs: Number(values.timeout) * 1000 };
}

// kafkajs logs JSON to stdout by default; stdout is for the result only.
function kafka(bootstrap) {
  const logCreator = () => ({ namespace, level, log }) => {
    console.error(`kafkajs ${namespace} level ${level}: ${log.message}`);
  };
  return new Kafka({ clientId: 'leakwatch-interop-js', brokers: [bootstrap], logLevel: logLevel.WARN, logCreator });
}

async function produce(opts) {
  const registry = new SchemaRegistry({ host: opts.registry });
  const subject = `${opts.topic}-value`;
  const schema = { type: SchemaType.AVRO, schema: fs.readFileSync(opts.schema, 'utf8') };
  const { id } = await registry.register(schema, { subject, compatibility: opts.compatibility });
  const lookupId = await registry.getRegistryIdBySchema(subject, schema);
  const latestId = await registry.getLatestSchemaId(subject);
  const records = JSON.parse(fs.readFileSync(opts.records, 'utf8'));
  const messages = await Promise.all(records.map(async record => ({ value: await registry.encode(id, record) })));
  const producer = kafka(opts.bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic: opts.topic, messages });
  } finally {
    await producer.disconnect();
  }
  return { produced: records.length, id, lookupId, latestId };
}

async function consume(opts) {
  const registry = new SchemaRegistry({ host: opts.registry });
  const count = Number(opts.count);
  const consumer = kafka(opts.bootstrap).consumer({ groupId: `interop-js-${crypto.randomUUID()}` });
  const values = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [opts.topic], fromBeginning: true });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${values.length} of ${count} records in ${opts.timeout} s`)), opts.timeoutMs);
      consumer.run({
        eachMessage: async ({ message }) => {
          values.push(await registry.decode(message.value));
          if (values.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return { values };
}

async function main() {
  const opts = options();
  const commands = { produce, consume };
  if (!commands[opts.command]) {
    throw new Error(USAGE);
  }
  process.stdout.write(JSON.stringify(await commands[opts.command](opts)) + '\n');
}

main().catch(error => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
