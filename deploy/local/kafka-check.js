#!/usr/bin/env node
// End-to-end Kafka health check used by deploy/local/kafka.sh (no Java needed):
// creates topic __healthcheck (if missing), produces one unique message and consumes it back.
// Exit 0 on success, 3 when the broker refuses the credentials, 1 on any other failure/timeout.
//
// Usage: node deploy/local/kafka-check.js [host:port] [--quiet]
//   broker defaults to 127.0.0.1:$KAFKA_PORT (9092); KAFKA_CHECK_TIMEOUT_MS bounds the whole check (30000).
//   Authenticates with SASL/SCRAM-SHA-512 as KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD if set, else as the admin
//   (KAFKA_ADMIN_USERNAME/KAFKA_ADMIN_PASSWORD, development defaults admin/dev-kafka-admin).
// kafkajs comes from the repository's node_modules.
'use strict';

const { Kafka, logLevel, Partitioners } = require('kafkajs');

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const broker = args.find((a) => !a.startsWith('--')) || `127.0.0.1:${process.env.KAFKA_PORT || 9092}`;
const timeoutMs = Number(process.env.KAFKA_CHECK_TIMEOUT_MS || 30000);
const TOPIC = '__healthcheck';

function saslFromEnv() {
  const env = process.env;
  const username = env.KAFKA_SASL_USERNAME || env.KAFKA_ADMIN_USERNAME || 'admin';
  const password =
    (env.KAFKA_SASL_USERNAME ? env.KAFKA_SASL_PASSWORD : env.KAFKA_ADMIN_PASSWORD) || `dev-kafka-${username}`;
  return { mechanism: 'scram-sha-512', username, password };
}

const say = (msg) => {
  if (!quiet) console.log(`[kafka-check] ${msg}`);
};

async function main() {
  const kafka = new Kafka({
    clientId: 'local-healthcheck',
    brokers: [broker],
    sasl: saslFromEnv(),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  const nonce = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const groupId = `local-healthcheck-${nonce}`;
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });

  try {
    await admin.connect();
    try {
      const created = await admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: TOPIC,
            numPartitions: 1,
            replicationFactor: 1,
            // keep the topic tiny: roll segments every 10 min, drop data after 1 h
            configEntries: [
              { name: 'retention.ms', value: '3600000' },
              { name: 'segment.ms', value: '600000' },
            ],
          },
        ],
      });
      say(created ? `created topic ${TOPIC}` : `topic ${TOPIC} already exists`);
    } catch (err) {
      if (err.type !== 'TOPIC_ALREADY_EXISTS' && !/already exists/i.test(String(err.message))) throw err;
      say(`topic ${TOPIC} already exists`);
    }

    await producer.connect();
    const [meta] = await producer.send({ topic: TOPIC, acks: -1, messages: [{ key: 'hc', value: nonce }] });
    say(`produced message at offset ${meta.baseOffset ?? meta.offset}`);

    // A fresh group reading from the beginning must see the message we just produced.
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    await new Promise((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            if (message.value && message.value.toString() === nonce) resolve();
          },
        })
        .catch(reject);
    });
    say('consumed it back');
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {}); // don't leave one empty group per check behind
    await admin.disconnect().catch(() => {});
  }
}

const timer = setTimeout(() => {
  console.error(`[kafka-check] not ready: no round trip via ${broker} within ${timeoutMs} ms`);
  process.exit(1);
}, timeoutMs);

main().then(
  () => {
    clearTimeout(timer);
    say(`OK: ${broker} accepts create/produce/consume`);
    process.exit(0);
  },
  (err) => {
    clearTimeout(timer);
    console.error(`[kafka-check] not ready: ${err && (err.message || err)}`);
    // 3: the broker answers but refuses the credentials (kafka.sh tells this apart from "not up yet")
    process.exit(err && err.name === 'KafkaJSSASLAuthenticationError' ? 3 : 1);
  },
);
