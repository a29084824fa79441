import { CloudEvent, prefixedTopic } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { createKafka, encodeCloudEvent, sealCloudEvent, EventCollector } from '@legal/messaging';
import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, TestTokenClaims, uniqueTag } from '@legal/testing';
import type { TSchema } from '@sinclair/typebox';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { WorkOrderEnv } from '../src/config/work-order.env';
import { workOrderService } from '../src/work-order.definition';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/**
 * One isolated work-order deployment on the real stack: own schema, topic prefix and Redis prefix
 * (shared by every instance it starts), a token authority, a producer that plays the other services,
 * and a collector of everything the service emits.
 */
export class WorkOrderHarness {
  readonly instances: RunningService<WorkOrderEnv>[] = [];
  collector!: EventCollector;
  private producer!: Producer;

  private constructor(
    readonly tag: string,
    readonly auth: TestAuthority,
    private readonly extra: Record<string, unknown>,
  ) {}

  static async start(label: string, extra: Record<string, unknown> = {}, instances = 1): Promise<WorkOrderHarness> {
    const harness = new WorkOrderHarness(uniqueTag(label), await TestAuthority.create(), extra);
    for (let i = 0; i < instances; i++) await harness.startInstance();
    harness.producer = createKafka({
      brokers: BROKERS,
      clientId: `${harness.tag}-test-producer`,
      topicPrefix: '',
      partitions: 1,
    }).producer({ allowAutoTopicCreation: false });
    await harness.producer.connect();
    harness.collector = await EventCollector.start(
      BROKERS,
      ['legal.intake.outcome', 'legal.workorder.dispatch', 'legal.workorder.changed', 'legal.workorder.deadline'].map(
        (t) => harness.topic(t),
      ),
    );
    return harness;
  }

  /** Starts another instance on the same schema, topics and Redis keys. */
  async startInstance(): Promise<RunningService<WorkOrderEnv>> {
    const running = await startService(
      workOrderService,
      isolatedOverrides(this.tag, 'wo', { ...this.auth.env, ...this.extra }),
    );
    this.instances.push(running);
    return running;
  }

  topic(name: string): string {
    return prefixedTopic(this.tag, name);
  }

  get http(): ReturnType<typeof request> {
    return request(this.instances[0].url);
  }

  dataSource(i = 0): DataSource {
    return this.instances[i].app.get(DataSource);
  }

  get schema(): string {
    return this.instances[0].env.DB_SCHEMA;
  }

  bearer(claims: TestTokenClaims): Promise<string> {
    return this.auth.bearer(claims);
  }

  /** Publishes an event as another service would (CloudEvents binary mode on the prefixed topic). */
  async publish<D extends { type: string; topic: string; schema: TSchema }>(
    definition: D,
    data: EventData<D>,
    subject: string,
  ): Promise<CloudEvent<EventData<D>>> {
    const event: CloudEvent<EventData<D>> = {
      id: randomUUID(),
      source: '/legal/test',
      type: definition.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    };
    const record = encodeCloudEvent(await sealCloudEvent(event));
    await this.producer.send({
      topic: this.topic(definition.topic),
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    return event;
  }

  /** Events of one type the service emitted so far (optionally filtered). */
  events<T>(type: string, where: (data: T) => boolean = () => true): CloudEvent<T>[] {
    return this.collector.events().filter((e) => e.type === type && where(e.data as T)) as CloudEvent<T>[];
  }

  async waitForEvent<T>(
    type: string,
    where: (data: T) => boolean = () => true,
    timeoutMs = 30000,
  ): Promise<CloudEvent<T>> {
    const [record] = await this.collector.waitFor(
      (r) => r.event?.type === type && where(r.event.data as T),
      1,
      timeoutMs,
    );
    return record.event as CloudEvent<T>;
  }

  async stop(): Promise<void> {
    await this.collector?.stop();
    await this.producer?.disconnect().catch(() => undefined);
    const schema = this.instances[0]?.env.DB_SCHEMA;
    const url = this.instances[0]?.env.DATABASE_URL;
    for (const instance of this.instances.reverse()) await instance.stop();
    if (schema && url) await dropSchema(url, schema);
  }
}
