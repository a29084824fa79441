import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { collectRouteDecisions, ROLES } from '@legal/auth';
import type { Role, RouteDecision } from '@legal/auth';
import { idCardCheckCharacter } from '@legal/domain';
import { TestAuthority, uniqueTag } from '@legal/testing';
import { RunningFleet, startAllServices } from './support/all-services';
import { OpenApiDocument, PersonalData, poisonedBody, sampleBody } from './support/openapi-sample';
import { logFileSettled } from './support/log-file';
import { callRoute, inBatches } from './support/route-calls';

// Eight real services and ~1,500 requests: longer than the default 120 s of test/setup-env.ts on a busy machine.
jest.setTimeout(600_000);

/** Synthetic but valid personal data (check digits right, so validation lets it through to handlers). */
function syntheticIdCard(region: string, birth: string): string {
  const seq = String(100 + Math.floor(Math.random() * 899));
  const body = `${region}${birth}${seq}`;
  return body + idCardCheckCharacter(body);
}
function syntheticMobile(prefix: string): string {
  return `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

const PEOPLE: PersonalData[] = [
  { idCard: syntheticIdCard('370102', '19850412'), phone: syntheticMobile('139') },
  { idCard: syntheticIdCard('371302', '19620917'), phone: syntheticMobile('186') },
];

interface CapturedLine {
  source: string;
  text: string;
}

/** The line as written and with URL/JSON escapes turned into spaces (`%20`, `\n` must not hide a number). */
function views(line: CapturedLine): string[] {
  return [line.text, line.text.replace(/%[0-9A-Fa-f]{2}|\\[nrt"]|\\u[0-9a-fA-F]{4}/g, ' ')];
}

/**
 * Boots every service with its logs going to a file (LOG_FILE), plus whatever is printed on the
 * console, then drives every route with ID-card and phone numbers in paths, queries, bodies, tokens,
 * valid and invalid requests, and requires that not one captured line contains a raw ID-card number
 * or a full phone number.
 */
describe('log scan: no ID-card number or full phone number in any log line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'legal-log-scan-'));
  const logFile = path.join(dir, 'services.log');
  const consoleLines: CapturedLine[] = [];
  const spies: jest.SpyInstance[] = [];
  let fleet: RunningFleet | undefined;
  let requests = 0;

  beforeAll(async () => {
    process.env.LOG_FILE = logFile;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method].bind(console);
      spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          consoleLines.push({
            source: `console.${method}`,
            text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '),
          });
          original(...args);
        }),
      );
    }
    const auth = await TestAuthority.create();
    fleet = await startAllServices(uniqueTag('logscan'), { ...auth.env, LOG_LEVEL: 'debug' });

    const person = PEOPLE[0] as PersonalData;
    const tokens = new Map<Role, string>();
    for (const role of ROLES) {
      tokens.set(
        role,
        await auth.bearer({
          roles: [role],
          org: 'org-scan',
          region: role === 'citizen' ? undefined : '370000',
          phone: role === 'citizen' ? person.phone : undefined,
          clientId: role === 'partner' ? 'scan-partner' : undefined,
        }),
      );
    }

    const tasks: (() => Promise<unknown>)[] = [];
    for (const { running } of fleet.services) {
      const doc = (await request(running.url).get('/docs-json').expect(200)).body as OpenApiDocument;
      const routes = collectRouteDecisions(running.app).filter(
        (r) => !r.path.startsWith('/health') && r.path !== '/metrics',
      );
      for (const route of routes) {
        for (const pii of PEOPLE) tasks.push(...callsFor(running.url, route, doc, pii, tokens));
      }
      // Unknown routes and broken bodies carrying personal data.
      tasks.push(() => request(running.url).get(`/no-such-route/${person.idCard}?phone=${person.phone}`));
      tasks.push(() =>
        request(running.url)
          .post('/no-such-route')
          .set('content-type', 'application/json')
          .send(`{"phone":"${person.phone}","idCard":"${person.idCard}"`),
      );
      tasks.push(() =>
        request(running.url)
          .post('/no-such-route')
          .send({ filler: 'x'.repeat(300_000), idCard: person.idCard }),
      );
    }
    await inBatches(
      tasks.map((t) => async () => {
        requests++;
        await t().catch(() => undefined);
      }),
      6,
    );
    // Let consumers and relays finish what the requests started, then stop (shutdown lines count too).
    await logFileSettled(logFile);
    await fleet.stop();
    fleet = undefined;
  }, 900_000);

  afterAll(async () => {
    await fleet?.stop();
    delete process.env.LOG_FILE;
    for (const spy of spies) spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  function callsFor(
    url: string,
    route: RouteDecision,
    doc: OpenApiDocument,
    pii: PersonalData,
    tokens: Map<Role, string>,
  ): (() => Promise<unknown>)[] {
    const roles: Role[] = route.public
      ? ['citizen']
      : route.roles.includes('citizen')
        ? ['citizen', ...route.roles.filter((r) => r !== 'citizen').slice(0, 1)]
        : route.roles.slice(0, 1);
    const auths = [...(route.public ? [undefined] : []), ...roles.map((r) => tokens.get(r))];
    const body = sampleBody(doc, route.path, route.httpMethod, pii);
    const piiPath = route.path.replace(/:(\w+)/g, (_m, name: string) =>
      /phone|mobile/i.test(name) ? pii.phone : /code/i.test(name) ? pii.phone : pii.idCard,
    );
    const query = { phone: pii.phone, idCard: pii.idCard, q: `${pii.idCard} ${pii.phone}` };
    return auths.flatMap((authorization) => [
      () => callRoute(url, route, { authorization, body, headers: { 'x-caller-number': pii.phone } }),
      () => callRoute(url, route, { authorization, body: poisonedBody(body ?? {}, pii), query }),
      () => callRoute(url, route, { authorization, path: piiPath, query }),
    ]);
  }

  function capturedLines(): CapturedLine[] {
    const fileLines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((text) => ({ source: 'LOG_FILE', text }));
    return [...fileLines, ...consoleLines];
  }

  it('captured the services’ logs (the scan is not vacuous)', () => {
    const lines = capturedLines();
    expect(requests).toBeGreaterThan(20);
    expect(lines.length).toBeGreaterThan(requests / 2);
    expect(lines.some((l) => /"service":"identity"/.test(l.text))).toBe(true);
    // Personal data did reach the loggers, masked: e.g. 139****1234 in request URLs.
    const masked = `${(PEOPLE[0] as PersonalData).phone.slice(0, 3)}****${(PEOPLE[0] as PersonalData).phone.slice(-4)}`;
    expect(lines.some((l) => l.text.includes(masked))).toBe(true);
  });

  it('finds no raw ID-card number and no full phone number in any line', () => {
    const needles = PEOPLE.flatMap((p) => [p.idCard, p.idCard.toLowerCase(), p.phone]);
    const leaks = capturedLines()
      .filter((line) => views(line).some((v) => needles.some((n) => v.includes(n))))
      .map((line) => `${line.source}: ${line.text.slice(0, 400)}`);
    expect(leaks).toEqual([]);
  });

  it('finds nothing shaped like an ID-card or mobile number either (other test data, tokens, events)', () => {
    const idShape =
      /(?<![0-9A-Za-z])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
    const mobileShape = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/;
    const suspicious = capturedLines()
      .filter((line) => views(line).some((v) => idShape.test(v) || mobileShape.test(v)))
      .map((line) => `${line.source}: ${line.text.slice(0, 400)}`);
    expect(suspicious).toEqual([]);
  });
});
