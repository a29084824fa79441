import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { collectRouteDecisions, ROLES } from '@legal/auth';
import type { Role, RouteDecision } from '@legal/auth';
import { TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { RunningFleet, startAllServices } from './support/all-services';
import { OpenApiDocument, openApiPath, SchemaObject } from './support/openapi-sample';

/**
 * Issue 13: a property-based fuzz test over every route of every service, generated from the
 * services' own OpenAPI documents (`/docs-json`) and route metadata. For every operation, fast-check
 * builds requests — valid bodies from the schema and mutated ones (wrong types, missing and extra
 * fields, deep nesting, huge strings, control characters, odd unicode, arrays for objects, invalid
 * JSON text, wrong content types), path parameters and query strings from valid-looking to garbage —
 * sent anonymously and with a token of a role the route allows. Property: no answer is a 5xx (nor a
 * hang). Afterwards every service still answers 200 on /health/ready.
 *
 * Run: `SKIP_INFRA_UP=1 npx jest --selectProjects integration test/security/openapi-fuzz.int-spec.ts`
 * Deeper: `FUZZ_RUNS=100` (requests per operation); replay: `FUZZ_SEED=<printed seed>`, and
 * `FUZZ_ONLY='<service> <METHOD> <path>'` to fuzz one operation (the seed and path fast-check prints
 * for a counterexample replay it exactly with `FUZZ_PATH=<path>` and the same seed).
 */
jest.setTimeout(600_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 13_0013);
const ONLY = process.env.FUZZ_ONLY;
const REPLAY_PATH = process.env.FUZZ_PATH;
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);

interface Operation {
  service: string;
  url: string;
  route: RouteDecision;
  doc: OpenApiDocument;
  op: OpenApiOperation | undefined;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: SchemaObject;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  auth: string;
  headers: Record<string, string>;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; contentType: string | undefined; text: string };
}

// ---------- value arbitraries ----------

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
];
const ODD_UNICODE = [
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud83d\ude00',
  '\u0301',
  'ẞ',
  '𠮷',
  '\ud800',
  '\udfff',
  '\uffff',
  'İ',
  '\u00a0',
];
const TRAVERSAL = [
  '..',
  '../..',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '..\\..\\windows',
  '/etc/passwd',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%c0%ae%c0%ae/',
];
const DATE_GARBAGE = [
  '2026-02-30',
  '0000-00-00',
  '0000-00-00T00:00:00Z',
  '99999-01-01',
  '2026-13-01T25:61:61Z',
  '1970-01-01T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  'yesterday',
];
const NUMBER_EDGES = [0, -1, 1.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e308, -1e308, 5e-324];

const controlString = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => a + c + b);
const oddUnicodeString = fc
  .array(fc.oneof(fc.constantFrom(...ODD_UNICODE), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));
const hugeString = fc.integer({ min: 1_000, max: 120_000 }).map((n) => '长'.repeat(n));
const deepNesting = fc.tuple(fc.integer({ min: 5, max: 40 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});

/** Anything a client might put where a field goes. */
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  controlString,
  oddUnicodeString,
  hugeString,
  fc.constantFrom(...TRAVERSAL, ...DATE_GARBAGE, '', ' ', 'null', 'true', '{}', '[]', '1e999', '-0', 'NaN'),
  fc.integer(),
  fc.constantFrom(...NUMBER_EDGES),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    {},
    [],
    [null],
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
  ),
  deepNesting,
  fc.anything({ maxDepth: 3, maxKeys: 4 }).filter((v) => JSON.stringify(v) !== undefined),
);

