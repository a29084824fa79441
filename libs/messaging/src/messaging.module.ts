import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  InjectionToken,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { MetricsRegistry } from '@legal/observability';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { ConsumerRunnerOptions } from './consumer/consumer-runner';
import { MessageConsumers } from './consumer/message-consumers';
import type { HealthCheckSink } from './health/messaging-health';
import { KAFKA, KAFKA_SETTINGS, KafkaSettings } from './kafka.module';
import type { InboxRetentionOptions } from './inbox/inbox-purger';
import { MessagingRuntime } from './messaging-runtime';
import type { OutboxRelayOptions } from './outbox/outbox-relay';
import { Outbox } from './outbox/outbox.service';
import { TransitSealer } from '@legal/privacy';
import { EventSealing } from './sealing/event-sealing';

export interface MessagingModuleOptions {
  serviceName: string;
  relay?: Partial<OutboxRelayOptions> & { enabled?: boolean };
  consumers?: Partial<ConsumerRunnerOptions>;
  inbox?: Partial<InboxRetentionOptions>;
  /** How long application bootstrap waits for consumer groups to join (0: not at all; see MessagingRuntime). */
  startupWaitMs?: number;
  /**
   * Token of the readiness registry (the service kit passes `HealthRegistry`): handed in rather than
   * imported, because @legal/health already depends on this library.
   */
  healthRegistry?: InjectionToken;
}

const HEALTH_BINDING = Symbol('MESSAGING_HEALTH_BINDING');

/**
 * Outbox, relay, topic provisioning and consumers for one service. Global: any module can inject
 * `Outbox` and `MessageConsumers`. Needs the global KafkaModule, TypeORM's DataSource and
 * (optionally) MetricsRegistry, all provided by the service kit.
 */
@Module({})
export class MessagingModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(MessagingRuntime) private readonly runtime: MessagingRuntime) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const healthBinding = options.healthRegistry
      ? [
          {
            provide: HEALTH_BINDING,
            useFactory: (runtime: MessagingRuntime, sink: HealthCheckSink) => runtime.health.registerWith(sink),
            inject: [MessagingRuntime, options.healthRegistry],
          },
        ]
      : [];
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: MessagingRuntime,
          useFactory: (
            dataSource: DataSource,
            kafka: Kafka,
            settings: KafkaSettings,
            metrics?: MetricsRegistry,
            sealer?: TransitSealer,
          ) =>
            new MessagingRuntime({
              serviceName: options.serviceName,
              dataSource,
              kafka,
              topicPrefix: settings.topicPrefix,
              partitions: settings.partitions,
              topicRetention: settings.retention,
              metricsRegistry: metrics?.registry,
              relay: options.relay,
              consumers: options.consumers,
              inbox: options.inbox,
              startupWaitMs: options.startupWaitMs,
              sealing: sealer ? EventSealing.checked(sealer, options.serviceName) : undefined,
            }),
          inject: [
            DataSource,
            KAFKA,
            KAFKA_SETTINGS,
            { token: MetricsRegistry, optional: true },
            { token: TransitSealer, optional: true },
          ],
        },
        { provide: Outbox, useFactory: (runtime: MessagingRuntime) => runtime.outbox, inject: [MessagingRuntime] },
        {
          provide: MessageConsumers,
          useFactory: (runtime: MessagingRuntime) => runtime.consumers,
          inject: [MessagingRuntime],
        },
        ...healthBinding,
      ],
      exports: [MessagingRuntime, Outbox, MessageConsumers],
    };
  }

  /** After every module's onModuleInit, so all consumers are registered by now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  /** Before TypeORM closes its pool: consumers finish in-flight records, the relay its round. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
