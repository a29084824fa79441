// Lives outside libs/messaging: it boots a service through @legal/service-kit, which itself depends on messaging.
import { BaseEnv } from '@legal/config';
import { IntakeRegistered, IntakeSubmitted, prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import { EventCollector, MessageConsumers, messagingEntities, messagingMigrations, Outbox } from '@legal/messaging';
import { runWithCorrelationId } from '@legal/observability';
import { buildDataSourceOptions, pendingSchemaChanges, schemaOf } from '@legal/persistence';
import { RunningService, ServiceDefinition, startService } from '@legal/service-kit';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import type { DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import {
  cleanup,
  DATABASE_URL,
  isolation,
  kafkaClient,
  quietLogs,
  waitUntil,
} from '../../libs/messaging/test/support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);
const { schema, prefix, id } = isolation('module');

class EchoTables1764400000000 implements MigrationInterface {
  name = 'EchoTables1764400000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${schemaOf(queryRunner)}"."echo" (intake_id uuid PRIMARY KEY, correlation_id varchar(200) NOT NULL)`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."echo"`);
  }
}

/**
 * A service module that consumes an event and, in the same transaction, answers with another.
 * (WorkOrderChanged, not IntakeSubmitted: the applicant of an intake is sealed for its consumer,
 * work-order, and this test service is not it.)
 */
@Injectable()
class EchoConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'echo',
      events: [WorkOrderChanged],
      handle: async (event, manager) => {
        await manager.query(`INSERT INTO "${schema}"."echo" (intake_id, correlation_id) VALUES ($1, $2)`, [
          event.data.workOrderId,
          event.correlationid,
        ]);
        const answer = { ...IntakeRegistered.example, intakeId: event.data.workOrderId };
        await this.outbox.publish(manager, IntakeRegistered, answer, { subject: event.data.workOrderId });
      },
    });
  }
}

@Module({ providers: [EchoConsumer] })
class EchoModule {}

const echoService: ServiceDefinition<BaseEnv> = {
  name: 'echo',
  title: 'Echo',
  description: 'Test service for the messaging wiring',
  envClass: BaseEnv,
  defaults: {},
  persistence: { entities: [], migrations: [EchoTables1764400000000] },
  rootModule: () => EchoModule,
};

describe('MessagingModule inside a service started by the service kit', () => {
  let running: RunningService | undefined;
  let collector: EventCollector;

  beforeAll(async () => {
    running = await startService(echoService, {
      PORT: 0,
      DB_SCHEMA: schema,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: 3,
      REDIS_KEY_PREFIX: `${prefix}:`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    collector = await EventCollector.start(kafkaClient('module-collector'), [
      prefixedTopic(prefix, TOPICS.intakeOutcome.name),
    ]);
  });

  afterAll(async () => {
    await collector?.stop();
    await running?.stop();
    await cleanup(prefix, [schema, `${schema}_drift`]);
  });

  it('runs the messaging migrations first, without the service listing them', async () => {
    const dataSource = running?.app.get(DataSource);
    const applied = (await dataSource?.query(`SELECT name FROM "${schema}"."typeorm_migrations" ORDER BY id`)) as {
      name: string;
    }[];
    expect(applied.map((m) => m.name)).toEqual([
      'MessagingTables1764300000000',
      'OutboxQuarantine1764300000001',
      'EchoTables1764400000000',
    ]);
  });

  it('publishes through the injected Outbox, consumes, and answers with causation and correlation carried over', async () => {
    const app = running?.app;
    if (!app) throw new Error('service not started');
    const dataSource = app.get(DataSource);
    const intakeId = `0f7c1e0a-3c53-4f7e-9a77-${id.padEnd(12, '0')}`;
    const submitted = await runWithCorrelationId(`corr-module-${id}`, () =>
      dataSource.transaction((m) =>
        app
          .get(Outbox)
          .publish(m, WorkOrderChanged, { ...WorkOrderChanged.example, workOrderId: intakeId }, { subject: intakeId }),
      ),
    );
    const [answer] = await collector.waitFor((r) => r.event?.subject === intakeId, 1, 30000);
    expect(answer?.event).toMatchObject({
      type: IntakeRegistered.type,
      source: '/legal/echo',
      causationid: submitted.id,
      correlationid: `corr-module-${id}`,
    });
    const rows = (await dataSource.query(`SELECT correlation_id FROM "${schema}"."echo" WHERE intake_id = $1`, [
      intakeId,
    ])) as { correlation_id: string }[];
    expect(rows).toEqual([{ correlation_id: `corr-module-${id}` }]);
  });

  it('seals personal-data fields with the keys the service kit configured (PrivacyModule → Outbox)', async () => {
    const app = running?.app;
    if (!app) throw new Error('service not started');
    const dataSource = app.get(DataSource);
    const data = { ...IntakeSubmitted.example, intakeId: `1f7c1e0a-3c53-4f7e-9a77-${id.padEnd(12, '0')}` };
    const published = await dataSource.transaction((m) =>
      app.get(Outbox).publish(m, IntakeSubmitted, data, { subject: data.intakeId }),
    );
    const [row] = (await dataSource.query(
      `SELECT payload::text AS payload FROM "${schema}"."outbox_message" WHERE event_id = $1`,
      [published.id],
    )) as { payload: string }[];
    expect(row?.payload).not.toContain(IntakeSubmitted.example.applicant.phone!);
    expect(row?.payload).not.toContain(IntakeSubmitted.example.applicant.idCardNumber!);
    expect(JSON.parse(row!.payload).applicant.recipients[0].header.kid).toBe('work-order/dev');
  });

  it('exposes messaging metrics and readiness of the relay and the consumers', async () => {
    const url = running?.url ?? '';
    const metrics = await (await fetch(`${url}/metrics`)).text();
    for (const name of [
      'outbox_backlog_rows',
      'outbox_oldest_unpublished_age_seconds',
      'outbox_publish_latency_seconds_count',
      'messaging_handler_duration_seconds_count',
      'dead_letters_total',
    ]) {
      expect(metrics).toContain(name);
    }
    expect(metrics).toMatch(new RegExp(`kafka_consumer_lag\\{[^}]*group="${prefix}\\.echo\\.echo"[^}]*\\} 0`));
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).status === 200, 20000, 'readiness');
    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { info: Record<string, { status: string }> };
    expect(ready.info['outbox-relay']?.status).toBe('up');
    expect(ready.info.consumers?.status).toBe('up');
  });

  it('keeps entities and migrations of the outbox and inbox in agreement (no drift)', async () => {
    const options = buildDataSourceOptions({
      databaseUrl: DATABASE_URL,
      schema: `${schema}_drift`,
      poolSize: 1,
      applicationName: 'drift-check',
      entities: messagingEntities,
      migrations: messagingMigrations,
      migrationsRun: false,
    });
    expect(
      await pendingSchemaChanges({ ...(options as DataSourceOptions), url: DATABASE_URL }, `${schema}_drift`),
    ).toEqual([]);
  });

  it('stops gracefully: the consumer leaves its group', async () => {
    await running?.stop();
    running = undefined;
    const admin = kafkaClient('module-admin').admin();
    await admin.connect();
    const { groups } = await admin.describeGroups([`${prefix}.echo.echo`]);
    await admin.disconnect();
    expect(groups[0]?.members).toEqual([]);
  });
});