/** Strings for path parameters and query values: valid-looking and not. */
function paramValue(name: string): fc.Arbitrary<{ raw: boolean; value: string }> {
  const validLooking: string[] = [
    '00000000-0000-4000-8000-000000000000',
    randomUUID(),
    '370102',
    '371324',
    '371324101',
    'SD20260001',
    'SD-371324-20261204-0001',
    'legal-aid',
    '1',
    '13800138000',
  ];
  const encoded = fc
    .oneof(
      { weight: 3, arbitrary: fc.oneof(fc.uuid(), fc.constantFrom(...validLooking)) },
      fc.string({ maxLength: 40 }),
      oddUnicodeString,
      controlString,
      fc.integer().map(String),
      fc.constantFrom(
        ...NUMBER_EDGES.map(String),
        ...DATE_GARBAGE,
        'null',
        'undefined',
        '__proto__',
        'constructor',
        "'; DROP TABLE x; --",
        ' ',
        '.json',
        'a.b',
      ),
      fc.integer({ min: 300, max: 3_000 }).map((n) => 'a'.repeat(n)),
      fc.constantFrom(...TRAVERSAL.filter((t) => !t.includes('%'))),
    )
    .map((value) => ({ raw: false, value }));
  // Already percent-encoded (or malformed percent-encoding), sent as is.
  const raw = fc.constantFrom(...TRAVERSAL.filter((t) => t.includes('%'))).map((value) => ({ raw: true, value }));
  void name;
  return fc.oneof({ weight: 8, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // Lone surrogates: encodeURIComponent refuses them; send the replacement character's bytes instead.
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

function resolve(schema: SchemaObject | undefined, doc: OpenApiDocument): SchemaObject {
  if (!schema) return {};
  if (!schema.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {};
}

type Schema = SchemaObject & {
  required?: string[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
};

/** A valid-looking value for a schema (what a well-behaved client sends). */
function fromSchema(input: SchemaObject | undefined, doc: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, doc) as Schema;
  if (depth > 6) return fc.constant(undefined);
  if (schema.allOf) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      const p = resolve(part, doc) as Schema;
      Object.assign(merged.properties ?? {}, p.properties ?? {});
      merged.required?.push(...(p.required ?? []));
    }
    return fromSchema(merged, doc, depth + 1);
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromSchema(a, doc, depth + 1)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.type === 'object' || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    if (props.length === 0) return fc.constant({});
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of props) model[name] = fromSchema(property, doc, depth + 1);
    const required = (schema.required ?? []).filter((r) => r in model);
    // Mostly every field (the richest valid body), sometimes only the required ones and some optional.
    return fc.oneof(
      { weight: 3, arbitrary: fc.record(model) },
      { weight: 1, arbitrary: fc.record(model, { requiredKeys: required }) },
    );
  }
  if (schema.type === 'array') {
    const item = fromSchema(schema.items, doc, depth + 1);
    const example = schema.example !== undefined && !schema.items?.$ref ? [fc.constant(schema.example)] : [];
    return fc.oneof(
      ...example,
      fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) }),
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = schema.minimum ?? (schema.type === 'integer' ? -1000 : -1e6);
    const max = schema.maximum ?? (schema.type === 'integer' ? 100_000 : 1e6);
    const example = typeof schema.example === 'number' ? [fc.constant(schema.example)] : [];
    return fc.oneof(
      ...example,
      schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
    );
  }
  if (schema.type === 'boolean') return fc.boolean();
  // strings (and untyped)
  const example = typeof schema.example === 'string' ? [{ weight: 4, arbitrary: fc.constant(schema.example) }] : [];
  let generated: fc.Arbitrary<string>;
  switch (schema.format ?? '') {
    case 'date-time':
      generated = fc
        .date({ min: new Date('1990-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
      break;
    case 'date':
      generated = fc
        .date({ min: new Date('1990-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
      break;
    case 'uuid':
      generated = fc.uuid();
      break;
    case 'email':
      generated = fc.emailAddress();
      break;
    case 'uri':
    case 'url':
      generated = fc.webUrl();
      break;
    default:
      generated = fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 40, 200)),
      });
  }
  return fc.oneof(...example, { weight: 1, arbitrary: generated });
}

/** Every place inside a JSON value where a mutation can go (`[]` = the value itself). */
function locations(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (prefix.length > 6) return out;
  if (Array.isArray(value)) value.forEach((v, i) => locations(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) locations(v, [...prefix, k], out);
  return out;
}

type Mutation =
  'replace' | 'delete' | 'add-field' | 'wrap-in-array' | 'wrap-in-object' | 'control' | 'odd-unicode' | 'huge';

function mutate(value: unknown, where: (string | number)[], kind: Mutation, weird: unknown, key: string): unknown {
  const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  const change = (current: unknown): unknown => {
    switch (kind) {
      case 'replace':
        return weird;
      case 'wrap-in-array':
        return [current];
      case 'wrap-in-object':
        return { value: current };
      case 'control':
        return `${typeof current === 'string' ? current : String(current)}\u0000\u001b`;
      case 'odd-unicode':
        return `${typeof current === 'string' ? current : ''}\u202e\ud800𠮷\ufeff`;
      case 'huge':
        return 'x'.repeat(100_000);
      case 'add-field':
      case 'delete':
        return current;
    }
  };
  if (where.length === 0) {
    if (kind === 'add-field' && copy && typeof copy === 'object' && !Array.isArray(copy))
      return { ...copy, [key]: weird };
    if (kind === 'delete') return {};
    return change(copy);
  }
  let parent = copy as Record<string | number, unknown>;
  for (const step of where.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = where[where.length - 1] as string | number;
  if (kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (kind === 'add-field') {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>)[key] = weird;
    else parent[key as string] = weird;
  } else parent[last] = change(parent[last]);
  return copy;
}

const INVALID_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"a":1}}',
  '{"a":1,}',
  "{'a':1}",
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"just a string"',
  '12345',
  'null',
  'true',
  '[]',
  '',
  ' ',
  '\ufeff{}',
  '{"a":1e99999}',
  '{"a":' + '['.repeat(40) + ']'.repeat(40) + '}',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/merge-patch+json',
  'application/problem+json',
  '*/*',
  'garbage',
  undefined,
];

