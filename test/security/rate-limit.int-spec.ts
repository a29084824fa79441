import { createHash } from 'node:crypto';
import request from 'supertest';
import { dropSchema } from '@legal/persistence';
import { REDIS } from '@legal/redis';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import type Redis from 'ioredis';
import { probeService } from './support/probe.definition';

describe('@RateLimit (Redis)', () => {
  let auth: TestAuthority;
  let probe: RunningService;
  let second: RunningService;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    const tag = uniqueTag('ratelimit');
    // Two instances of one service with the same Redis prefix: the limit is shared, not per instance.
    // The tests stand in for a load balancer on loopback: it is a trusted proxy here (TRUSTED_PROXIES).
    const env = { ...auth.env, TRUSTED_PROXIES: '127.0.0.1/8,::1/128' };
    probe = await startService(probeService, isolatedOverrides(tag, 'probe', env));
    second = await startService(probeService, isolatedOverrides(tag, 'probe', env));
  });
  afterAll(async () => {
    await second?.stop();
    await probe?.stop();
    if (probe) await dropSchema(probe.env.DATABASE_URL, probe.env.DB_SCHEMA);
  });

  it('answers 429 problem+json with Retry-After once an IP used up its points, counted across instances', async () => {
    const ip = '203.0.113.10';
    await request(probe.url).post('/probe/limited').set('x-forwarded-for', ip).expect(200);
    await request(second.url).post('/probe/limited').set('x-forwarded-for', ip).expect(200);
    await request(probe.url).post('/probe/limited').set('x-forwarded-for', ip).expect(200);
    const res = await request(second.url).post('/probe/limited').set('x-forwarded-for', ip).expect(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 429, code: 'rate-limited' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body.retryAfterSeconds).toBe(retryAfter);
    await request(probe.url).post('/probe/limited').set('x-forwarded-for', '203.0.113.11').expect(200);
  });

  it('limits per account whatever the address, and keeps accounts apart', async () => {
    const call = (username: string, ip: string): request.Test =>
      request(probe.url).post('/probe/limited-account').set('x-forwarded-for', ip).send({ username });
    await call('Wang.Fang', '198.51.100.1').expect(200);
    await call('wang.fang ', '198.51.100.2').expect(200);
    await call('WANG.FANG', '198.51.100.3').expect(429);
    await call('li.lei', '198.51.100.3').expect(200);
  });

  it('keys "account" by the authenticated subject when no extractor is given', async () => {
    const alice = await auth.bearer({ sub: 'citizen-alice', roles: ['citizen'] });
    const bob = await auth.bearer({ sub: 'citizen-bob', roles: ['citizen'] });
    await request(probe.url).get('/probe/limited-subject').set('authorization', alice).expect(200);
    await request(probe.url).get('/probe/limited-subject').set('authorization', alice).expect(429);
    await request(probe.url).get('/probe/limited-subject').set('authorization', bob).expect(200);
  });

  it('stores counters under the service prefix without the account in clear', async () => {
    const redis = probe.app.get<Redis>(REDIS);
    const keys = await redis.keys(`${probe.env.REDIS_KEY_PREFIX}rl:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/wang|fang|alice/i);
    // Nor as an unkeyed hash, which a dictionary of all phone numbers (or user names) reverses.
    const plainHash = (account: string): string =>
      createHash('sha256').update(account, 'utf8').digest('base64url').slice(0, 22);
    for (const account of ['wang.fang', 'li.lei', 'citizen-alice', 'citizen-bob'])
      expect(keys.join(' ')).not.toContain(plainHash(account));
  });
});

describe('client address behind proxies (TRUSTED_PROXIES)', () => {
  let direct: RunningService;
  let behindProxy: RunningService;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    const tag = uniqueTag('proxies');
    // No trusted proxy (the default): the client address is the TCP peer, whatever the headers say.
    direct = await startService(probeService, isolatedOverrides(tag, 'direct', auth.env));
    // A load balancer on 127.0.0.0/8: the address it forwards is the client's.
    behindProxy = await startService(
      probeService,
      isolatedOverrides(tag, 'proxied', { ...auth.env, TRUSTED_PROXIES: '127.0.0.0/8' }),
    );
  });
  afterAll(async () => {
    for (const s of [direct, behindProxy]) {
      await s?.stop();
      if (s) await dropSchema(s.env.DATABASE_URL, s.env.DB_SCHEMA);
    }
  });

  it('ignores a forged X-Forwarded-For when no proxy is trusted: the caller keeps its one bucket', async () => {
    const forged = ['198.18.0.1', '198.18.0.2', '198.18.0.3', '198.18.0.4', '198.18.0.5'];
    const statuses: number[] = [];
    for (const ip of forged)
      statuses.push((await request(direct.url).post('/probe/limited').set('x-forwarded-for', ip)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Nor does it enter the counter keys.
    const keys = await direct.app.get<Redis>(REDIS).keys(`${direct.env.REDIS_KEY_PREFIX}rl:probe-ip*`);
    expect(keys.join(' ')).not.toContain('198.18.');
  });

  it('uses the forwarded client address when the peer is a trusted proxy', async () => {
    const statuses = async (ip: string, n: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        out.push((await request(behindProxy.url).post('/probe/limited').set('x-forwarded-for', ip)).status);
      return out;
    };
    expect(await statuses('198.18.1.1', 4)).toEqual([200, 200, 200, 429]);
    // Another citizen behind the same balancer has a bucket of its own.
    expect(await statuses('198.18.1.2', 1)).toEqual([200]);
    // A client that prepends its own forged entry is still counted by the address the proxy saw.
    expect(
      (await request(behindProxy.url).post('/probe/limited').set('x-forwarded-for', '203.0.113.99, 198.18.1.1')).status,
    ).toBe(429);
  });
});
