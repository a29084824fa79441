import { deadLetterTopic, prefixedTopic, TOPICS } from '@legal/contracts';
import { TopicProvisioner } from '../src/topics/topic-provisioner';
import { ConfigResourceTypes } from 'kafkajs';
import { cleanup, isolation, kafkaClient, quietLogs } from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(60_000);

/** Topics are created with explicit retention: events for the configured window, dead letters until handled. */
describe('topic retention (real Kafka)', () => {
  const { prefix } = isolation('retention');
  const kafka = kafkaClient('retention-test');
  afterAll(() => cleanup(prefix, []));

  it('creates event topics with the event retention and their .dlq twins with the dead-letter retention', async () => {
    const logical = TOPICS.workOrderChanged.name;
    const provisioner = new TopicProvisioner(kafka, {
      topicPrefix: prefix,
      partitions: 1,
      logicalTopics: [logical],
      retention: { topicMs: 3 * 86_400_000, deadLetterMs: -1 },
    });
    const created = await provisioner.ensureTopics();
    const topic = prefixedTopic(prefix, logical);
    expect(created.sort()).toEqual([topic, deadLetterTopic(topic)].sort());

    const admin = kafka.admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [topic, deadLetterTopic(topic)].map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ['retention.ms'],
        })),
      });
      const retention = Object.fromEntries(
        described.resources.map((r) => [
          r.resourceName,
          r.configEntries.find((e) => e.configName === 'retention.ms')?.configValue,
        ]),
      );
      expect(retention).toEqual({ [topic]: String(3 * 86_400_000), [deadLetterTopic(topic)]: '-1' });
    } finally {
      await admin.disconnect();
    }
    expect(await provisioner.ensureTopics()).toEqual([]);
  });
});
