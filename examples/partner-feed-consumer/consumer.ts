/**
 * A partner agency's consumer of its own feed: reads `legal.partner.feed.<clientId>` with the partner principal
 * `partner-<clientId>` (SASL/SCRAM-SHA-512), decodes each record with @legal/clients' decodePartnerRecord
 * (CloudEvents headers → payload validated by the published schema) and prints what the partner may see.
 *
 *   PARTNER_CLIENT_ID=dev-partner-court PARTNER_PASSWORD=<printed by `kafka.sh partner add`> \
 *     node -r ./test/swc-register.js examples/partner-feed-consumer/consumer.ts
 *
 * Environment: KAFKA_BROKERS (default 127.0.0.1:9092), PARTNER_CLIENT_ID, PARTNER_PASSWORD,
 * FROM_BEGINNING (default true), KAFKA_TOPIC_PREFIX (only for a prefixed test deployment; default none),
 * IDLE_EXIT_MS (stop after this long without a record; default: run until Ctrl-C).
 */
import { Kafka, logLevel } from 'kafkajs';
import { decodePartnerRecord } from '@legal/clients';
import type { PartnerEvent } from '@legal/clients';

const clientId = process.env.PARTNER_CLIENT_ID ?? 'dev-partner-court';
const password = process.env.PARTNER_PASSWORD;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
const topic = `${prefix === '' ? '' : `${prefix}.`}legal.partner.feed.${clientId}`;
const idleExitMs = process.env.IDLE_EXIT_MS ? Number(process.env.IDLE_EXIT_MS) : undefined;

function describe(event: PartnerEvent): string {
  if (event.type === 'legal.partner.feed-item.v1') {
    const { occurredAt, sourceType, ...agreed } = event.data;
    return `${occurredAt} ${sourceType} work order ${event.subject}: ${JSON.stringify(agreed)}`;
  }
  const t = event.data;
  const code = t.caseCode ? ` case ${t.caseCode}` : '';
  return `${t.occurredAt} transfer ${t.reference} (${t.direction}) ${t.stage}${code}${t.status ? ` ${t.status}` : ''}`;
}

async function main(): Promise<void> {
  if (!password)
    throw new Error(
      'PARTNER_PASSWORD is required (printed once by `bash deploy/local/kafka.sh partner add <clientId>`)',
    );
  const kafka = new Kafka({
    clientId: `partner-${clientId}-example`,
    brokers,
    sasl: { mechanism: 'scram-sha-512', username: `partner-${clientId}`, password },
    logLevel: logLevel.WARN,
  });
  // The partner's ACLs allow consumer groups named partner-<clientId>.*
  const consumer = kafka.consumer({ groupId: `partner-${clientId}.example-${process.pid}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: process.env.FROM_BEGINNING !== 'false' });
  process.stdout.write(`reading ${topic} as partner-${clientId}\n`);
  let seen = 0;
  let last = Date.now();
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      seen += 1;
      last = Date.now();
      const decoded = decodePartnerRecord(message);
      const at = `p${partition}@${message.offset}`;
      if (decoded.ok) process.stdout.write(`${at} ${describe(decoded.event)}\n`);
      else process.stdout.write(`${at} refused (${decoded.reason}): ${decoded.errors.join('; ')}\n`);
    },
  });
  const stop = async (): Promise<void> => {
    await consumer.disconnect();
    process.stdout.write(`${seen} record(s) read from ${topic}\n`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (idleExitMs !== undefined) {
    const timer = setInterval(() => {
      if (Date.now() - last > idleExitMs) {
        clearInterval(timer);
        void stop();
      }
    }, 500);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
