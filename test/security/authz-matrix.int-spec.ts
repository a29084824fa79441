import { AUTH_REFUSALS, collectRouteDecisions, isRole, ROLES } from '@legal/auth';
import type { Role, RouteDecision } from '@legal/auth';
import { TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { idCardCheckCharacter } from '@legal/domain';
import request from 'supertest';
import {
  RunningFleet,
  SECURITY_TESTED_SERVICES,
  serviceFoldersWithDefinitions,
  startAllServices,
} from './support/all-services';
import { callRoute, concretePath, inBatches } from './support/route-calls';

// Eight real services and ~1,500 requests: longer than the default 120 s of test/setup-env.ts on a busy machine.
jest.setTimeout(600_000);

interface Route extends RouteDecision {
  service: string;
  url: string;
}

interface Outcome {
  route: Route;
  role: Role | 'anonymous';
  allowed: boolean;
  status: number;
  detail: string | undefined;
}

/**
 * Protected routes that take an id or read a list but never see the caller, on purpose: reference data,
 * configuration and directories, not records of a person or a case (issue 13: jurisdiction on every route
 * that takes an id). Anything else that reads without `@CurrentUser()` cannot check jurisdiction.
 */
const CALLER_NOT_NEEDED: Record<string, string> = {
  'hotline GET /roster/shifts': 'duty roster of the 12348 centre: staff shifts, no region or caller data',
  'hotline GET /roster/shifts/:id': 'duty roster of the 12348 centre',
  'hotline GET /roster/coverage': 'duty roster of the 12348 centre',
  'hotline GET /roster/on-duty': 'duty roster of the 12348 centre',
  'legal-aid GET /admin/organisation-capacity': 'capacity configuration of legal-aid centres',
  'legal-aid GET /exempt-categories': 'statutory reference data',
  'legal-aid GET /admin/hardship-thresholds': 'published reference data',
  'legal-aid GET /lawyers':
    'directory of legal-aid lawyers (professional data, province-wide by design: see the report of issue 13)',
  'legal-aid GET /lawyers/:id': 'directory of legal-aid lawyers',
  'work-order GET /admin/routing-rules': 'routing configuration',
  'work-order GET /admin/organisations': 'directory of organisations (public data: names, areas, duty hours)',
  'mediation GET /committees': 'directory of mediation committees',
  'mediation GET /committees/:id/mediators': 'directory of mediators',
  'mediation GET /dispute-keywords': 'classification reference data',
  'notarization GET /matters': 'catalogue of notarial matters',
  'notarization GET /matters/:code': 'catalogue of notarial matters',
  'notarization GET /offices': 'directory of notary offices',
  'work-order GET /calendar/deadline': 'arithmetic on the official calendar (start, rule, days): no record, no region',
  'oversight GET /indicators/definitions':
    'definitions of the indicators (formula, target, unit): no figures, no region',
};

const describeRoute = (r: Route): string => `${r.service} ${r.httpMethod} ${r.path} (${r.controller}.${r.handler})`;
const guardRefusals: string[] = [AUTH_REFUSALS.roleDenied, AUTH_REFUSALS.noDecision];

/**
 * The role × endpoint matrix, generated from route metadata: every route of every service must carry
 * a decision (@Public or @Roles); every role listed may pass the guard and every other role gets 403.
 * A new endpoint without a decision, or a guard that disagrees with the metadata, fails the build.
 */
describe('authorization matrix (all services, all routes, all roles)', () => {
  let fleet: RunningFleet;
  let auth: TestAuthority;
  let routes: Route[];
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    auth = await TestAuthority.create();
    fleet = await startAllServices(uniqueTag('authz'), auth.env);
    routes = fleet.services.flatMap(({ definition, running }) =>
      collectRouteDecisions(running.app).map((r) => ({ ...r, service: definition.name, url: running.url })),
    );
    for (const role of ROLES) {
      tokens.set(
        role,
        await auth.bearer({
          sub: `matrix-${role}`,
          roles: [role],
          org: role === 'citizen' ? undefined : 'org-matrix',
          region: role === 'citizen' || role === 'partner' ? undefined : '370000',
          phone: role === 'citizen' ? '13900000000' : undefined,
          clientId: role === 'partner' ? 'matrix-partner' : undefined,
        }),
      );
    }
  }, 600_000);
  afterAll(async () => fleet?.stop(), 120_000);

  it('covers every service folder (add new services to test/security/support/all-services.ts)', () => {
    expect(SECURITY_TESTED_SERVICES.map((s) => s.name).sort()).toEqual(serviceFoldersWithDefinitions());
  });

  it('finds the routes of every service', () => {
    const protectedCount = routes.filter((r) => !r.public).length;
    console.info(
      `authorization matrix: ${routes.length} routes in ${fleet.services.length} services (${protectedCount} protected) × ${ROLES.length} roles`,
    );
    for (const { definition } of fleet.services) {
      expect(routes.filter((r) => r.service === definition.name).map((r) => r.path)).toEqual(
        expect.arrayContaining(['/health/live', '/health/ready']),
      );
    }
  });

  it('has an access decision (@Public or @Roles) on every route', () => {
    const undecided = routes.filter((r) => !r.public && r.roles.length === 0).map(describeRoute);
    expect(undecided).toEqual([]);
  });

  it('names only known roles in @Roles', () => {
    const unknown = routes.flatMap((r) =>
      r.roles.filter((role) => !isRole(role)).map((role) => `${describeRoute(r)}: ${role}`),
    );
    expect(unknown).toEqual([]);
  });

  it('hands the caller to every protected route that takes an id or reads, so it can check jurisdiction (issue 13)', () => {
    const key = (r: Route): string => `${r.service} ${r.httpMethod} ${r.path}`;
    const reads = (r: Route): boolean => r.pathParams.length > 0 || r.httpMethod === 'GET' || /\/search$/.test(r.path);
    const adminOnly = (r: Route): boolean => r.roles.every((role) => role === 'admin');
    const blind = routes.filter(
      (r) =>
        !r.public &&
        r.roles.length > 0 &&
        !adminOnly(r) &&
        reads(r) &&
        !r.receivesCaller &&
        !(key(r) in CALLER_NOT_NEEDED),
    );
    expect(blind.map(describeRoute)).toEqual([]);
    const stale = Object.keys(CALLER_NOT_NEEDED).filter((k) => !routes.some((r) => key(r) === k && !r.receivesCaller));
    expect(stale).toEqual([]);
  });

  it('keeps the health routes public', () => {
    const closed = routes.filter((r) => r.path.startsWith('/health') && !r.public).map(describeRoute);
    expect(closed).toEqual([]);
  });

  describe('behaviour matches the metadata', () => {
    let outcomes: Outcome[];

    beforeAll(async () => {
      const protectedRoutes = routes.filter((r) => !r.public && r.roles.length > 0);
      const tasks = protectedRoutes.flatMap((route) => [
        async (): Promise<Outcome> => {
          const res = await callRoute(route.url, route);
          return {
            route,
            role: 'anonymous',
            allowed: false,
            status: res.status,
            detail: (res.body as { detail?: string }).detail,
          };
        },
        ...ROLES.map((role) => async (): Promise<Outcome> => {
          const res = await callRoute(route.url, route, { authorization: tokens.get(role) });
          return {
            route,
            role,
            allowed: route.roles.includes(role),
            status: res.status,
            detail: (res.body as { detail?: string }).detail,
          };
        }),
      ]);
      const publicRoutes = routes.filter((r) => r.public && !r.path.startsWith('/docs'));
      const publicTasks = publicRoutes.map((route) => async (): Promise<Outcome> => {
        const res = await callRoute(route.url, route);
        return {
          route,
          role: 'anonymous',
          allowed: true,
          status: res.status,
          detail: (res.body as { detail?: string }).detail,
        };
      });
      outcomes = await inBatches([...tasks, ...publicTasks], 6);
    }, 600_000);

    const show = (o: Outcome): string =>
      `${describeRoute(o.route)} as ${o.role} → ${o.status}${o.detail ? ` (${o.detail})` : ''} [${concretePath(o.route.path)}]`;

    it('answers 401 to calls without a token on every protected route', () => {
      const wrong = outcomes.filter((o) => o.role === 'anonymous' && !o.allowed && o.status !== 401).map(show);
      expect(wrong).toEqual([]);
    });

    it('answers 403 to every role that the route does not list', () => {
      const wrong = outcomes
        .filter(
          (o) => o.role !== 'anonymous' && !o.allowed && !(o.status === 403 && o.detail === AUTH_REFUSALS.roleDenied),
        )
        .map(show);
      expect(wrong).toEqual([]);
    });

    it('lets every listed role (and anyone on public routes) past the guard: no 401, no guard 403', () => {
      const wrong = outcomes
        .filter((o) => o.allowed && (o.status === 401 || (o.status === 403 && guardRefusals.includes(o.detail ?? ''))))
        .map(show);
      expect(wrong).toEqual([]);
    });

    it('never answers 500 to a permitted call with dummy input (bad input is 4xx; 503 means a dependency is down)', () => {
      const failing = outcomes.filter((o) => o.allowed && o.status >= 500 && o.status !== 503).map(show);
      expect(failing).toEqual([]);
    });
  });
  /**
   * Issue 13: jurisdiction on every route that takes an id. A real work order (a call answered on the
   * hotline in Lanling county, 371324) gives real values to the parameters that name a record (`code`,
   * `caseCode`, `callId`, hotline `/calls/:id`); follow-up calls give each handler service an offer and,
   * once accepted, its application or case. Every GET route taking an id is called with them by
   * each listed staff role twice: with a token of the record's county and with one of another city
   * (Jinan, 370102). Wherever the in-area call reaches the record (2xx), the out-of-area call must get
   * 403 or 404. Routes whose ids cannot be given a real value here are listed, not silently passed.
   */
  describe('out-of-jurisdiction tokens on routes that read one record', () => {
    const values = new Map<string, Record<string, string>>();
    interface Pair {
      route: Route;
      role: Role;
      inStatus: number;
      outStatus: number;
      outCode: string | undefined;
    }
    let pairs: Pair[];
    let withoutRecord: Route[];
    const areaToken = (role: Role, region: string): Promise<string> =>
      auth.bearer({ sub: `juris-${role}-${region}`, roles: [role], org: `org-${region}-${role}`, region });

    beforeAll(async () => {
      const hotline = fleet.services.find((s) => s.definition.name === 'hotline')?.running.url as string;
      const agent = await areaToken('hotline-agent', '371324');
      const call = await request(hotline)
        .post('/calls')
        .set('authorization', agent)
        .send({
          callerPhone: '13977776666',
          regionCode: '371324',
          description: '咨询劳动合同',
          outcome: 'answered-on-spot',
          answerSummary: '已解答',
        })
        .expect(201);
      const callId = (call.body as { id: string }).id;
      const caseCode = await waitUntil(
        async () =>
          ((await request(hotline).get(`/calls/${callId}`).set('authorization', agent)).body as { caseCode?: string })
            .caseCode,
        60000,
        'the case code of the call',
      );
      const supervisor = await areaToken('supervisor', '371324');
      for (const service of ['portal', 'centre']) {
        const url = fleet.services.find((s) => s.definition.name === service)?.running.url as string;
        const path = service === 'portal' ? `/portal/staff/work-orders/${caseCode}` : `/work-orders/${caseCode}`;
        await waitUntil(
          async () => (await request(url).get(path).set('authorization', supervisor)).status === 200,
          60000,
          `${service} read model`,
        );
      }
      values.set('work-order', { code: caseCode });
      values.set('portal', { caseCode });
      values.set('centre', { caseCode });
      values.set('hotline', { callId, id: callId });

      // A walk-in registered at the county centre (centre records are scoped to the clerk's organisation).
      const centreUrl = fleet.services.find((s) => s.definition.name === 'centre')?.running.url as string;
      const first17 = '37132419850101123';
      const visit = await request(centreUrl)
        .post('/walk-ins')
        .set('authorization', await areaToken('centre-clerk', '371324'))
        .send({
          idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
          name: '测试',
          address: '兰陵县卞庄街道1号',
          regionCode: '371324101',
        })
        .expect(201);
      values.set('centre /walk-ins', { id: (visit.body as { id: string }).id });

      // Requests followed up by a handler: each handler service holds an offer of the county's work order.
      const handlers = [
        ['legal-aid', 'legal-aid', '工地老板拖欠工资三万元，想申请法律援助'],
        ['mediation', 'mediation', '和邻居因为宅基地边界发生纠纷，想请调解'],
        ['notarization', 'notarization', '办理房屋委托书公证'],
      ] as const;
      await Promise.all(
        handlers.map(async ([service, serviceType, description], i) => {
          const followUp = await request(hotline)
            .post('/calls')
            .set('authorization', agent)
            .send({
              callerPhone: `1397777000${i}`,
              callerName: '测试',
              regionCode: '371324',
              description,
              serviceType,
              outcome: 'follow-up',
            })
            .expect(201);
          const url = fleet.services.find((s) => s.definition.name === service)?.running.url as string;
          const boss = await areaToken('supervisor', '371324');
          const offerId = await waitUntil(
            async () => {
              const code = (
                (
                  await request(hotline)
                    .get(`/calls/${(followUp.body as { id: string }).id}`)
                    .set('authorization', agent)
                ).body as { caseCode?: string }
              ).caseCode;
              if (!code) return undefined;
              const offers = await request(url).get('/offers').set('authorization', boss);
              return ((offers.body as { items?: { id: string; caseCode: string }[] }).items ?? []).find(
                (o) => o.caseCode === code,
              )?.id;
            },
            45000,
            `the ${service} offer`,
          ).catch(() => undefined);
          if (!offerId) return;
          values.set(`${service} /offers`, { id: offerId });
          // Accepting it opens the service's own record (application or case) of the same area.
          const role: Role =
            service === 'legal-aid' ? 'legal-aid-officer' : service === 'mediation' ? 'mediator' : 'notary';
          const accepted = await request(url)
            .post(`/offers/${offerId}/accept`)
            .set('authorization', await areaToken(role, '371324'))
            .send({});
          const recordId = (accepted.body as { id?: string }).id;
          if (accepted.status < 300 && recordId)
            values.set(`${service} /${service === 'mediation' ? 'cases' : 'applications'}`, { id: recordId });
        }),
      );

      const valuesFor = (r: Route): Record<string, string> | undefined =>
        values.get(`${r.service} /${r.path.split('/')[1] ?? ''}`) ?? values.get(r.service);
      const allIdRoutes = routes.filter((r) => !r.public && r.httpMethod === 'GET' && r.pathParams.length > 0);
      const idRoutes = allIdRoutes.filter((r) => valuesFor(r) !== undefined);
      withoutRecord = allIdRoutes.filter((r) => valuesFor(r) === undefined);
      const staffRoles = (r: Route): Role[] =>
        r.roles.filter((role) => role !== 'admin' && role !== 'citizen' && role !== 'partner');
      const tasks = idRoutes.flatMap((route) =>
        staffRoles(route).map((role) => async (): Promise<Pair> => {
          const path = concretePath(route.path, valuesFor(route));
          const inside = await callRoute(route.url, route, { path, authorization: await areaToken(role, '371324') });
          const outside = await callRoute(route.url, route, { path, authorization: await areaToken(role, '370102') });
          return {
            route,
            role,
            inStatus: inside.status,
            outStatus: outside.status,
            outCode: (outside.body as { code?: string }).code,
          };
        }),
      );
      pairs = await inBatches(tasks, 4);
    }, 300_000);

    it('answers 403 or 404 to another area’s staff wherever the record’s own area reads it', () => {
      const exercised = pairs.filter((p) => p.inStatus >= 200 && p.inStatus < 300);
      console.info(
        `jurisdiction: ${exercised.length} (route, role) pairs reach a real record; not exercised (no real id here): ${[...new Set([...pairs.filter((p) => !exercised.some((e) => e.route === p.route)).map((p) => p.route), ...withoutRecord].map(describeRoute))].join('; ')}`,
      );
      expect(exercised.length).toBeGreaterThanOrEqual(8);
      expect([...new Set(exercised.map((p) => p.route.service))].sort()).toEqual(
        expect.arrayContaining(['centre', 'hotline', 'portal', 'work-order']),
      );
      const leaks = exercised
        .filter((p) => p.outStatus !== 403 && p.outStatus !== 404)
        .map((p) => `${describeRoute(p.route)} as ${p.role} of 370102 → ${p.outStatus}`);
      expect(leaks).toEqual([]);
    });
  });
});
