import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { ClientConfig } from 'pg';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ConsumerRunnerOptions } from './consumer/consumer-runner';
import { DeadLetterPublisher } from './consumer/dead-letter.publisher';
import { MessageConsumers } from './consumer/message-consumers';
import { DEFAULT_INBOX_RETENTION, InboxPurger, InboxRetentionOptions } from './inbox/inbox-purger';
import { MessagingHealth } from './health/messaging-health';
import { outboxChannel, schemaName } from './messaging-persistence';
import { ConsumerLagCollector } from './metrics/consumer-lag.collector';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { OutboxBacklogProbe } from './outbox/outbox-backlog.probe';
import { LocalCommitCredits } from './outbox/local-commit-credits';
import { OutboxCommitWatcher } from './outbox/outbox-commit.watcher';
import { OutboxNotificationListener } from './outbox/outbox-notification.listener';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay, OutboxRelayOptions } from './outbox/outbox-relay';
import { Outbox } from './outbox/outbox.service';
import { OutboxStore } from './outbox/outbox.store';
import { withTimeout } from './retry/backoff';
import type { TopicRetention } from './kafka.module';
import { TopicProvisioner } from './topics/topic-provisioner';
import { EventSealing } from './sealing/event-sealing';
import { topicsNeededBy } from './security/kafka-acls';

export interface MessagingRuntimeOptions {
  serviceName: string;
  dataSource: DataSource;
  kafka: Kafka;
  topicPrefix: string;
  partitions: number;
  /** Retention of the topics this runtime creates (default: 7 days, dead letters forever). */
  topicRetention?: TopicRetention;
  /** The application's Prometheus registry; no metrics without one. */
  metricsRegistry?: Registry;
  /** `enabled: false` runs no relay in this instance (events still go to the outbox). */
  relay?: Partial<OutboxRelayOptions> & { enabled?: boolean };
  consumers?: Partial<ConsumerRunnerOptions>;
  /** Retention of processed-event ids (default 30 days, purged every 10 minutes). */
  inbox?: Partial<InboxRetentionOptions>;
  /**
   * How long `start()` waits for topics and consumer groups before carrying on in the background (default 20 s);
   * 0 does not wait: the service kit listens at once and readiness shows the groups still joining.
   */
  startupWaitMs?: number;
  /**
   * Seals/opens personal-data fields of events (the service's TransitSealer). Defaults to the
   * development keys of `serviceName` outside production; in production it must be given. `null`: this
   * process holds no transit keys (it skips events sealed for others and dead-letters those sealed for it).
   */
  sealing?: EventSealing | null;
}

function listenerConnection(dataSource: DataSource, applicationName: string): ClientConfig {
  const o = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  return o.url
    ? { connectionString: o.url, application_name: applicationName }
    : {
        host: o.host,
        port: o.port,
        user: o.username,
        password: o.password,
        database: o.database,
        application_name: applicationName,
      };
}

/**
 * Everything messaging needs in one process, wired without Nest (MessagingModule wraps it; tests,
 * fixtures and scripts use it directly): outbox, relay + LISTEN wake-up, topic provisioning,
 * consumers with DLQ, metrics and health.
 */
export class MessagingRuntime {
  readonly outbox: Outbox;
  readonly consumers: MessageConsumers;
  readonly relay: OutboxRelay | undefined;
  readonly health: MessagingHealth;
  readonly topics: TopicProvisioner;
  readonly metrics: MessagingMetrics | undefined;
  readonly inboxPurger: InboxPurger;
  readonly sealing: EventSealing | undefined;
  private readonly logger = new Logger(MessagingRuntime.name);
  private readonly abort = new AbortController();
  private readonly listener: OutboxNotificationListener | undefined;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly lag: ConsumerLagCollector;
  private readonly topicsReady: Promise<void>;
  private releaseTopicsGate: () => void = () => undefined;
  private started = false;

