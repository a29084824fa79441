/**
 * Urgent matters go to whoever is on duty now (issue 17 item 4), on the real work-order service, PostgreSQL and
 * broker: the organisations' duty rosters are set through the admin API, urgent mediation intakes arrive, and the
 * router offers one to the committee on call around the clock, while one whose chain has nobody on duty goes to
 * the supervisor queue, each recorded in its routing decision and timeline.
 */
import { IntakeRegistered, IntakeSubmitted, WorkOrderChanged, WorkOrderDispatched } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { ROUND_THE_CLOCK } from '../organisations/duty-schedule';
import { intake, validIdCard } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

jest.setTimeout(120_000);

type Registered = EventData<typeof IntakeRegistered>;
type Dispatched = EventData<typeof WorkOrderDispatched>;
type Changed = EventData<typeof WorkOrderChanged>;

/** Never on duty: no slot on any day. */
const CLOSED = { alwaysOn: false, workingDays: [], restDays: [] };

describe('urgent matters go to whoever is on duty now, or to the supervisor queue (work-order, real stack)', () => {
  let h: WorkOrderHarness;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wouduty');
    admin = await h.bearer({ roles: ['admin'], region: '370000' });
    supervisor = await h.bearer({ roles: ['supervisor'], sub: 'sup-province', region: '370000' });
    // Every mediation committee of the province is closed around the clock; Pingyi county's committee (371326)
    // keeps a 7x24 roster. Yinan county (371323) has nobody on duty.
    const committees = (await h
      .dataSource()
      .query(`SELECT "id" FROM "${h.schema}"."organisation" WHERE 'mediation' = ANY("service_types")`)) as {
      id: string;
    }[];
    expect(committees.map((c) => c.id)).toEqual(expect.arrayContaining(['org-371326-mediation']));
    for (const { id } of committees) {
      await h.http
        .patch(`/admin/organisations/${id}`)
        .set('authorization', admin)
        .send({ dutyHours: id === 'org-371326-mediation' ? ROUND_THE_CLOCK : CLOSED })
        .expect(200);
    }
  });

  afterAll(async () => h?.stop());

  async function urgentMediation(regionCode: string): Promise<Registered> {
    const data = intake({
      serviceType: 'mediation',
      description: '邻居装修把承重墙打穿，楼上楼下马上要打起来，请马上派人调解',
      regionCode,
      urgency: 'urgent',
      vulnerableGroup: false,
      applicant: { name: '邢一', idCardNumber: validIdCard(regionCode.slice(0, 6)), phone: '13900000071' },
    });
    await h.publish(IntakeSubmitted, data, data.intakeId);
    return (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === data.intakeId)).data;
  }

  async function routing(caseCode: string): Promise<Record<string, unknown>[]> {
    const res = await h.http.get(`/work-orders/${caseCode}/routing`).set('authorization', supervisor).expect(200);
    return res.body.decisions as Record<string, unknown>[];
  }

  it('offers an urgent matter to the committee on duty (7x24), passing over the closed township one', async () => {
    const registered = await urgentMediation('371326101');
    const offer = (
      await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === registered.workOrderId)
    ).data;
    expect(offer.organisationId).toBe('org-371326-mediation');
    expect(offer.urgency).toBe('urgent');

    const [decision] = await routing(registered.caseCode);
    expect(decision).toMatchObject({ outcome: 'offered', priority: 'urgent' });
    const roster = decision!.onDutyRoster as { onDuty: { organisationId: string }[]; offDuty: unknown[] };
    expect(roster).toMatchObject({ fallback: null, checkedAt: expect.any(String) });
    expect(roster.onDuty.map((o) => o.organisationId)).toEqual(['org-371326-mediation']);
    expect(roster.offDuty.length).toBeGreaterThan(0);
    expect(decision!.explanation).toContain('Urgent: only whoever is on duty at');
    const offered = (await h
      .dataSource()
      .query(`SELECT "data" FROM "${h.schema}"."timeline_entry" WHERE "work_order_id" = $1 AND "action" = 'offered'`, [
        registered.workOrderId,
      ])) as { data: { onDutyAt?: string } }[];
    expect(offered[0]?.data.onDutyAt).toBe((roster as unknown as { checkedAt: string }).checkedAt);
  });

  it('sends an urgent matter to the supervisor queue when nobody in its chain is on duty, saying why', async () => {
    const registered = await urgentMediation('371323101');
    const queued = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'supervisor-queue',
    );
    expect(queued.data.entry.note).toMatch(/^urgent and nobody on duty now to take it/);
    const [decision] = await routing(registered.caseCode);
    expect(decision).toMatchObject({ outcome: 'no-candidate', priority: 'urgent' });
    expect(decision!.onDutyRoster).toMatchObject({ fallback: 'supervisor-queue', onDuty: [] });
    expect(decision!.explanation).toContain('nobody is on duty, so the supervisor queue takes it');
    const offers = (await h
      .dataSource()
      .query(`SELECT count(*)::int AS n FROM "${h.schema}"."offer" WHERE "work_order_id" = $1`, [
        registered.workOrderId,
      ])) as { n: number }[];
    expect(offers[0]?.n).toBe(0);
  });
});
