/**
 * A 12348 matter is transferred out to 12345 only when an active 12345 client covers its region, as identity
 * publishes its 12345 clients' coverage (legal.partner.client-coverage.v1): real work-order, PostgreSQL and broker.
 */
import { IntakeRegistered, IntakeSubmitted, PartnerClientCoverage } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { waitUntil } from '@legal/testing';
import { intake } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';
import { Coverage12345Entity } from './entities/coverage-12345.entity';

jest.setTimeout(120_000);

type Registered = EventData<typeof IntakeRegistered>;
type Coverage = EventData<typeof PartnerClientCoverage>;

describe('transfer out to 12345 needs a 12345 client covering the region (work-order, real broker)', () => {
  let h: WorkOrderHarness;
  let supervisor: string;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wocov');
    supervisor = await h.bearer({ roles: ['supervisor'], sub: 'sup-province', region: '370000' });
  });
  afterAll(async () => h?.stop());

  const coverage = async (data: Omit<Coverage, 'channel' | 'changedAt'>): Promise<void> => {
    const changedAt = new Date().toISOString();
    await h.publish(PartnerClientCoverage, { channel: '12345', changedAt, ...data }, data.clientId);
    await waitUntil(
      async () => {
        const row = await h.dataSource().getRepository(Coverage12345Entity).findOneBy({ clientId: data.clientId });
        return row && row.changedAt.toISOString() === changedAt ? row : undefined;
      },
      30_000,
      `coverage of ${data.clientId} projected`,
    );
  };

  it('answers 409 no-12345-coverage and changes nothing until an active client covers the region, then transfers', async () => {
    const data = intake({ regionCode: '371324102' });
    await h.publish(IntakeSubmitted, data, data.intakeId);
    const { caseCode } = (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === data.intakeId))
      .data;
    const before = await h.http.get(`/work-orders/${caseCode}`).set('authorization', supervisor).expect(200);
    const transfer = () =>
      h.http
        .post(`/work-orders/${caseCode}/transfers/12345`)
        .set('authorization', supervisor)
        .send({ reason: '非法律服务事项', summary: '来电人咨询社保缴纳，属12345办理' });

    // No 12345 client at all; then one for Jinan (370100) only; then the Linyi one, disabled.
    const refused = async (): Promise<void> => {
      const res = await transfer().expect(409);
      expect(res.body.code).toBe('no-12345-coverage');
      expect(res.body.detail).toContain('371324102');
      const after = await h.http.get(`/work-orders/${caseCode}`).set('authorization', supervisor).expect(200);
      expect(after.body.status).toBe(before.body.status);
      expect(after.body.timeline).toHaveLength((before.body.timeline as unknown[]).length);
    };
    await refused();
    const suffix = caseCode.slice(-8);
    await coverage({ clientId: `hotline-jinan-${suffix}`, active: true, regionCode: '370100' });
    await refused();
    await coverage({ clientId: `hotline-linyi-${suffix}`, active: false, regionCode: '371300' });
    await refused();

    await coverage({ clientId: `hotline-linyi-${suffix}`, active: true, regionCode: '371300' });
    await transfer().expect(200);
    const closed = await h.http.get(`/work-orders/${caseCode}`).set('authorization', supervisor).expect(200);
    expect(closed.body.status).toBe('closed');
    expect((closed.body.timeline as { action: string }[]).map((e) => e.action)).toContain('transferred-to-12345');
  });
});
