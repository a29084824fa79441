import {
  DeadlineDueSoon,
  DeadlineOverdue,
  IntakeRegistered,
  IntakeSubmitted,
  WorkOrderChanged,
} from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { waitUntil } from '@legal/testing';
import { SupervisionOrderEntity } from '../supervision/entities/supervision-order.entity';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import { intake, validIdCard } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

type Registered = EventData<typeof IntakeRegistered>;
type Alert = EventData<typeof DeadlineOverdue>;

const DAY = 24 * 3600 * 1000;

describe('deadline alerts with two instances sweeping the same schema', () => {
  let h: WorkOrderHarness;

  beforeAll(async () => {
    // Two instances, same tag (schema, topics, Redis), both sweeping every 150 ms.
    h = await WorkOrderHarness.start(
      'wodeadline',
      { DEADLINE_SWEEP_INTERVAL_MS: 150, DEADLINE_DUE_SOON_HOURS: 24 * 4 },
      2,
    );
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('emits DeadlineOverdue exactly once and escalates once, and DeadlineDueSoon exactly once, although two instances sweep', async () => {
    // A legal-aid application received 30 days ago: its 7-day decision deadline is long past.
    const late = intake({
      submittedAt: new Date(Date.now() - 30 * DAY).toISOString(),
      applicant: { name: '李雷', idCardNumber: validIdCard('371324'), phone: '13700000001' },
    });
    // One received 5 days ago: due within the next four days.
    const soon = intake({
      submittedAt: new Date(Date.now() - 5 * DAY).toISOString(),
      applicant: { name: '韩梅', idCardNumber: validIdCard('371324'), phone: '13700000002' },
    });
    await h.publish(IntakeSubmitted, late, late.intakeId);
    await h.publish(IntakeSubmitted, soon, soon.intakeId);
    const lateWo = (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === late.intakeId)).data;
    const soonWo = (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === soon.intakeId)).data;

    const overdue = await h.waitForEvent<Alert>(
      DeadlineOverdue.type,
      (d) => d.workOrderId === lateWo.workOrderId,
      20000,
    );
    expect(overdue.data).toMatchObject({
      caseCode: lateWo.caseCode,
      kind: 'legal-aid-decision',
      organisationId: 'org-371324-legal-aid',
    });
    await h.waitForEvent<Alert>(DeadlineDueSoon.type, (d) => d.workOrderId === soonWo.workOrderId, 20000);
    // Let both instances sweep many more rounds.
    await new Promise((r) => setTimeout(r, 3000));

    expect(h.events<Alert>(DeadlineOverdue.type, (d) => d.workOrderId === lateWo.workOrderId)).toHaveLength(1);
    expect(h.events<Alert>(DeadlineDueSoon.type, (d) => d.workOrderId === soonWo.workOrderId)).toHaveLength(1);
    expect(h.events<Alert>(DeadlineDueSoon.type, (d) => d.workOrderId === lateWo.workOrderId)).toHaveLength(0);
    const manager = h.dataSource(1).manager;
    const escalations = await manager.find(TimelineEntryEntity, {
      where: { workOrderId: lateWo.workOrderId, action: 'escalated' },
    });
    expect(escalations).toHaveLength(1);
    expect(escalations[0].note).toMatch(/legal-aid-decision passed unmet/);
    expect(
      await manager.count(SupervisionOrderEntity, {
        where: { workOrderId: lateWo.workOrderId, kind: 'overdue-escalation' },
      }),
    ).toBe(1);

    const changed = await waitUntil(
      () =>
        h.events<EventData<typeof WorkOrderChanged>>(
          WorkOrderChanged.type,
          (d) => d.workOrderId === lateWo.workOrderId && d.entry.action === 'escalated',
        )[0],
    );
    expect(changed.data.deadlines).toEqual([
      expect.objectContaining({ kind: 'legal-aid-decision', status: 'breached' }),
    ]);

    const supervisor = await h.bearer({ roles: ['supervisor'], region: '371300' });
    const overdueList = await h.http
      .get('/work-orders')
      .query({ overdue: true, regionCode: '371324' })
      .set('authorization', supervisor)
      .expect(200);
    expect(overdueList.body.items.map((w: { caseCode: string }) => w.caseCode)).toEqual([lateWo.caseCode]);
    const metrics = await h.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/work_order_deadlines\{[^}]*state="overdue"[^}]*\} 1/);
  });
});
