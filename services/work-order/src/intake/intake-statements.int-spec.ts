import { IntakeSubmitted } from '@legal/contracts';
import type { CloudEvent } from '@legal/contracts';
import { randomUUID } from 'node:crypto';
import { countStatements } from '@legal/testing';
import { intake, randomMobile, validIdCard, WORKDAY_MORNING } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';
import { WorkOrderIntakeEntity } from './entities/work-order-intake.entity';
import { IntakeData } from './intake-rules';
import { IntakeService } from './intake.service';

jest.setTimeout(90_000);

/**
 * Round trips to PostgreSQL per intake (issue 14): every statement the intake's transaction sends is
 * counted, so a change that adds a query to the hot path shows up here. The figures are for one intake of a
 * new person with an explicit service type (the common case: created, routed, offered).
 */
describe('statements per intake (real PostgreSQL, Kafka, Redis)', () => {
  let h: WorkOrderHarness;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wostmt');
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function statementsOf(data: IntakeData): Promise<string[]> {
    const service = h.instances[0].app.get(IntakeService);
    const event = {
      id: randomUUID(),
      type: IntakeSubmitted.type,
      source: 'test',
      specversion: '1.0',
      time: new Date().toISOString(),
      correlationid: randomUUID(),
      data,
    } as unknown as CloudEvent<IntakeData>;
    const { statements } = await countStatements(h.dataSource(), (m) => service.handle(event, m));
    return statements.map((s) => s.sql);
  }

  it('registers a new legal-aid intake, routes and offers it in a bounded number of statements', async () => {
    // A warm-up intake first: the first one also fills caches (regions, calendar, routing rules).
    await statementsOf(intake({ applicant: { name: '李四', phone: randomMobile(), idCardNumber: validIdCard() } }));
    const data = intake({
      submittedAt: WORKDAY_MORNING,
      applicant: { name: '王五', phone: randomMobile(), idCardNumber: validIdCard() },
    });
    const statements = await statementsOf(data);
    process.stdout.write(
      `statements of one intake (${statements.length}):\n${statements.map((q) => q.slice(0, 100)).join('\n')}\n`,
    );
    const stored = await h.dataSource().manager.findOneBy(WorkOrderIntakeEntity, { intakeId: data.intakeId });
    expect(stored?.outcome).toBe('created');
    // 34 before issue 14 (a separate dedupe SELECT, one advisory lock per key, the case-code counter upsert
    // and an UPDATE of the outcome just inserted); 30 after that, 20 after the routing and offer work. 19 now: the
    // 'received' entry no longer reads the clocks of a work order inserted a moment before (it has none yet).
    expect(statements.length).toBeLessThanOrEqual(19);
    // None is built by TypeORM's query builder any more (its INSERT writes `"table"(` with no space, its SELECT
    // aliases `"XEntity_column"`): they cost the most CPU to build (the work order and intake INSERTs, the
    // registration clock's look-up and INSERT were).
    const built = statements.filter((q) => /^INSERT INTO "[^"]+"\."[^"]+"\(/.test(q) || /AS "\w+Entity_/.test(q));
    expect(built).toEqual([]);
    expect(statements.filter((q) => q.includes('pg_advisory_xact_lock'))).toHaveLength(1);
    expect(statements.some((q) => q.includes('case_code_counter'))).toBe(false);
  });
});
