import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import request from 'supertest';
import { workOrderService } from '../../../work-order/src/work-order.definition';
import type { PortalEnv } from '../config/portal.env';
import { portalService } from '../portal.definition';

/**
 * The agency lookup against the real work-order service's public directory: proxied, cached in
 * Redis, and a 503 problem when the directory is down and nothing is cached.
 */

jest.setTimeout(120_000);

describe('portal agency lookup (real work-order service)', () => {
  const tag = uniqueTag('pagency');
  let workOrder: RunningService | undefined;
  let portal: RunningService<PortalEnv>;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    workOrder = await startService(workOrderService, isolatedOverrides(tag, 'work_order', auth.env));
    portal = await startService(
      portalService,
      isolatedOverrides(tag, 'portal', { ...auth.env, WORK_ORDER_URL: workOrder.url, AGENCY_CACHE_SECONDS: 60 }),
    );
  });

  afterAll(async () => {
    await portal?.stop();
    await workOrder?.stop();
  });

  it('finds the organisations serving a township for a service type, then answers from the cache while the directory is down', async () => {
    const res = await request(portal.url)
      .get('/portal/agencies')
      .query({ regionCode: '371324101', serviceType: 'legal-aid', limit: 5 })
      .expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.limit).toBe(5);
    for (const agency of res.body.items) {
      expect(agency).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          address: expect.any(String),
          phone: expect.any(String),
          hours: expect.any(String),
        }),
      );
      expect(agency.serviceTypes).toContain('legal-aid');
      expect('371324101'.startsWith(agency.regionCode.replace(/0+$/, ''))).toBe(true);
    }
    await workOrder?.stop();
    workOrder = undefined;
    const cached = await request(portal.url)
      .get('/portal/agencies')
      .query({ regionCode: '371324101', serviceType: 'legal-aid', limit: 5 })
      .expect(200);
    expect(cached.body).toEqual(res.body);
    const down = await request(portal.url)
      .get('/portal/agencies')
      .query({ regionCode: '370102', serviceType: 'notarization' })
      .expect(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body.code).toBe('agency-directory-unavailable');
  });

  it('rejects a query naming an unknown region before asking the directory', async () => {
    const res = await request(portal.url).get('/portal/agencies').query({ regionCode: '379999' }).expect(400);
    expect(res.body.errors[0].field).toBe('regionCode');
  });
});
