import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { partnerFeedTopic, prefixedTopic, TOPICS } from '@legal/contracts';
import {
  kafkaAdminCredentialsFromEnv,
  partnerAcls,
  partnerPrincipalName,
  reconcileAcls,
  saslOptions,
  serviceAcls,
  userPrincipal,
} from '@legal/messaging';
import type { KafkaCredentials } from '@legal/messaging';
import { uniqueTag } from '@legal/testing';
import { Admin, Kafka, logLevel, Partitioners, SASLOptions } from 'kafkajs';

/**
 * The real broker enforces who may do what: no client gets in without SASL/SCRAM, and a principal with the
 * ACLs derived from the contracts can do exactly what its service does. Runs against the shared broker
 * (KAFKA_BROKERS, default 127.0.0.1:9092) with temporary SCRAM users and ACLs on its own topic prefix.
 */
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const KAFKA_SH = path.join(__dirname, '..', '..', 'deploy', 'local', 'kafka.sh');
const tag = uniqueTag('kafkaacl');
const admin = kafkaAdminCredentialsFromEnv();

function client(clientId: string, sasl: SASLOptions | undefined): Kafka {
  return new Kafka({
    clientId,
    brokers: BROKERS,
    sasl,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 1, initialRetryTime: 100 },
  });
}

