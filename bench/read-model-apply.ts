// CPU of a platform's read-model projection per workorder.changed (issue 14), in this process, on the real
// PostgreSQL: WorkOrderViewService.apply for --work-orders work orders × 3 versions (received, offered,
// accepted: what one intake brings to each platform), each in its own transaction as the consumer runs it.
// Reports this process's CPU (process.cpuUsage) and the statements sent per change. No Kafka, no servers.
//   node -r ./test/swc-register.js bench/read-model-apply.ts [--work-orders=300] [--rounds=3]
import type { EventData, WorkOrderChanged } from '@legal/contracts';
import { platformKitEntities, platformKitMigrations, WorkOrderViewService } from '@legal/platform-kit';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Args } from './lib/args';
import { log } from './lib/harness';

type Changed = EventData<typeof WorkOrderChanged>;

const STEPS: { status: string; action: string }[] = [
  { status: 'received', action: 'received' },
  { status: 'offered', action: 'offered' },
  { status: 'accepted', action: 'offer-accepted' },
];

function change(workOrderId: string, caseCode: string, version: number): Changed {
  const step = STEPS[version - 1] ?? STEPS[0];
  const at = new Date(Date.UTC(2026, 10, 28, 2, 0, version)).toISOString();
  return {
    workOrderId,
    caseCode,
    version,
    status: step.status,
    previousStatus: version > 1 ? STEPS[version - 2]?.status : undefined,
    serviceType: 'legal-aid',
    regionCode: '371324101',
    originPlatform: 'portal',
    platforms: ['portal'],
    deadlines: [
      {
        kind: 'legal-aid-decision',
        dueAt: '2026-12-05T15:59:59.999Z',
        rule: 'calendar-days',
        explanation: '7 days',
        status: 'running',
      },
    ],
    receivedAt: '2026-11-28T02:00:00.000Z',
    entry: { seq: version, at, action: step.action, actorRole: 'system' },
    citizen: { phoneLast4: '5678', displayName: '张*' },
    ...(version > 1 ? { organisationId: 'org-371324-legal-aid', organisationName: '兰陵县法律援助中心' } : {}),
  } as Changed;
}

async function main(): Promise<void> {
  const args = new Args();
  const workOrders = args.number('work-orders', 300);
  const rounds = args.number('rounds', 3);
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
  const schema = `b_rmapply_${randomUUID().slice(0, 8)}`;
  await ensureDatabaseAndSchema(url, schema);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: url,
      schema,
      poolSize: 2,
      applicationName: 'bench-read-model-apply',
      entities: platformKitEntities,
      migrations: platformKitMigrations,
      migrationsRun: true,
    }),
  );
  await dataSource.initialize();
  let statements = 0;
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...a: Parameters<typeof original>) {
    statements++;
    return original.apply(this, a);
  } as typeof original;
  try {
    const views = new WorkOrderViewService(dataSource);
    const results: { cpuMsPerChange: number; statementsPerChange: number }[] = [];
    for (let round = 0; round <= rounds; round++) {
      const ids = Array.from({ length: workOrders }, (_, i) => ({ id: randomUUID(), code: `R${round}-${i}` }));
      const cpu = process.cpuUsage();
      const before = statements;
      for (let version = 1; version <= 3; version++)
        for (const wo of ids) await dataSource.transaction((m) => views.apply(m, change(wo.id, wo.code, version)));
      const used = process.cpuUsage(cpu);
      const changes = workOrders * 3;
      const r = {
        cpuMsPerChange: Math.round(((used.user + used.system) / 1000 / changes) * 1000) / 1000,
        statementsPerChange: Math.round(((statements - before) / changes) * 100) / 100,
      };
      if (round > 0) results.push(r); // round 0 warms up (JIT, metadata)
      log(`${round === 0 ? 'warm-up' : `round ${round}`}: ${JSON.stringify(r)}`);
    }
    const cpus = results.map((r) => r.cpuMsPerChange).sort((a, b) => a - b);
    log(
      `median ${cpus[Math.floor(cpus.length / 2)]} ms CPU per change, ${results[0]?.statementsPerChange} statements per change (with BEGIN and COMMIT)`,
    );
  } finally {
    PostgresQueryRunner.prototype.query = original;
    await dataSource.destroy();
    await dropSchema(url, schema);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
