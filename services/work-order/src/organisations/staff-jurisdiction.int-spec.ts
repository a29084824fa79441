import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import request from 'supertest';
import type { WorkOrderEnv } from '../config/work-order.env';
import { workOrderService } from '../work-order.definition';

jest.setTimeout(120_000);

/** Issue 13: GET /admin/staff let a city supervisor list every staff member of the province. */
describe('staff list follows the supervisor’s jurisdiction (real PostgreSQL)', () => {
  const tag = uniqueTag('wostaff');
  let auth: TestAuthority;
  let service: RunningService<WorkOrderEnv>;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(workOrderService, isolatedOverrides(tag, 'workorder', auth.env));
  });
  afterAll(async () => service?.stop());

  it('lists the staff of the city’s organisations to a city supervisor, everyone to an admin, nobody to a supervisor without a region', async () => {
    const admin = await auth.bearer({ roles: ['admin'] });
    const onDuty = { alwaysOn: false, workingDays: [{ from: '08:30', to: '17:30' }], restDays: [] };
    for (const [id, organisationId] of [
      ['staff-lanling-li', 'org-371324-legal-aid'],
      ['staff-lixia-wang', 'org-370102-legal-aid'],
    ] as const) {
      await request(service.url)
        .post('/admin/staff')
        .set('authorization', admin)
        .send({ id, organisationId, name: id, expertise: ['labour'], languages: ['zh'], capacity: 5, onDuty })
        .expect(201);
    }
    const ids = async (token: string, query: Record<string, string> = {}): Promise<string[]> =>
      (
        (
          await request(service.url)
            .get('/admin/staff')
            .query({ limit: '100', ...query })
            .set('authorization', token)
            .expect(200)
        ).body.items as { id: string }[]
      ).map((s) => s.id);

    const linyi = await auth.bearer({ roles: ['supervisor'], org: 'org-371300-justice-bureau', region: '371300' });
    expect(await ids(linyi)).toEqual(['staff-lanling-li']);
    expect(await ids(linyi, { organisationId: 'org-370102-legal-aid' })).toEqual([]);
    const province = await auth.bearer({
      roles: ['supervisor'],
      org: 'org-370000-justice-department',
      region: '370000',
    });
    expect(await ids(province)).toEqual(expect.arrayContaining(['staff-lanling-li', 'staff-lixia-wang']));
    expect(await ids(admin)).toEqual(expect.arrayContaining(['staff-lanling-li', 'staff-lixia-wang']));
    expect(await ids(await auth.bearer({ roles: ['supervisor'] }))).toEqual([]);
  });
});
