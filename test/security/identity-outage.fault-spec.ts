import { createServer, Server, Socket } from 'node:net';
import request from 'supertest';
import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import { RunningIdentity, startIdentity } from '../../services/identity/test/start-identity';
import { probeService } from './support/probe.definition';

const CACHE_SECONDS = 2;

/** Stands where identity was: accepts connections and never answers (the worst kind of outage). */
function blackHole(port: number): Promise<{ server: Server; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () =>
      resolve({
        server,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Finding 4 of the hardening issue: once the JWKS cache expired, every authenticated call stalled on
 * the unreachable identity service and then answered 401. Stops the real identity service (the
 * other service knows only its issuer and JWKS URL), leaves a black hole on its port for longer than
 * the cache lifetime, and checks calls with a known key keep passing at once.
 */
describe('authenticated calls while the identity service is down', () => {
  let identity: RunningIdentity;
  let probe: RunningService;
  let hole: { close: () => Promise<void> } | undefined;

  beforeAll(async () => {
    const tag = uniqueTag('idoutage');
    // Citizens sign in without seeded accounts.
    identity = await startIdentity(tag, { SEED_DEV_USERS: false });
    probe = await startService(
      probeService,
      isolatedOverrides(tag, 'probe', {
        AUTH_ISSUER: identity.service.env.AUTH_ISSUER,
        AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
        AUTH_JWKS_CACHE_SECONDS: CACHE_SECONDS,
        AUTH_JWKS_TIMEOUT_MS: 1000,
      }),
    );
  }, 90_000);

  afterAll(async () => {
    await hole?.close();
    await probe?.stop();
    if (probe) await dropSchema(probe.env.DATABASE_URL, probe.env.DB_SCHEMA);
    await identity?.stop();
  }, 60_000);

  it('keeps verifying with the last known keys, quickly, and still refuses an unknown key', async () => {
    const phone = '13905318888';
    await request(identity.url).post('/auth/otp').send({ phone }).expect(202);
    const code = identity.sms.lastCodeFor(phone) as string;
    const token = (
      await request(identity.url)
        .post('/token')
        .type('form')
        .send({ grant_type: 'urn:legal:grant-type:otp', phone, code })
        .expect(200)
    ).body.access_token as string;
    const call = (bearer: string): request.Test =>
      request(probe.url).get('/probe/citizen').set('authorization', `Bearer ${bearer}`);
    await call(token).expect(200); // the probe learns identity's keys

    const port = Number(new URL(identity.url).port);
    await identity.service.stop();
    hole = await blackHole(port);
    await pause(CACHE_SECONDS * 1000 + 500); // the key set is now older than its lifetime

    const timings: number[] = [];
    const statuses: number[] = [];
    const until = Date.now() + 4000; // several cache lifetimes
    while (Date.now() < until) {
      const started = Date.now();
      statuses.push((await call(token)).status);
      timings.push(Date.now() - started);
      await pause(200);
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(Math.max(...timings)).toBeLessThan(500);
    expect(statuses.length).toBeGreaterThan(5);

    // A token signed by a key identity never published is refused, with no long wait either.
    const stranger = await TestAuthority.create();
    const forged = await stranger.token({ roles: ['citizen'], issuer: identity.service.env.AUTH_ISSUER });
    const started = Date.now();
    const refused = await call(forged);
    expect(refused.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(2500);
    // and again (within the cooldown: no fetch at all)
    await call(forged).expect(401);
    await call(token).expect(200);
  }, 60_000);
});
