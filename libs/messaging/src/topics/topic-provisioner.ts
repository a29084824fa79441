import { ALL_TOPIC_NAMES, deadLetterTopic, prefixedTopic } from '@legal/contracts';
import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DEFAULT_TOPIC_RETENTION, TopicRetention } from '../kafka.module';
import { BackoffPolicy, backoffDelay, sleep } from '../retry/backoff';
import { topicConfigEntries } from './compacted-topics';
import { describeError } from '@legal/observability';

/**
 * Creates topics of the contracts (each with its `.dlq` twin, or as listed) with explicit partitions and
 * retention (dead letters are kept until handled: nothing is lost to a retention window), prefixed for
 * the deployment. Idempotent and safe when several services start at once: existing topics are
 * skipped, and a topic another service created a moment earlier counts as success.
 *
 * On an authorised broker a service principal sees (DESCRIBE) only its own topics and may not create
 * them: the provisioning step (admin principal, `deploy/local/kafka.sh provision`, compose `kafka-init`)
 * creates every topic beforehand, so nothing is missing here. A topic still missing that cannot be
 * created is reported and retried until the provisioning step has run.
 */
/** Which topics a TopicProvisioner creates, and how. */
export interface TopicPlan {
  topicPrefix: string;
  partitions: number;
  /** Logical topic names; default: every topic of the contracts. */
  logicalTopics?: readonly string[];
  retention?: TopicRetention;
  /**
   * 'twin-each' (default): each topic gets its `.dlq` twin; 'as-listed': `logicalTopics` already lists the
   * `.dlq` topics wanted (a service's own set).
   */
  deadLetters?: 'twin-each' | 'as-listed';
}

export class TopicProvisioner {
  private readonly logger = new Logger(TopicProvisioner.name);
  private ready: Promise<void> | undefined;
  private readonly topicPrefix: string;
  private readonly partitions: number;
  private readonly logicalTopics: readonly string[];
  private readonly retention: TopicRetention;
  private readonly withDeadLetterTwins: boolean;

  constructor(
    private readonly kafka: Kafka,
    plan: TopicPlan,
  ) {
    this.topicPrefix = plan.topicPrefix;
    this.partitions = plan.partitions;
    this.logicalTopics = plan.logicalTopics ?? ALL_TOPIC_NAMES;
    this.retention = plan.retention ?? DEFAULT_TOPIC_RETENTION;
    this.withDeadLetterTwins = (plan.deadLetters ?? 'twin-each') === 'twin-each';
  }

  /** Each topic and its retention: the event topic, then its `.dlq` twin. */
  private topicSpecs(): { name: string; retentionMs: number }[] {
    return this.logicalTopics.flatMap((topic) => {
      const physical = prefixedTopic(this.topicPrefix, topic);
      if (!this.withDeadLetterTwins) {
        return [
          {
            name: physical,
            retentionMs: topic.endsWith('.dlq') ? this.retention.deadLetterMs : this.retention.topicMs,
          },
        ];
      }
      return [
        { name: physical, retentionMs: this.retention.topicMs },
        { name: deadLetterTopic(physical), retentionMs: this.retention.deadLetterMs },
      ];
    });
  }

  /** One attempt; returns the topics it created. */
  async ensureTopics(): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = this.topicSpecs().filter((t) => !existing.has(t.name));
      if (missing.length === 0) return [];
      // Resolves false (no throw) when all of them exist already, e.g. created concurrently by another service.
      try {
        await admin.createTopics({
          waitForLeaders: true,
          timeout: 15000,
          topics: missing.map((t) => ({
            topic: t.name,
            numPartitions: this.partitions,
            configEntries: topicConfigEntries(this.topicPrefix, t.name, t.retentionMs),
          })),
        });
      } catch (e) {
        if (!isAuthorizationError(e)) throw e;
        throw new Error(
          `Kafka topics ${missing.map((t) => t.name).join(', ')} do not exist (or are not visible) and this principal may not create them: ` +
            'run the provisioning step (deploy/local/kafka.sh provision, compose kafka-init)',
          { cause: e },
        );
      }
      const names = missing.map((t) => t.name);
      this.logger.log({ msg: 'created Kafka topics', topics: names, partitions: this.partitions });
      return names;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Retries until it succeeds or `signal` aborts; concurrent callers share one attempt chain. */
  whenReady(signal: AbortSignal, backoff: BackoffPolicy = { initialMs: 500, maxMs: 10000 }): Promise<void> {
    this.ready ??= (async () => {
      for (let attempt = 1; !signal.aborted; attempt++) {
        try {
          await this.ensureTopics();
          return;
        } catch (e) {
          if (attempt === 1 || attempt % 10 === 0) {
            this.logger.warn({ msg: 'cannot create Kafka topics yet; retrying', attempt, error: describeError(e) });
          }
          await sleep(backoffDelay(attempt, backoff), signal);
        }
      }
      throw new Error('topic provisioning aborted');
    })();
    return this.ready;
  }
}

function isAuthorizationError(e: unknown): boolean {
  const errors = (e as { errors?: unknown[] } | undefined)?.errors;
  const all = [e, ...(Array.isArray(errors) ? errors : [])];
  return all.some((x) =>
    /AUTHORIZATION_FAILED|not authorized/i.test(
      `${(x as { type?: string })?.type ?? ''} ${(x as Error)?.message ?? ''}`,
    ),
  );
}