/** SCRAM users are the broker tool's business (kafkajs cannot create them): deploy/local/kafka.sh user ... */
function scramUser(action: 'add' | 'delete', name: string, password = ''): void {
  execFileSync('bash', [KAFKA_SH, 'user', action, name], {
    env: { ...process.env, KAFKA_PORT: BROKERS[0].split(':')[1], KAFKA_USER_PASSWORD: password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The first record of `topic` read as group `groupId`, or the error that stopped the consumer. */
async function readOne(kafka: Kafka, topic: string, groupId: string, timeoutMs = 20000): Promise<string> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000, retry: { retries: 1 } });
  try {
    await consumer.connect();
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing read from ${topic} in ${timeoutMs} ms`)), timeoutMs);
      consumer.on(consumer.events.CRASH, (e) => {
        clearTimeout(timer);
        reject(e.payload.error);
      });
      consumer
        .subscribe({ topics: [topic], fromBeginning: true })
        .then(() =>
          consumer.run({
            eachMessage: async ({ message }) => {
              clearTimeout(timer);
              resolve(message.value?.toString() ?? '');
            },
          }),
        )
        .catch((e: unknown) => {
          clearTimeout(timer);
          reject(e);
        });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

async function produce(kafka: Kafka, topic: string, value: string): Promise<void> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    retry: { retries: 1 },
  });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value }] });
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

const AUTHZ = /AUTHORIZATION_FAILED|not authorized/i;

/** The error of a failed call with the broker's error types of an aggregate (kafkajs nests them). */
async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'succeeded';
  } catch (e) {
    const nested = (e as { errors?: unknown[] }).errors ?? [];
    return [e, ...nested].map((x) => `${(x as { type?: string }).type ?? ''} ${(x as Error).message}`).join('; ');
  }
}

describe('the Kafka broker: authentication and contract ACLs', () => {
  const portal: KafkaCredentials = { username: `${tag}-portal`, password: randomBytes(18).toString('hex') };
  const partnerId = `${tag}-court`;
  const otherPartnerId = `${tag}-police`;
  const partner: KafkaCredentials = {
    username: partnerPrincipalName(partnerId),
    password: randomBytes(18).toString('hex'),
  };
  const managed = new Set([userPrincipal(portal.username), userPrincipal(partner.username)]);
  const topic = (name: string): string => prefixedTopic(tag, name);
  let adminClient: Admin;

  beforeAll(async () => {
    scramUser('add', portal.username, portal.password);
    scramUser('add', partner.username, partner.password);
    adminClient = client(`${tag}-admin`, saslOptions(admin)).admin();
    await adminClient.connect();
    const topics = [
      TOPICS.intakeSubmitted.name,
      TOPICS.intakeOutcome.name,
      `${TOPICS.intakeOutcome.name}.dlq`,
      TOPICS.workOrderChanged.name,
      TOPICS.workOrderDispatch.name,
      partnerFeedTopic(partnerId),
      partnerFeedTopic(otherPartnerId),
    ].map(topic);
    await adminClient.createTopics({
      waitForLeaders: true,
      topics: topics.map((t) => ({ topic: t, numPartitions: 1 })),
    });
    const desired = [...serviceAcls('portal', tag, portal.username), ...partnerAcls(partnerId, tag)];
    const report = await reconcileAcls(adminClient, desired, (p) => managed.has(p));
    expect(report.created).toHaveLength(desired.length);
    // Idempotent: a second run changes nothing.
    const again = await reconcileAcls(adminClient, desired, (p) => managed.has(p));
    expect({ created: again.created.length, deleted: again.deleted.length }).toEqual({ created: 0, deleted: 0 });
    const adminKafka = client(`${tag}-admin-p`, saslOptions(admin));
    await produce(adminKafka, topic(TOPICS.intakeOutcome.name), 'outcome-1');
    await produce(adminKafka, topic(TOPICS.workOrderDispatch.name), 'dispatch-1');
    await produce(adminKafka, topic(partnerFeedTopic(partnerId)), 'feed-own');
    await produce(adminKafka, topic(partnerFeedTopic(otherPartnerId)), 'feed-other');
  });

  afterAll(async () => {
    if (adminClient) {
      await reconcileAcls(adminClient, [], (p) => managed.has(p)).catch(() => undefined);
      const mine = (await adminClient.listTopics()).filter((t) => t.startsWith(`${tag}.`));
      await adminClient.deleteTopics({ topics: mine }).catch(() => undefined);
      const groups = (await adminClient.listGroups()).groups
        .map((g) => g.groupId)
        .filter((g) => g.startsWith(`${tag}.`));
      await adminClient.deleteGroups(groups).catch(() => undefined);
      await adminClient.disconnect();
    }
    scramUser('delete', portal.username);
    scramUser('delete', partner.username);
  });

  it('refuses a client without SASL', async () => {
    const kafka = client(`${tag}-anonymous`, undefined);
    const probe = kafka.admin();
    await expect(
      (async () => {
        await probe.connect();
        await probe.listTopics();
      })(),
    ).rejects.toThrow();
    await probe.disconnect().catch(() => undefined);
  });

  it('refuses a wrong password', async () => {
    const probe = client(
      `${tag}-wrong`,
      saslOptions({ username: portal.username, password: 'wrong-password' }),
    ).admin();
    await expect(probe.connect()).rejects.toThrow(/SASL|authentication/i);
    await probe.disconnect().catch(() => undefined);
  });

  it('lets a service principal do what the contracts allow: produce its intakes, consume outcomes in its own group', async () => {
    const kafka = client(`${tag}-portal`, saslOptions(portal));
    await produce(kafka, topic(TOPICS.intakeSubmitted.name), 'intake-1');
    await expect(readOne(kafka, topic(TOPICS.intakeOutcome.name), topic('portal.intake-outcomes'))).resolves.toBe(
      'outcome-1',
    );
    await produce(kafka, topic(`${TOPICS.intakeOutcome.name}.dlq`), 'a dead letter');
  });

  it('denies a service principal what the contracts do not give it', async () => {
    const kafka = client(`${tag}-portal-x`, saslOptions(portal));
    // a topic it does not consume (dispatch is for the handler services)
    await expect(readOne(kafka, topic(TOPICS.workOrderDispatch.name), topic('portal.snoop'))).rejects.toThrow(AUTHZ);
    // a topic it does not produce (only work-order writes the lifecycle stream): forging events
    await expect(produce(kafka, topic(TOPICS.workOrderChanged.name), 'forged')).rejects.toThrow(AUTHZ);
    // another service's consumer group, on a topic it may read (the same read in its own group works above):
    // FindCoordinator needs DESCRIBE on the group, the broker answers GROUP_AUTHORIZATION_FAILED, which
    // kafkajs reports as "Failed to find group coordinator"
    await expect(readOne(kafka, topic(TOPICS.intakeOutcome.name), topic('work-order.intake'))).rejects.toThrow(
      /AUTHORIZATION_FAILED|not authorized|group coordinator/i,
    );
    // creating topics, or a partner's feed
    const probe = kafka.admin();
    await probe.connect();
    try {
      expect(await failure(probe.createTopics({ topics: [{ topic: topic('legal.something.new') }] }))).toMatch(
        /TOPIC_AUTHORIZATION_FAILED/,
      );
      expect(await failure(probe.createTopics({ topics: [{ topic: topic(partnerFeedTopic('someone')) }] }))).toMatch(
        /TOPIC_AUTHORIZATION_FAILED/,
      );
      expect((await probe.listTopics()).filter((t) => t.startsWith(`${tag}.`)).sort()).toEqual(
        [
          TOPICS.intakeSubmitted.name,
          TOPICS.intakeOutcome.name,
          `${TOPICS.intakeOutcome.name}.dlq`,
          TOPICS.workOrderChanged.name,
        ]
          .map(topic)
          .sort(),
      );
    } finally {
      await probe.disconnect();
    }
  });

  it('lets a partner principal read its own feed topic and nothing else', async () => {
    const kafka = client(`${tag}-partner`, saslOptions(partner));
    await expect(readOne(kafka, topic(partnerFeedTopic(partnerId)), topic(`${partner.username}.feed`))).resolves.toBe(
      'feed-own',
    );
    await expect(
      readOne(kafka, topic(partnerFeedTopic(otherPartnerId)), topic(`${partner.username}.other`)),
    ).rejects.toThrow(AUTHZ);
    await expect(
      readOne(kafka, topic(TOPICS.workOrderChanged.name), topic(`${partner.username}.changed`)),
    ).rejects.toThrow(AUTHZ);
    await expect(produce(kafka, topic(partnerFeedTopic(partnerId)), 'forged feed item')).rejects.toThrow(AUTHZ);
  });
});
