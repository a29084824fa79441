import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import Redis from 'ioredis';
import { RunningIdentity, startIdentity } from '../../services/identity/test/start-identity';
import { probeService } from './support/probe.definition';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throw-away redis-server of this test only (never the shared one on 6379). */
async function startOwnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  await waitUntil(
    async () => {
      try {
        if (probe.status !== 'ready') await probe.connect();
        return (await probe.ping()) === 'PONG' ? true : undefined;
      } catch {
        probe.disconnect();
        return undefined;
      }
    },
    10_000,
    `redis-server on ${port}`,
  );
  probe.disconnect();
  return child;
}

async function stopOwnRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Finding 1 of the hardening issue: rate limits failed open while Redis was down. Kills a
 * redis-server of its own (runs in the serial fault project) under a probe service and the real
 * identity service, and checks every limit keeps counting (in memory, per instance).
 */
describe('rate limits while Redis is down', () => {
  let redisProcess: ChildProcess | undefined;
  let probe: RunningService;
  let identity: RunningIdentity;

  beforeAll(async () => {
    const port = await freePort();
    redisProcess = await startOwnRedis(port);
    const auth = await TestAuthority.create();
    const tag = uniqueTag('rlredis');
    const redisUrl = `redis://127.0.0.1:${port}`;
    probe = await startService(probeService, isolatedOverrides(tag, 'probe', { ...auth.env, REDIS_URL: redisUrl }));
    // No seeded accounts needed: names that do not exist count and lock the same way.
    identity = await startIdentity(tag, {
      REDIS_URL: redisUrl,
      IDENTITY_SIGN_IN_MAX_FAILURES: 4,
      SEED_DEV_USERS: false,
    });
  }, 90_000);

  afterAll(async () => {
    await stopOwnRedis(redisProcess);
    await probe?.stop();
    if (probe) await dropSchema(probe.env.DATABASE_URL, probe.env.DB_SCHEMA);
    await identity?.stop();
  }, 60_000);

  it('counts in memory, without stalling, while Redis accepts commands but never answers (hung or partitioned)', async () => {
    const send = (): request.Test =>
      request(probe.url).post('/probe/limited-account').send({ username: 'frozen.user' });
    await send().expect(200); // one point counted in Redis
    process.kill(redisProcess!.pid!, 'SIGSTOP');
    try {
      const statuses: number[] = [];
      const started = Date.now();
      for (let i = 0; i < 3; i++) statuses.push((await send()).status);
      // In memory the count starts from zero on this instance: 2 points, then 429.
      expect(statuses).toEqual([200, 200, 429]);
      expect(Date.now() - started).toBeLessThan(3 * 1500); // each waits at most the limiter timeout
    } finally {
      process.kill(redisProcess!.pid!, 'SIGCONT');
    }
  });

  it('keeps refusing with 429 after the points are used, and answers no 5xx', async () => {
    // Counted in Redis while it is up.
    await request(probe.url).post('/probe/limited').expect(200);
    await stopOwnRedis(redisProcess);
    const redisDown = await waitUntil(
      async () => {
        const res = await request(probe.url).get('/health/ready');
        return res.status === 503 ? res : undefined;
      },
      15_000,
      'readiness to see Redis down',
    );
    expect(redisDown.body.error.redis.status).toBe('down');

    // Redis gone: the in-memory insurance counts from zero with the same 3 points per minute.
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 5; i++) statuses.push((await request(probe.url).post('/probe/limited')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Date.now() - started).toBeLessThan(3000);
    const refused = await request(probe.url).post('/probe/limited').expect(429);
    expect(refused.body).toMatchObject({ code: 'rate-limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Routes without a limit still answer.
    await request(probe.url).get('/probe/public').expect(200);
  });

  it("identity's /token keeps its per-account limit and the staff lockout without Redis", async () => {
    await waitUntil(
      async () => ((await request(identity.url).get('/health/ready')).status === 503 ? true : undefined),
      15_000,
      'identity to see Redis down',
    );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await request(identity.url)
        .post('/token')
        .type('form')
        .send({ grant_type: 'password', username: 'dev-clerk', password: `wrong-${i}` });
      statuses.push(res.status);
    }
    // Four wrong passwords lock the name (lockout counted in memory), then it stays locked: never a 5xx.
    // Four wrong passwords lock the name (the lockout counts in memory too), then it stays locked; never a 5xx.
    expect(statuses).toEqual([400, 400, 400, 423, 423, 423]);

    // The per IP+account limit of /token (20 per 5 minutes, whatever the outcome) holds too.
    const more: number[] = [];
    for (let i = 0; i < 21; i++) {
      more.push(
        (
          await request(identity.url)
            .post('/token')
            .type('form')
            .send({ grant_type: 'password', username: 'nobody-here', password: 'x' })
        ).status,
      );
    }
    expect(more.every((s) => s < 500)).toBe(true);
    expect(more.slice(0, 20).includes(429)).toBe(false);
    expect(more[20]).toBe(429);
  });
});
