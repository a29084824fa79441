import { prefixedTopic } from '@legal/contracts';
import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { AnyEventDefinition } from '../event-definition.types';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { ConsumerRegistration } from './consumer-registration';
import { ConsumerRunner, ConsumerRunnerOptions, DEFAULT_RUNNER_OPTIONS } from './consumer-runner';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { MessageProcessor } from './message-processor';
import type { EventSealing } from '../sealing/event-sealing';

export interface MessageConsumersContext {
  serviceName: string;
  topicPrefix: string;
  kafka: Kafka;
  dataSource: DataSource;
  deadLetters: DeadLetterPublisher;
  /** Opens sealed personal-data fields; without it such events are dead-lettered as unsealable. */
  sealing?: EventSealing;
  metrics?: MessagingMetrics;
  runnerOptions?: Partial<ConsumerRunnerOptions>;
  /** Runners wait for this (topic provisioning) before subscribing. */
  topicsReady?: Promise<void>;
}

/** Runner options of one group: defaults, then the service's overrides, then the registration's own. */
export function runnerOptionsFor(
  registration: Pick<
    ConsumerRegistration<AnyEventDefinition>,
    'group' | 'partitionsConsumedConcurrently' | 'recordsPerTransaction'
  >,
  overrides: Partial<ConsumerRunnerOptions> = {},
): ConsumerRunnerOptions {
  const own: Partial<ConsumerRunnerOptions> = {};
  for (const key of ['partitionsConsumedConcurrently', 'recordsPerTransaction'] as const) {
    const value = registration[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`consumer group "${registration.group}": ${key} must be a positive integer, got ${value}`);
    own[key] = value;
  }
  return { ...DEFAULT_RUNNER_OPTIONS, ...overrides, ...own };
}

const GROUP_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * The service's consumer groups. Modules register in `onModuleInit`; the runners start after
 * application bootstrap (a registration made later starts at once).
 */
export class MessageConsumers {
  private readonly logger = new Logger(MessageConsumers.name);
  private readonly registered = new Map<string, ConsumerRunner>();
  private started = false;
  private stopped = false;

  constructor(private readonly context: MessageConsumersContext) {}

  register<D extends AnyEventDefinition>(registration: ConsumerRegistration<D>): void {
    if (this.stopped) throw new Error('MessageConsumers is stopped');
    if (!GROUP_NAME.test(registration.group))
      throw new Error(`consumer group name "${registration.group}" must be lower-case letters, digits, . _ -`);
    if (this.registered.has(registration.group))
      throw new Error(`consumer group "${registration.group}" is registered twice`);
    if (registration.events.length === 0) throw new Error(`consumer group "${registration.group}" accepts no events`);
    const { context } = this;
    const groupId = prefixedTopic(context.topicPrefix, `${context.serviceName}.${registration.group}`);
    const topics = [...new Set(registration.events.map((e) => prefixedTopic(context.topicPrefix, e.topic)))];
    // The processor only hands the handler events whose type is in `events` and whose payload passed
    // that type's schema, which is exactly what the narrower handler signature promises.
    const general = registration as unknown as ConsumerRegistration<AnyEventDefinition>;
    const processor = new MessageProcessor({
      registration: general,
      groupId,
      serviceName: context.serviceName,
      dataSource: context.dataSource,
      deadLetters: context.deadLetters,
      metrics: context.metrics,
      sealing: context.sealing,
    });
    const options = runnerOptionsFor(registration, context.runnerOptions);
    const runner = new ConsumerRunner(context.kafka, groupId, topics, processor, options, context.topicsReady);
    this.registered.set(registration.group, runner);
    this.logger.log({
      msg: 'consumer registered',
      group: groupId,
      topics,
      events: registration.events.map((e) => e.type),
    });
    if (this.started) runner.start();
  }

  runners(): ConsumerRunner[] {
    return [...this.registered.values()];
  }

  startAll(): void {
    this.started = true;
    for (const runner of this.registered.values()) runner.start();
  }

  /** True when every runner has joined its group within `timeoutMs`. */
  async whenRunning(timeoutMs: number): Promise<boolean> {
    const results = await Promise.all(this.runners().map((r) => r.whenRunning(timeoutMs)));
    return results.every(Boolean);
  }

  async stopAll(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.runners().map((r) => r.stop()));
  }
}
