import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { benchAdminSasl } from '../kafka-auth';
import { Summary, summarize } from '../stats';
import { sleep } from '../sleep';

export interface KafkaRttResult {
  topic: string;
  samples: number;
  roundTrip: Summary;
  note: string;
}

/**
 * Raw kafkajs produce→consume round trip on the shared broker: one message at a time (ping-pong),
 * idempotent producer with acks=all and one request in flight (as the outbox relay sends), a consumer
 * group with the services' fetch settings. Measures send() start to eachMessage() on the consumer.
 */
export async function kafkaRoundTrip(brokers: string[], tag: string, samples = 200): Promise<KafkaRttResult> {
  const kafka = new Kafka({ clientId: `${tag}-rtt`, brokers, sasl: benchAdminSasl(), logLevel: logLevel.NOTHING });
  const topic = `${tag}.bench.rtt`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({
    groupId: `${tag}.bench-rtt`,
    maxWaitTimeInMs: 1000,
    sessionTimeout: 30000,
    heartbeatInterval: 3000,
  });
  const waiting = new Map<string, (receivedAt: number) => void>();
  const times: number[] = [];
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const id = message.key?.toString('utf8') ?? '';
        waiting.get(id)?.(performance.now());
      },
    });
    for (let i = 0; i < 100 && !joined; i++) await sleep(100);
    // Warm-up: the first messages pay for metadata and the first fetch session.
    for (let i = 0; i < samples + 20; i++) {
      const id = randomUUID();
      const received = new Promise<number>((resolve) => waiting.set(id, resolve));
      const start = performance.now();
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: id, value: JSON.stringify({ i, at: new Date().toISOString(), pad: 'x'.repeat(600) }) }],
      });
      const at = await Promise.race([received, sleep(5000).then(() => NaN)]);
      waiting.delete(id);
      if (i >= 20) times.push(at - start);
      await sleep(5);
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.deleteGroups([`${tag}.bench-rtt`]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  return {
    topic,
    samples: times.length,
    roundTrip: summarize(times),
    note: 'send(acks=all, idempotent) → eachMessage, one message at a time, 600-byte value',
  };
}
