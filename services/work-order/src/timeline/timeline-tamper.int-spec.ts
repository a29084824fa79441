import { IntakeRegistered, IntakeSubmitted, WorkOrderDispatched } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { intake, validIdCard } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';
import { verifyTimelineCommand } from './verify-timeline.cli';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

describe('tamper-evident timeline', () => {
  let h: WorkOrderHarness;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wotimeline');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('refuses updates through the append-only trigger, and detects an edited row (endpoint and command report the first broken link)', async () => {
    const data = intake({ applicant: { name: '吴十', idCardNumber: validIdCard('371324'), phone: '13600000001' } });
    await h.publish(IntakeSubmitted, data, data.intakeId);
    const { caseCode, workOrderId } = (
      await h.waitForEvent<EventData<typeof IntakeRegistered>>(
        IntakeRegistered.type,
        (d) => d.intakeId === data.intakeId,
      )
    ).data;
    await h.waitForEvent<EventData<typeof WorkOrderDispatched>>(
      WorkOrderDispatched.type,
      (d) => d.workOrderId === workOrderId,
    );
    const supervisor = await h.bearer({ roles: ['supervisor'], region: '371300' });

    const intact = await h.http
      .get(`/work-orders/${caseCode}/timeline/verify`)
      .set('authorization', supervisor)
      .expect(200);
    expect(intact.body).toMatchObject({ caseCode, valid: true, entries: 2 });

    const table = `"${h.schema}"."timeline_entry"`;
    await expect(
      h
        .dataSource()
        .query(`UPDATE ${table} SET note = 'nothing happened' WHERE work_order_id = $1 AND seq = 2`, [workOrderId]),
    ).rejects.toThrow(/append-only/);

    // Someone with owner rights bypasses the trigger and rewrites history.
    await h.dataSource().transaction(async (manager) => {
      await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER timeline_entry_no_update`);
      await manager.query(`UPDATE ${table} SET note = 'offered to nobody' WHERE work_order_id = $1 AND seq = 2`, [
        workOrderId,
      ]);
      await manager.query(`ALTER TABLE ${table} ENABLE TRIGGER timeline_entry_no_update`);
    });

    const broken = await h.http
      .get(`/work-orders/${caseCode}/timeline/verify`)
      .set('authorization', supervisor)
      .expect(200);
    expect(broken.body).toMatchObject({ valid: false, firstBroken: { seq: 2, reason: 'hash-mismatch' } });

    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const previousSchema = process.env.DB_SCHEMA;
    process.env.DB_SCHEMA = h.schema;
    try {
      await expect(verifyTimelineCommand([caseCode])).resolves.toBe(2);
    } finally {
      spy.mockRestore();
      if (previousSchema === undefined) delete process.env.DB_SCHEMA;
      else process.env.DB_SCHEMA = previousSchema;
    }
    expect(JSON.parse(written.join(''))).toMatchObject({
      caseCode,
      valid: false,
      firstBroken: { seq: 2, reason: 'hash-mismatch' },
    });
  });
});