function flatForm(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return String(value);
  return Object.entries(value)
    .map(([k, v]) => `${encode(k)}=${encode(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

// ---------- request arbitraries per operation ----------

function requestFor(o: Operation, tokens: Map<Role, string>): fc.Arbitrary<FuzzRequest> {
  const { route, op, doc } = o;
  // Anonymous always; with a token of each role the route allows (public routes: a citizen's token too).
  const roles: Role[] = route.public ? ['citizen'] : route.roles;
  const auths = fc.constantFrom('', ...roles.map((r) => tokens.get(r) ?? ''));

  const pathArb = fc.tuple(...route.pathParams.map((p) => paramValue(p))).map((values) => {
    let i = 0;
    return route.path
      .replace(/\{([^}]*)\}/g, '$1')
      .replace(/\*\w*/g, 'x')
      .replace(/:(\w+)/g, () => {
        const v = values[i++] as { raw: boolean; value: string };
        return v.raw ? v.value : encode(v.value);
      });
  });

  const queryParams = (op?.parameters ?? []).filter((p) => p.in === 'query');
  const queryArb = fc
    .tuple(
      fc.tuple(
        ...queryParams.map((p) =>
          fc.oneof(
            { weight: 2, arbitrary: fromSchema(p.schema, doc).map((v) => (v === undefined ? undefined : String(v))) },
            { weight: 2, arbitrary: paramValue(p.name).map((v) => (v.raw ? v : v.value)) },
            { weight: 1, arbitrary: fc.constant(undefined) },
          ),
        ),
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant('') },
        fc.constantFrom(
          'a[b]=1',
          'a[]=1&a[]=2',
          'x=1&x=2',
          '__proto__[polluted]=1',
          'constructor[prototype][polluted]=1',
          '%',
          '%zz=1',
          'a=%E0%A4%A',
          'page=-1&limit=99999999999999999999',
          'limit=1e9&offset=-5',
        ),
        fc.string({ maxLength: 20 }).map((s) => `extra=${encode(s)}`),
      ),
    )
    .map(([values, extra]) => {
      const parts: string[] = [];
      values.forEach((v, i) => {
        const name = (queryParams[i] as OpenApiParameter).name;
        if (v === undefined) return;
        if (typeof v === 'object') parts.push(`${encode(name)}=${v.value}`);
        else parts.push(`${encode(name)}=${encode(v)}`);
      });
      // The same parameter twice (an array where a string is expected).
      if (queryParams.length > 0 && values[0] !== undefined && extra === 'x=1&x=2')
        parts.push(`${encode((queryParams[0] as OpenApiParameter).name)}=2`);
      if (extra) parts.push(extra);
      return parts.join('&');
    });

  const headersArb = fc.record(
    {
      'idempotency-key': fc.oneof(
        fc.uuid(),
        fc.string({ unit: 'binary-ascii', maxLength: 300 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x')),
      ),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 10.0.0.1'),
      'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'bogus', 'identity'),
      'x-correlation-id': fc
        .string({ unit: 'binary-ascii', maxLength: 200 })
        .map((s) => s.replace(/[^\x20-\x7e]/g, 'x')),
    },
    { requiredKeys: [] },
  );

  const content = op?.requestBody?.content ?? {};
  const schema = content['application/json']?.schema ?? Object.values(content)[0]?.schema;
  const takesBody = ['POST', 'PUT', 'PATCH'].includes(route.httpMethod);
  const formType = Object.keys(content).find((t) => t.includes('form-urlencoded'));
  const valid = schema ? fromSchema(schema, doc) : fc.constant({});

  const validJson = valid.map((value) => ({ kind: 'json' as const, value }));
  const validForm = valid.map((value) => ({
    kind: 'raw' as const,
    contentType: 'application/x-www-form-urlencoded',
    text: flatForm(value),
  }));
  const mutated = fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom<Mutation>(
        'replace',
        'delete',
        'add-field',
        'wrap-in-array',
        'wrap-in-object',
        'control',
        'odd-unicode',
        'huge',
      ),
      weirdValue,
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .map(([value, pick, kind, weird, key]) => {
      const all = locations(value);
      return { kind: 'json' as const, value: mutate(value, all[pick % all.length] ?? [], kind, weird, key) };
    });
  const anyBody = weirdValue.map((value) => ({ kind: 'json' as const, value }));
  const rawText = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...INVALID_JSON),
        fc.string({ maxLength: 60 }),
        valid.map((v) => JSON.stringify(v) ?? ''),
      ),
      fc.constantFrom(...CONTENT_TYPES),
    )
    .map(([text, contentType]) => ({ kind: 'raw' as const, contentType, text }));

  const bodyArb: fc.Arbitrary<FuzzRequest['body']> = takesBody
    ? fc.oneof(
        { weight: 3, arbitrary: formType ? fc.oneof(validForm, validJson) : validJson },
        { weight: 4, arbitrary: mutated },
        { weight: 1, arbitrary: anyBody },
        { weight: 2, arbitrary: rawText },
      )
    : fc.oneof({ weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: rawText });

  return fc.record({
    method: fc.constant(route.httpMethod === 'ALL' ? 'GET' : route.httpMethod),
    path: pathArb,
    query: queryArb,
    auth: auths,
    headers: headersArb,
    body: bodyArb,
  });
}

function send(url: string, r: FuzzRequest): request.Test {
  const target = r.query ? `${r.path}?${r.query}` : r.path;
  const agent = request(url);
  const method = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
  let test = agent[method](target);
  if (r.auth) test = test.set('authorization', r.auth);
  for (const [name, value] of Object.entries(r.headers)) {
    // A content-encoding only on raw bodies: superagent would not compress a JSON object anyway.
    if (name === 'content-encoding' && r.body.kind !== 'raw') continue;
    test = test.set(name, value);
  }
  if (r.body.kind === 'json')
    test = test.set('content-type', 'application/json').send(JSON.stringify(r.body.value) ?? 'null');
  else if (r.body.kind === 'raw') {
    if (r.body.contentType) test = test.set('content-type', r.body.contentType);
    test = test.send(r.body.text);
  }
  return test.timeout({ response: 30_000, deadline: 45_000 });
}

function describeRequest(r: FuzzRequest, tokens: Map<Role, string>): string {
  const who = r.auth ? ([...tokens.entries()].find(([, t]) => t === r.auth)?.[0] ?? 'token') : 'anonymous';
  const body =
    r.body.kind === 'none'
      ? ''
      : r.body.kind === 'json'
        ? ` json ${JSON.stringify(r.body.value) ?? 'undefined'}`
        : ` ${r.body.contentType ?? '(no content-type)'} ${JSON.stringify(r.body.text)}`;
  const headers = Object.keys(r.headers).length ? ` headers ${JSON.stringify(r.headers)}` : '';
  const text = `${r.method} ${r.path}${r.query ? `?${r.query}` : ''} as ${who}${headers}${body}`;
  return text.length > 1_500 ? `${text.slice(0, 1_500)}… (${text.length} chars)` : text;
}

function seedOf(key: string): number {
  let h = SEED | 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

async function inBatches(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

describe('OpenAPI fuzz: no request to any route of any service gets a 5xx', () => {
  let fleet: RunningFleet | undefined;
  const tokens = new Map<Role, string>();
  const operations: Operation[] = [];

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    fleet = await startAllServices(uniqueTag('fuzz'), auth.env);
    for (const role of ROLES) {
      tokens.set(
        role,
        await auth.bearer({
          sub: `fuzz-${role}`,
          roles: [role],
          org: role === 'citizen' ? undefined : 'org-fuzz',
          region: role === 'citizen' || role === 'partner' ? undefined : '370000',
          phone: role === 'citizen' ? '13900000000' : undefined,
          clientId: role === 'partner' ? 'fuzz-partner' : undefined,
        }),
      );
    }
    for (const { definition, running } of fleet.services) {
      const doc = (await request(running.url).get('/docs-json').expect(200)).body as OpenApiDocument;
      for (const route of collectRouteDecisions(running.app)) {
        if (route.path.startsWith('/health') || route.path === '/metrics' || route.path.startsWith('/docs')) continue;
        const op = doc.paths[openApiPath(route.path)]?.[route.httpMethod.toLowerCase()] as OpenApiOperation | undefined;
        const key = `${definition.name} ${route.httpMethod} ${route.path}`;
        if (ONLY && key !== ONLY) continue;
        operations.push({ service: definition.name, url: running.url, route, doc, op });
      }
    }
  }, 600_000);

  afterAll(async () => fleet?.stop(), 120_000);

  /** Services whose /health/ready does not answer 200 within `timeoutMs` (with what they said). */
  async function notReady(timeoutMs: number): Promise<string[]> {
    const late: string[] = [];
    for (const { definition, running } of fleet?.services ?? []) {
      let last = '';
      const ready = await waitUntil(
        async () => {
          const res = await request(running.url)
            .get('/health/ready')
            .timeout({ response: 10_000 })
            .catch((e: Error) => ({ status: 0, text: e.message }));
          last = `${res.status} ${(res.text ?? '').slice(0, 600)}`;
          return res.status === 200;
        },
        timeoutMs,
        `${definition.name} ready`,
        1_000,
      ).then(
        () => true,
        () => false,
      );
      if (!ready) late.push(`${definition.name}: ${last}`);
    }
    return late;
  }

  it('starts with every service ready (Kafka consumers joined)', async () => {
    expect(await notReady(150_000)).toEqual([]);
  });

  it('fuzzes every operation and never sees a 5xx', async () => {
    const started = Date.now();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    console.info(
      `openapi fuzz: ${operations.length} operations, ${RUNS} runs each, seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to replay)`,
    );
    await inBatches(
      operations.map((o) => async () => {
        const key = `${o.service} ${o.route.httpMethod} ${o.route.path}`;
        const seed = seedOf(key);
        const property = fc.asyncProperty(requestFor(o, tokens), async (r) => {
          requests++;
          let res: request.Response;
          try {
            res = await send(o.url, r);
          } catch (e) {
            const err = e as Error & { response?: request.Response; code?: string; timeout?: number };
            if (err.response) res = err.response;
            else if (
              err.code === 'ERR_INVALID_CHAR' ||
              err.code === 'ERR_UNESCAPED_CHARACTERS' ||
              err.code === 'ERR_HTTP_INVALID_HEADER_VALUE'
            )
              return; // the client refused to send it
            else
              throw new Error(`no answer (${err.code ?? err.message}) to ${describeRequest(r, tokens)}`, { cause: e });
          }
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) {
            throw new Error(
              `${res.status} for ${describeRequest(r, tokens)}\n    response: ${(res.text ?? '').slice(0, 800)}`,
            );
          }
        });
        const details = await fc.check(property, {
          numRuns: RUNS,
          seed,
          path: REPLAY_PATH,
          endOnFailure: false,
          // Shrinking sends real requests: bound it so one bad route cannot eat the budget.
          interruptAfterTimeLimit: 60_000,
        });
        if (details.failed) {
          const error =
            details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push(
            `${key} (FUZZ_ONLY='${key}' FUZZ_SEED=${SEED} FUZZ_PATH=${details.counterexamplePath ?? ''}; ${details.numShrinks} shrinks)\n  ${error}`,
          );
        }
      }),
      CONCURRENCY,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const histogram = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.info(
      `openapi fuzz: ${requests} requests to ${operations.length} operations in ${seconds} s; statuses ${histogram}`,
    );
    if (failures.length) console.error(`openapi fuzz: ${failures.length} failing operations\n${failures.join('\n')}`);
    expect(operations.length).toBeGreaterThan(ONLY ? 0 : 100);
    // Not vacuous: some requests got through to handlers, most were refused as client errors.
    if (!ONLY) expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    expect(failures).toEqual([]);
  });

  it('leaves every service ready', async () => {
    expect(await notReady(90_000)).toEqual([]);
  });
});
