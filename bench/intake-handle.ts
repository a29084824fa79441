// CPU of the work-order intake itself (issue 14): IntakeService.handle for --intakes new legal-aid intakes,
// each in its own transaction as the consumer runs it, in a work-order instance started in this process (real
// PostgreSQL, Redis, Kafka; isolated schema and topics). Reports this process's CPU per intake
// (process.cpuUsage, minus the instance's idle CPU over as long a wall time) and the statements per intake.
// Each intake is a different person (own phone and ID number) in one of five townships, all named 李四: the
// similar-name check (relations/) then decrypts up to 200 same-surname candidates per intake, its worst case.
//   node -r ./test/swc-register.js bench/intake-handle.ts [--intakes=200] [--rounds=3]
import { IntakeSubmitted } from '@legal/contracts';
import type { CloudEvent } from '@legal/contracts';
import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { intake, randomMobile, validIdCard } from '../services/work-order/test/intake-factory';
import { WorkOrderHarness } from '../services/work-order/test/work-order-harness';
import type { IntakeData } from '../services/work-order/src/intake/intake-rules';
import { IntakeService } from '../services/work-order/src/intake/intake.service';
import { Args } from './lib/args';
import { log } from './lib/harness';
import { sleep } from './lib/sleep';

const TOWNSHIPS = ['371324102', '370102001', '370202001', '371302001', '370602001'];

async function main(): Promise<void> {
  // As the integration tests run a service in-process (test/setup-env.ts).
  process.env.LOG_LEVEL ??= 'warn';
  process.env.NODE_ENV ??= 'test';
  process.env.KAFKA_SASL_USERNAME ??= 'admin';
  process.env.KAFKA_SASL_PASSWORD ??= process.env.KAFKA_ADMIN_PASSWORD ?? 'dev-kafka-admin';
  const args = new Args();
  const intakes = args.number('intakes', 200);
  const rounds = args.number('rounds', 3);
  const h = await WorkOrderHarness.start('bhandle');
  let statements = 0;
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...a: Parameters<typeof original>) {
    statements++;
    return original.apply(this, a);
  } as typeof original;
  try {
    const service = h.instances[0].app.get(IntakeService);
    const dataSource = h.dataSource();
    const one = async (i: number): Promise<void> => {
      const data = intake({
        regionCode: TOWNSHIPS[i % TOWNSHIPS.length],
        applicant: { name: '李四', phone: randomMobile(), idCardNumber: validIdCard() },
      });
      const event = {
        id: randomUUID(),
        type: IntakeSubmitted.type,
        source: '/bench',
        specversion: '1.0',
        time: new Date().toISOString(),
        correlationid: randomUUID(),
        data,
      } as unknown as CloudEvent<IntakeData>;
      await dataSource.transaction((m) => service.handle(event, m));
    };
    const results: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      await sleep(2000);
      const idleFrom = performance.now();
      const idleCpu = process.cpuUsage();
      await sleep(2000);
      const idle = process.cpuUsage(idleCpu);
      const idleRate = (idle.user + idle.system) / 1000 / (performance.now() - idleFrom);
      const from = performance.now();
      const cpu = process.cpuUsage();
      const before = statements;
      for (let i = 0; i < intakes; i++) await one(round * intakes + i);
      const used = process.cpuUsage(cpu);
      const ms = (used.user + used.system) / 1000 - idleRate * (performance.now() - from);
      const perIntake = Math.round((ms / intakes) * 100) / 100;
      const perIntakeStatements = Math.round(((statements - before) / intakes) * 10) / 10;
      if (round > 0) results.push(perIntake); // round 0 warms up
      log(
        `${round === 0 ? 'warm-up' : `round ${round}`}: ${perIntake} ms CPU per intake, ${perIntakeStatements} statements (all connections, incl. relay and consumers)`,
      );
    }
    const sorted = [...results].sort((a, b) => a - b);
    log(`median ${sorted[Math.floor(sorted.length / 2)]} ms CPU per intake handled (in-process, with its relay)`);
  } finally {
    PostgresQueryRunner.prototype.query = original;
    await h.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
