/**
 * `npm run demo`: a first request through the running stack (`npm start`), with the typed clients of
 * @legal/clients. A citizen signs in with a one-time code, submits a legal-aid request on the portal; it appears on
 * the hotline and at the centre; the legal-aid officer accepts it; the citizen sees the status change.
 *
 *   npm run demo                 every step, in order
 *   npm run demo -- <step>       one step: token | submit | hotline | centre | accept | status
 *                                (what a step learnt is kept in .cache/demo.json for the next one)
 *
 * Environment: DEMO_HOST (default 127.0.0.1), DEMO_REGION (default 370102, the district of the development staff
 * accounts), LEGAL_SERVICES_RUN_DIR (where `npm start` writes the service logs, default .cache/services: the
 * development SMS sender logs the one-time code there). Development accounts: services/identity/README.md.
 */
import { existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  centreClient,
  defaultBaseUrl,
  hotlineClient,
  identityClient,
  legalAidClient,
  ok,
  portalClient,
  ProblemError,
} from '@legal/clients';
import type { RegisteredServiceName } from '@legal/contracts';

const root = path.join(__dirname, '..', '..');
const HOST = process.env.DEMO_HOST ?? '127.0.0.1';
const REGION = process.env.DEMO_REGION ?? '370102';
const RUN_DIR = process.env.LEGAL_SERVICES_RUN_DIR ?? path.join(root, '.cache', 'services');
const STATE_FILE = path.join(root, '.cache', 'demo.json');
const DEV_PASSWORD = 'Dev-Only-Password-2025';
const WAIT_MS = Number(process.env.DEMO_WAIT_MS ?? 60_000);

interface DemoState {
  phone?: string;
  citizenToken?: string;
  intakeId?: string;
  accessCode?: string;
  caseCode?: string;
  workOrderId?: string;
}

const url = (service: RegisteredServiceName): string => defaultBaseUrl(service, HOST);
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;

function load(): DemoState {
  return existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DemoState) : {};
}
function save(state: DemoState): void {
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}
function need<K extends keyof DemoState>(state: DemoState, key: K, step: string): NonNullable<DemoState[K]> {
  const value = state[key];
  if (value === undefined || value === null) throw new Error(`no ${key} yet: run \`npm run demo -- ${step}\` first`);
  return value as NonNullable<DemoState[K]>;
}

/** Polls `probe` every 500 ms until it gives a value, printing a dot now and then. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let dots = 0;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      if (dots > 0) process.stdout.write('\n');
      return value;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${WAIT_MS / 1000} s`);
    if (++dots % 4 === 0) process.stdout.write('.');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A staff member's access token (password grant of a development account). */
async function staffToken(username: string): Promise<string> {
  const identity = identityClient({ baseUrl: url('identity') });
  const token = await ok(
    identity.POST('/token', { body: { grant_type: 'password', username, password: DEV_PASSWORD } }),
  );
  return token.access_token;
}

/** The one-time code the development SMS sender logged for `phone` after byte `from` of identity's log. */
function loggedCode(logFile: string, from: number, phone: string): string | undefined {
  const size = statSync(logFile).size;
  if (size <= from) return undefined;
  const buffer = Buffer.alloc(size - from);
  const fd = openSync(logFile, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, from);
  } finally {
    closeSync(fd);
  }
  for (const line of buffer.toString('utf8').split('\n').reverse()) {
    const match = /"to":"([^"]*)".*"devCode":"(\d{6})"/.exec(line) ?? /"devCode":"(\d{6})".*"to":"([^"]*)"/.exec(line);
    if (!match) continue;
    const [to, code] =
      match[1]!.length === 6 && /^\d+$/.test(match[1]!) ? [match[2]!, match[1]!] : [match[1]!, match[2]!];
    if (to.endsWith(phone.slice(-4))) return code;
  }
  return undefined;
}

