import { COMPACTED_TOPIC_NAMES, prefixedTopic } from '@legal/contracts';
import { ConfigResourceTypes, Kafka } from 'kafkajs';

/**
 * Topics of the contracts kept by key rather than by time (`legal.calendar`: the newest notice of each
 * year must outlive the 7-day retention of event topics, so an instance started months later still reads
 * it). Their dead-letter twins keep the usual dead-letter retention.
 */
export function isCompactedTopic(prefix: string, physical: string): boolean {
  return COMPACTED_TOPIC_NAMES.some((t) => prefixedTopic(prefix, t) === physical);
}

/** The topic configuration to create a topic with. */
export function topicConfigEntries(
  prefix: string,
  physical: string,
  retentionMs: number,
): { name: string; value: string }[] {
  if (!isCompactedTopic(prefix, physical)) return [{ name: 'retention.ms', value: String(retentionMs) }];
  return [
    { name: 'cleanup.policy', value: 'compact' },
    { name: 'retention.ms', value: '-1' },
  ];
}

/**
 * Makes existing compacted topics compacted (a broker provisioned before the topic was declared compacted
 * has it with time retention). Needs ALTER_CONFIGS: the provisioning step (admin principal) runs it.
 * Returns the topics it altered.
 */
export async function ensureCompaction(kafka: Kafka, prefix: string): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = COMPACTED_TOPIC_NAMES.map((t) => prefixedTopic(prefix, t)).filter((t) => existing.has(t));
    if (topics.length === 0) return [];
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['cleanup.policy', 'retention.ms'],
      })),
    });
    const wrong = described.resources
      .filter((r) => {
        const policy = r.configEntries.find((c) => c.configName === 'cleanup.policy')?.configValue;
        const retention = r.configEntries.find((c) => c.configName === 'retention.ms')?.configValue;
        return policy !== 'compact' || retention !== '-1';
      })
      .map((r) => r.resourceName);
    if (wrong.length === 0) return [];
    await admin.alterConfigs({
      validateOnly: false,
      resources: wrong.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configEntries: topicConfigEntries(prefix, name, -1),
      })),
    });
    return wrong;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