  constructor(private readonly options: MessagingRuntimeOptions) {
    const { dataSource, kafka, serviceName } = options;
    const schema = schemaName(dataSource.options);
    const store = new OutboxStore(dataSource.options);
    const backlog = new OutboxBacklogProbe(dataSource, store);
    // A known service ensures its own topics only (what the contracts let it produce and consume, and the
    // dead letters of what it consumes: exactly what its broker principal may see); anything else, all.
    const own = topicsNeededBy(serviceName);
    this.topics = own
      ? new TopicProvisioner(kafka, {
          topicPrefix: options.topicPrefix,
          partitions: options.partitions,
          logicalTopics: [...own.topics, ...own.deadLetters],
          retention: options.topicRetention,
          deadLetters: 'as-listed',
        })
      : new TopicProvisioner(kafka, {
          topicPrefix: options.topicPrefix,
          partitions: options.partitions,
          retention: options.topicRetention,
        });
    // Consumers subscribe only after this run's topic provisioning finished (or was abandoned).
    this.topicsReady = new Promise((resolve) => (this.releaseTopicsGate = resolve));
    this.lag = new ConsumerLagCollector(kafka, () =>
      this.consumers.runners().map((r) => ({ groupId: r.groupId, topics: r.topics })),
    );
    this.metrics = options.metricsRegistry
      ? new MessagingMetrics(options.metricsRegistry, {
          backlog: () => backlog.read(),
          consumerLag: () => this.lag.collect(),
        })
      : undefined;
    const commits = new OutboxCommitWatcher();
    const notifyToken = randomUUID();
    this.sealing =
      options.sealing === null
        ? undefined
        : (options.sealing ??
          (process.env.NODE_ENV === 'production' ? undefined : EventSealing.development(serviceName)));
    this.outbox = new Outbox(serviceName, commits, this.sealing, notifyToken);
    this.deadLetters = new DeadLetterPublisher(kafka, this.metrics);
    this.consumers = new MessageConsumers({
      serviceName,
      topicPrefix: options.topicPrefix,
      kafka,
      dataSource,
      deadLetters: this.deadLetters,
      sealing: this.sealing,
      metrics: this.metrics,
      runnerOptions: options.consumers,
      topicsReady: this.topicsReady,
    });
    const { enabled = true, ...relayOptions } = options.relay ?? {};
    if (enabled) {
      const relay = new OutboxRelay({
        dataSource,
        kafka,
        topicPrefix: options.topicPrefix,
        store,
        options: { ...DEFAULT_RELAY_OPTIONS, ...relayOptions },
        metrics: this.metrics,
        listening: () => this.listener?.isListening() ?? false,
      });
      this.relay = relay;
      const credits = new LocalCommitCredits();
      commits.onCommit(() => {
        credits.add();
        relay.wake();
      });
      this.listener = new OutboxNotificationListener(
        listenerConnection(dataSource, `${serviceName}-outbox-listener`),
        outboxChannel(schema),
        (payload) => {
          // This process's own commit: the watcher woke the relay already (another round would find nothing).
          if (payload === notifyToken && credits.take()) return;
          if (payload === undefined) credits.clear();
          relay.wake();
        },
      );
    }
    this.inboxPurger = new InboxPurger(dataSource, { ...DEFAULT_INBOX_RETENTION, ...options.inbox });
    this.health = new MessagingHealth(this.relay, backlog, this.consumers);
  }

  /** Provisions topics, starts the relay and the consumers; waits (bounded) until they are up. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const wait = this.options.startupWaitMs ?? 20000;
    const provisioning = this.topics.whenReady(this.abort.signal).finally(() => this.releaseTopicsGate());
    provisioning.catch(() => undefined);
    this.listener?.start();
    void this.topicsReady.then(() => {
      if (!this.abort.signal.aborted) this.relay?.start();
    });
    this.consumers.startAll();
    this.inboxPurger.start();
    if (wait > 0) await this.whenUp(wait);
  }

  /**
   * True once this run's topics are provisioned and every consumer group has joined; false after `timeoutMs`
   * (everything keeps connecting in the background). The service kit awaits it after `listen` in tests.
   */
  async whenUp(timeoutMs: number): Promise<boolean> {
    const up = await withTimeout(
      this.topicsReady.then(() => this.consumers.whenRunning(timeoutMs)),
      timeoutMs,
      'timed out',
    ).catch(() => false);
    const msg = `messaging not fully up after ${timeoutMs} ms; continuing to connect in the background`;
    if (!up) this.logger.warn({ msg });
    return up;
  }

  /** Consumers first (finish in-flight records, commit), then the relay, then connections. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.releaseTopicsGate();
    await this.consumers.stopAll();
    await this.inboxPurger.stop();
    await this.relay?.stop();
    await this.listener?.stop();
    await this.deadLetters.stop();
    await this.lag.stop();
  }
}