const steps: Record<string, (state: DemoState) => Promise<void>> = {
  /** 1. The citizen signs in with a one-time code (identity, OTP grant). */
  async token(state) {
    const phone = `1390000${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const identity = identityClient({ baseUrl: url('identity') });
    const logFile = path.join(RUN_DIR, 'identity.log');
    if (!existsSync(logFile)) throw new Error(`${logFile} not found: is the stack started with \`npm start\`?`);
    const from = statSync(logFile).size;
    await ok(identity.POST('/auth/otp', { body: { phone } }));
    say(`[${elapsed()}] 1. one-time code sent to ${phone} (development: read from ${path.relative(root, logFile)})`);
    const code = await until('the one-time code in the identity log', async () => loggedCode(logFile, from, phone));
    const token = await ok(identity.POST('/token', { body: { grant_type: 'otp', phone, code } }));
    Object.assign(state, { phone, citizenToken: token.access_token });
    say(`[${elapsed()}]    citizen token for ${phone} (expires in ${token.expires_in} s)`);
  },

  /** 2. The citizen submits a legal-aid request on the portal; the work-order service gives it a case code. */
  async submit(state) {
    const phone = need(state, 'phone', 'token');
    const portal = portalClient({ baseUrl: url('portal'), token: need(state, 'citizenToken', 'token') });
    const accepted = await ok(
      portal.POST('/portal/requests', {
        body: {
          serviceType: 'legal-aid',
          regionCode: REGION,
          description: '在工地干了半年活，老板拖欠工资三万元不给，想申请法律援助',
          contact: { name: '演示 市民', phone },
          vulnerableGroup: true,
        },
      }),
    );
    Object.assign(state, { intakeId: accepted.intakeId, accessCode: accepted.accessCode });
    say(
      `[${elapsed()}] 2. submitted on the portal: intake ${accepted.intakeId}, access code (查询码) ${accepted.accessCode}`,
    );
    const status = await until('the case code', async () => {
      const s = await ok(
        portal.GET('/portal/requests/{intakeId}/status', { params: { path: { intakeId: accepted.intakeId } } }),
      );
      if (s.status === 'rejected') throw new Error(`the intake was rejected: ${JSON.stringify(s)}`);
      return s.caseCode ? s : undefined;
    });
    Object.assign(state, { caseCode: status.caseCode, workOrderId: status.workOrderId });
    say(`[${elapsed()}]    case code ${status.caseCode} (${status.status})`);
  },

  /** 3. A hotline agent finds it in the caller's history (dev-hotline). */
  async hotline(state) {
    const [phone, caseCode] = [need(state, 'phone', 'token'), need(state, 'caseCode', 'submit')];
    const hotline = hotlineClient({ baseUrl: url('hotline'), token: await staffToken('dev-hotline') });
    const seen = await until('the case on the hotline', async () => {
      const history = await ok(hotline.POST('/caller-history/search', { body: { phone } }));
      return history.workOrders.items.find((w) => w.caseCode === caseCode);
    });
    say(`[${elapsed()}] 3. on the hotline (dev-hotline, caller history of ${phone}): ${seen.caseCode} ${seen.status}`);
  },

  /** 4. The centre clerk of the district sees it (dev-clerk). */
  async centre(state) {
    const caseCode = need(state, 'caseCode', 'submit');
    const centre = centreClient({ baseUrl: url('centre'), token: await staffToken('dev-clerk') });
    const view = await until('the case at the centre', async () => {
      const { data, response } = await centre.GET('/work-orders/{caseCode}', { params: { path: { caseCode } } });
      return response.status === 200 ? data : undefined;
    });
    say(
      `[${elapsed()}] 4. at the centre (dev-clerk): ${view.caseCode} ${view.status}, timeline ${view.timeline.map((e) => e.action).join(' → ')}`,
    );
  },

  /** 5. The legal-aid officer accepts the offer the router made to their centre (dev-legal-aid). */
  async accept(state) {
    const caseCode = need(state, 'caseCode', 'submit');
    const legalAid = legalAidClient({ baseUrl: url('legal-aid'), token: await staffToken('dev-legal-aid') });
    // GET /offers has no response schema in docs/openapi/legal-aid.json (the handler kit's controller): read the
    // fields of OfferResponseDto this step needs.
    type OfferRow = { id: string; caseCode: string; status: string; organisationName?: string };
    const offer = await until('the offer to the legal-aid centre', async () => {
      const page = (await ok(legalAid.GET('/offers', { params: { query: { status: 'open' } } }))) as unknown as {
        items: OfferRow[];
      };
      return page.items.find((o) => o.caseCode === caseCode);
    });
    say(`[${elapsed()}] 5. offer ${offer.id} to ${offer.organisationName ?? 'the legal-aid centre'}`);
    await ok(legalAid.POST('/offers/{id}/accept', { params: { path: { id: offer.id } } }));
    say(
      `[${elapsed()}]    accepted by dev-legal-aid: the legal-aid application is open, the 7-day decision clock runs`,
    );
  },

  /** 6. The citizen sees the status change (signed in: "my requests"; or with the access code: tracking). */
  async status(state) {
    const caseCode = need(state, 'caseCode', 'submit');
    const portal = portalClient({ baseUrl: url('portal'), token: need(state, 'citizenToken', 'token') });
    const view = await until('the accepted status for the citizen', async () => {
      const v = await ok(portal.GET('/portal/track/{caseCode}', { params: { path: { caseCode } } }));
      return v.status === 'accepted' || v.status === 'in-progress' ? v : undefined;
    });
    const { headline, nextStep } = view.statusText;
    say(`[${elapsed()}] 6. the citizen sees ${view.caseCode}: ${view.status} — ${headline} ${nextStep}`);
  },
};

function whereToLook(state: DemoState): void {
  const code = state.caseCode ?? '<case code>';
  say('');
  say(`Case code ${code}. Where to look:`);
  say(
    `  portal (citizen):  curl -s ${url('portal')}/portal/track/${code} -H 'x-access-code: ${state.accessCode ?? ''}'`,
  );
  say(`  centre (staff):    ${url('centre')}/work-orders/${code}   (token: dev-clerk)`);
  say(`  work-order:        ${url('work-order')}/work-orders/${code}   (token: dev-supervisor)`);
  say(
    `  API documents:     ${url('portal')}/docs, docs/openapi/*.json; logs: ${path.relative(root, RUN_DIR)}/<service>.log`,
  );
}

async function main(argv: string[]): Promise<number> {
  const only = argv[0];
  if (only !== undefined && !(only in steps)) {
    say(`unknown step ${only}; steps: ${Object.keys(steps).join(', ')}`);
    return 2;
  }
  const state = only === undefined || only === 'token' ? {} : load();
  for (const [name, step] of Object.entries(steps)) {
    if (only !== undefined && name !== only) continue;
    await step(state);
    save(state);
  }
  if (only === undefined || only === 'status') whereToLook(state);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ProblemError) say(`\n${e.message}${e.errors.length ? ` ${JSON.stringify(e.errors)}` : ''}`);
    else say(`\n${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof TypeError && /fetch failed/.test(e.message)) say('Is the stack running? `npm start` first.');
    process.exit(1);
  },
);
