/**
 * Issue 12, "Done when": no ID-card number, phone number or address in clear anywhere.
 *
 * work-order, hotline, portal, centre, legal-aid and identity run in this process with one tag (shared
 * topics `<tag>.legal.*`, one schema each, one Redis prefix), logging at debug level to a file of this
 * test. Known, distinct, valid personal data goes in on all three platforms — a hotline call, an
 * anonymous portal request, an Open311 request and a centre walk-in, all asking for legal aid — and a
 * legal-aid officer accepts every offer, reads two applicants (the full phone must be there: the value
 * really travelled to the handler) and decides one, so the intake, dispatch, report and lifecycle
 * topics all carry traffic. The portal applicant also signs in on identity with phone + one-time code.
 *
 * Then every place the data could rest in is searched for each known value (ID number upper and
 * lower case, 11-digit phone also with spaces/dashes (+86 is a substring match), the address; plain,
 * JSON \u-escaped, hex (bytea), base64/base64url at every alignment, and unkeyed MD5/SHA digests,
 * whole or truncated, which enumeration of all phone or ID numbers reverses):
 *   (a) every `*.log` segment file of this test's topics in the broker's data directory
 *       (record batches decompressed when compressed);
 *   (b) `pg_dump` of this test's schemas (`<tag>_*`);
 *   (c) every log line the services wrote (LOG_FILE of this test, plus anything sent to the console);
 *   (d) every Redis key of this test's prefix (names and values).
 * Positive controls keep it from passing vacuously: a canary written on purpose into a topic, a table,
 * a log line and a Redis key of the same tag must be found by the same scanner; the intake, dispatch,
 * report and lifecycle topics must have non-empty segments; the segments and the dump must contain this
 * test's intake ids, case codes and work-order ids; the log must hold lines of all six services.
 * Look-ups by the full number (hotline caller history, portal "my requests") must still work, and the
 * legal-aid officer must see the applicant's full phone and address: the values did reach the handler.
 *
 * Run: npx jest test/security/no-clear-personal-data.e2e-spec.ts
 * KEEP_NO_CLEAR_ARTIFACTS=1 keeps the schemas, topics, Redis keys and log file for inspection.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as zlib from 'node:zlib';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { idCardCheckCharacter } from '@legal/domain';
import { createKafka } from '@legal/messaging';
import { dropSchema } from '@legal/persistence';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { logFileSettled } from './support/log-file';
import { centreService } from '../../services/centre/src/centre.definition';
import { hotlineService } from '../../services/hotline/src/hotline.definition';
import type { IdentityEnv } from '../../services/identity/src/config/identity.env';
import { identityService } from '../../services/identity/src/identity.definition';
import { IdentityModule } from '../../services/identity/src/identity.module';
import { CapturingSmsSender } from '../../services/identity/test/start-identity';
import { legalAidService } from '../../services/legal-aid/src/legal-aid.definition';
import { portalService } from '../../services/portal/src/portal.definition';
import { workOrderService } from '../../services/work-order/src/work-order.definition';

jest.setTimeout(420_000);

type Json = Record<string, unknown>;

const REPO = path.join(__dirname, '..', '..');
const REGION = '371324101';
const SLOW = 120_000;

// ---------------------------------------------------------------------------------------------
// Known personal data
// ---------------------------------------------------------------------------------------------

function mobile(prefix: string): string {
  return `${prefix}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

function idCard(region: string): string {
  const birth = `${1950 + randomInt(0, 50)}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const body = `${region}${birth}${String(randomInt(100, 1000))}`;
  return `${body}${idCardCheckCharacter(body)}`;
}

function address(street: string): string {
  return `山东省临沂市兰陵县卞庄街道${street}${randomInt(100, 1000)}号${randomInt(1, 30)}栋${randomInt(101, 2000)}室`;
}

interface Person {
  label: string;
  phone: string;
  idCard?: string;
  address?: string;
}

/** Each person's values are unique to this run (random digits; a different street per person). */
const PEOPLE: Record<'hotline' | 'portal' | 'open311' | 'centre', Person> = {
  hotline: { label: 'hotline caller', phone: mobile('139') },
  portal: { label: 'portal applicant', phone: mobile('186'), idCard: idCard('370102'), address: address('青石巷') },
  open311: { label: 'Open311 requester', phone: mobile('157'), address: address('柳荫巷') },
  centre: { label: 'centre walk-in', phone: mobile('178'), idCard: idCard('371302'), address: address('杏花巷') },
};
/** Written on purpose into a topic, a table and a log line of this test: the scanner must find it. */
const CANARY: Person = { label: 'canary', phone: mobile('199'), idCard: idCard('371324'), address: address('试金巷') };

type Kind = 'id-card' | 'phone' | 'address';
interface Needle {
  person: string;
  kind: Kind;
  value: string;
  /** How the value is written in this form (plain, lower-case, +86, hex, base64, ...). */
  form: string;
  bytes: Buffer;
}

/** Base64 of `value` at each of the three byte alignments, without the characters that depend on neighbours. */
function base64Cores(value: Buffer): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift, 0), value]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    const skip = shift === 0 ? 0 : Math.ceil((shift * 8) / 6);
    const usableBits = (shift + value.length) * 8;
    const end = Math.floor(usableBits / 6);
    const core = encoded.slice(skip, end);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

function jsonUnicodeEscape(text: string, upper: boolean): string {
  return [...text]
    .map((ch) => (ch.charCodeAt(0) < 128 ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .map((s) => (upper ? s.toUpperCase().replace('\\U', '\\u') : s))
    .join('');
}

/** The address part that identifies the person (the first six characters survive masking on purpose). */
function addressTail(value: string): string {
  return [...value].slice(6).join('');
}

function needlesFor(person: Person): Needle[] {
  const out: Needle[] = [];
  const add = (kind: Kind, value: string, form: string, text: string): void => {
    out.push({ person: person.label, kind, value, form, bytes: Buffer.from(text, 'utf8') });
  };
  const encoded = (kind: Kind, value: string, raw: string): void => {
    const utf8 = Buffer.from(raw, 'utf8');
    add(kind, value, 'hex (bytea)', utf8.toString('hex'));
    for (const core of base64Cores(utf8)) {
      add(kind, value, 'base64', core);
      const url = core.replace(/\+/g, '-').replace(/\//g, '_');
      if (url !== core) add(kind, value, 'base64url', url);
    }
  };
  /**
   * An unkeyed digest of an 11-digit phone or an ID number is reversed by enumerating every possible
   * value: it counts as clear. The first 16 characters of each encoding are searched, so truncated
   * digests are found too. (Keyed hashes — HMAC with a secret key — are what the design stores.)
   */
  const digests = (kind: Kind, value: string, raw: string): void => {
    for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
      const digest = createHash(algorithm).update(raw, 'utf8').digest();
      add(kind, value, `unkeyed ${algorithm} (hex)`, digest.toString('hex').slice(0, 16));
      const b64 = digest.toString('base64').slice(0, 16);
      add(kind, value, `unkeyed ${algorithm} (base64)`, b64);
      const b64url = digest.toString('base64url').slice(0, 16);
      if (b64url !== b64) add(kind, value, `unkeyed ${algorithm} (base64url)`, b64url);
    }
  };
  const p = person.phone;
  add('phone', p, 'plain', p);
  digests('phone', p, p);
  add('phone', p, 'spaced', `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`);
  add('phone', p, 'dashed', `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`);
  encoded('phone', p, p);
  if (person.idCard) {
    const id = person.idCard;
    add('id-card', id, 'plain', id);
    if (/[xX]$/.test(id)) add('id-card', id, 'lower-case x', id.toLowerCase());
    encoded('id-card', id, id);
    digests('id-card', id, id);
    if (/[xX]$/.test(id)) digests('id-card', id, id.toLowerCase());
  }
  if (person.address) {
    const tail = addressTail(person.address);
    add('address', person.address, 'plain', tail);
    add('address', person.address, 'JSON \\u escaped', jsonUnicodeEscape(tail, false));
    add('address', person.address, 'JSON \\u escaped (upper-case hex)', jsonUnicodeEscape(tail, true));
    encoded('address', person.address, tail);
    digests('address', person.address, person.address);
  }
  return out;
}

const KNOWN: Needle[] = Object.values(PEOPLE).flatMap(needlesFor);
const CANARY_NEEDLES: Needle[] = needlesFor(CANARY);

function maskValue(value: string): string {
  const chars = [...value];
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
}

// ---------------------------------------------------------------------------------------------
// The scanner: one search for every source, so the canaries prove the very code that finds leaks
// ---------------------------------------------------------------------------------------------

interface Finding {
  source: 'broker' | 'database' | 'log' | 'redis';
  /** File, table or key (without line or offset: what the summary groups by). */
  place: string;
  /** The place with a line or byte offset. */
  where: string;
  needle: Needle;
  excerpt: string;
}

/** A short excerpt around a hit, printable, with every known or canary value in it masked. */
function excerpt(haystack: Buffer, at: number, length: number): string {
  const from = Math.max(0, at - 60);
  const to = Math.min(haystack.length, at + length + 60);
  let text: string = haystack.subarray(from, to).toString('utf8');
  // Binary bytes (segment headers, varints) as dots, so the excerpt prints on one line.
  text = [...text].map((ch) => (ch.charCodeAt(0) < 32 || ch === '\u007f' || ch === '\ufffd' ? '.' : ch)).join('');
  for (const n of [...KNOWN, ...CANARY_NEEDLES].sort((a, b) => b.bytes.length - a.bytes.length)) {
    const form = n.bytes.toString('utf8');
    if (text.includes(form)) text = text.split(form).join(`⟦${n.kind} ${maskValue(form)}⟧`);
  }
  return text;
}

/** Every occurrence of every needle in `haystack`; `locate` names the place and the position of an offset. */
function scan(
  source: Finding['source'],
  locate: (offset: number) => { place: string; where: string },
  haystack: Buffer,
  needles: Needle[],
): Finding[] {
  const found: Finding[] = [];
  for (const needle of needles) {
    for (
      let at = haystack.indexOf(needle.bytes);
      at !== -1;
      at = haystack.indexOf(needle.bytes, at + needle.bytes.length)
    ) {
      found.push({ source, ...locate(at), needle, excerpt: excerpt(haystack, at, needle.bytes.length) });
    }
  }
  return found;
}

/** Where (file, table, key) and what (whose ID/phone/address, in which form), then one excerpt per place and value. */
function describeFindings(findings: Finding[]): string {
  const byPlace = new Map<string, Finding[]>();
  for (const f of findings) byPlace.set(f.place, [...(byPlace.get(f.place) ?? []), f]);
  const out = [`${findings.length} occurrence(s) of personal data in clear, in ${byPlace.size} place(s):`];
  for (const [place, here] of byPlace) {
    const what = [
      ...new Set(
        here.map(
          (f) =>
            `${f.needle.person}'s ${f.needle.kind} ${maskValue(f.needle.value)}${f.needle.form === 'plain' ? '' : ` (${f.needle.form})`}`,
        ),
      ),
    ];
    out.push(`  * ${place}: ${what.join('; ')}`);
  }
  if (findings.some((f) => f.needle.form.startsWith('unkeyed'))) {
    out.push(
      '  (An unkeyed digest of a phone or ID number is reversed by hashing every possible number: use a keyed hash — HMAC with a secret key, as PiiProtector.hash does.)',
    );
  }
  out.push('Excerpts (known values masked as ⟦kind 139****1234⟧):');
  const shown = new Set<string>();
  for (const f of findings) {
    const key = `${f.place}|${f.needle.person}|${f.needle.kind}`;
    if (shown.has(key) || shown.size >= 40) continue;
    shown.add(key);
    out.push(
      `  - ${f.needle.person}'s ${f.needle.kind} ${maskValue(f.needle.value)} (${f.needle.form}) at ${f.where}: …${f.excerpt}…`,
    );
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// (a) the broker's segment files
// ---------------------------------------------------------------------------------------------

/** log.dirs of the local broker: KAFKA_DATA_DIR/kraft or .cache/kafka/data/kraft, as server.properties says. */
function brokerLogDirs(): string[] {
  const dataDir = process.env.KAFKA_DATA_DIR
    ? path.resolve(process.env.KAFKA_DATA_DIR)
    : path.join(REPO, '.cache', 'kafka', 'data');
  const properties = path.join(dataDir, 'server.properties');
  if (existsSync(properties)) {
    const line = readFileSync(properties, 'utf8')
      .split('\n')
      .find((l) => /^\s*log\.dirs\s*=/.test(l));
    if (line)
      return (
        line
          .split('=')[1]
          ?.split(',')
          .map((d) => d.trim())
          .filter(Boolean) ?? []
      );
  }
  return [path.join(dataDir, 'kraft')];
}

interface Segment {
  file: string;
  bytes: Buffer;
  /** Decompressed record sets of compressed batches (searched too). */
  inflated: Buffer[];
  unreadable: string[];
}

/** Reads a segment and inflates compressed record batches (v2 format: attributes at byte 21, records at 61). */
function readSegment(file: string): Segment {
  const bytes = readFileSync(file);
  const inflated: Buffer[] = [];
  const unreadable: string[] = [];
  let pos = 0;
  while (pos + 61 <= bytes.length) {
    const batchLength = bytes.readInt32BE(pos + 8);
    const total = 12 + batchLength;
    if (batchLength <= 0 || pos + total > bytes.length) break;
    const magic = bytes.readInt8(pos + 16);
    const codec = magic === 2 ? bytes.readInt16BE(pos + 21) & 0x7 : 0;
    const records = bytes.subarray(pos + 61, pos + total);
    try {
      if (codec === 1) inflated.push(zlib.gunzipSync(records));
      else if (
        codec === 4 &&
        typeof (zlib as unknown as { zstdDecompressSync?: (b: Buffer) => Buffer }).zstdDecompressSync === 'function'
      ) {
        inflated.push((zlib as unknown as { zstdDecompressSync: (b: Buffer) => Buffer }).zstdDecompressSync(records));
      } else if (codec !== 0)
        unreadable.push(`batch at byte ${pos}: compression codec ${codec} cannot be inflated by this test`);
    } catch (e) {
      unreadable.push(`batch at byte ${pos}: ${(e as Error).message}`);
    }
    pos += total;
  }
  return { file, bytes, inflated, unreadable };
}

function topicSegments(tag: string): { dirs: string[]; segments: Segment[] } {
  const dirs: string[] = [];
  const segments: Segment[] = [];
  for (const logDir of brokerLogDirs()) {
    if (!existsSync(logDir)) continue;
    for (const entry of readdirSync(logDir)) {
      if (!entry.startsWith(`${tag}.`)) continue;
      const dir = path.join(logDir, entry);
      if (!statSync(dir).isDirectory()) continue;
      dirs.push(dir);
      for (const f of readdirSync(dir)) if (f.endsWith('.log')) segments.push(readSegment(path.join(dir, f)));
    }
  }
  return { dirs, segments };
}

function scanSegments(segments: Segment[], needles: Needle[]): Finding[] {
  return segments.flatMap((s) => {
    const place = `segment ${path.basename(path.dirname(s.file))}/${path.basename(s.file)} (${s.file})`;
    return [
      ...scan(
        'broker',
        (at) => ({ place, where: `${path.basename(path.dirname(s.file))}/${path.basename(s.file)} byte ${at}` }),
        s.bytes,
        needles,
      ),
      ...s.inflated.flatMap((b, i) =>
        scan(
          'broker',
          (at) => ({
            place,
            where: `${path.basename(path.dirname(s.file))}/${path.basename(s.file)} compressed batch #${i} byte ${at}`,
          }),
          b,
          needles,
        ),
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// (b) pg_dump of this test's schemas
// ---------------------------------------------------------------------------------------------

function pgDump(databaseUrl: string, tag: string): Buffer {
  return execFileSync('pg_dump', ['--dbname', databaseUrl, '--schema', `${tag}_*`, '--no-owner', '--no-privileges'], {
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Names the table (COPY block) and line of a byte offset in the dump. */
function dumpLocator(dump: Buffer): (offset: number) => { place: string; where: string } {
  const text = dump.toString('utf8');
  const starts: number[] = [0];
  for (let i = dump.indexOf(10); i !== -1; i = dump.indexOf(10, i + 1)) starts.push(i + 1);
  const lines = text.split('\n');
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    let table = 'schema definitions (not table data)';
    let column = '';
    for (let i = lo; i >= 0; i--) {
      const copy = /^COPY ([^ ]+) \(([^)]*)\)/.exec(lines[i] ?? '');
      if (copy) {
        table = `table ${copy[1]}`;
        // The column: count the tabs before the hit in its row.
        const row = dump.subarray(starts[lo] as number, offset).toString('utf8');
        const columns = (copy[2] ?? '').split(', ');
        column = ` column ${columns[row.split('\t').length - 1] ?? '?'}`;
        break;
      }
      if (lines[i] === '\\.') break;
    }
    return { place: `pg_dump ${table}${column}`, where: `pg_dump line ${lo + 1} (${table}${column})` };
  };
}

// ---------------------------------------------------------------------------------------------
// (c) service logs, (d) Redis
// ---------------------------------------------------------------------------------------------

interface LogLine {
  source: string;
  /** 1-based line number within its source. */
  line: number;
  text: string;
}

/** The line as written and with URL and JSON escapes decoded (`%20`, `\u`, `\n` must not hide a number). */
function logViews(text: string): string[] {
  const views = [text];
  try {
    views.push(decodeURIComponent(text.replace(/\+/g, ' ')));
  } catch {
    views.push(text.replace(/%[0-9A-Fa-f]{2}/g, ' '));
  }
  views.push(
    text
      .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\[nrt"]/g, ' '),
  );
  return views;
}

function scanLogs(lines: LogLine[], needles: Needle[]): Finding[] {
  const found: Finding[] = [];
  lines.forEach((line) => {
    const seen = new Set<Needle>();
    for (const view of logViews(line.text)) {
      const buf = Buffer.from(view, 'utf8');
      for (const f of scan(
        'log',
        () => ({
          place: `${line.source} (${line.text.match(/"service":"([^"]+)"/)?.[1] ?? 'no service field'})`,
          where: `${line.source} line ${line.line}`,
        }),
        buf,
        needles.filter((n) => !seen.has(n)),
      )) {
        seen.add(f.needle);
        found.push(f);
      }
    }
  });
  return found;
}

async function redisContents(redisUrl: string, prefix: string): Promise<{ key: string; value: Buffer }[]> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const out: { key: string; value: Buffer }[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      let parts: (string | Buffer)[] = [];
      if (type === 'string') parts = [(await redis.getBuffer(key)) ?? Buffer.alloc(0)];
      else if (type === 'hash')
        parts = await redis.hgetallBuffer(key).then((h) => Object.entries(h).flatMap(([k, v]) => [k, v]));
      else if (type === 'list') parts = await redis.lrangeBuffer(key, 0, -1);
      else if (type === 'set') parts = await redis.smembersBuffer(key);
      else if (type === 'zset') parts = await redis.zrangeBuffer(key, 0, -1);
      else if (type === 'stream') parts = [JSON.stringify(await redis.xrange(key, '-', '+'))];
      out.push({
        key,
        value: Buffer.concat([Buffer.from(`${key}\n`), ...parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))]),
      });
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------

describe('no ID-card number, phone number or address in clear: broker segments, database, logs, Redis', () => {
  const tag = uniqueTag('noclear');
  const logDir = path.join(REPO, '.cache', 'test-logs');
  const logFile = path.join(logDir, `no-clear-personal-data-${tag}.log`);
  const previousLogFile = process.env.LOG_FILE;
  const consoleLines: LogLine[] = [];
  const spies: jest.SpyInstance[] = [];
  const running: RunningService[] = [];
  const services: Record<string, RunningService> = {};
  let auth: TestAuthority;
  const sms = new CapturingSmsSender();
  let agent: string;
  let clerk: string;
  let officer: string;
  let databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
  let redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

  /** What the scenario produced: intake ids and case codes (expected in segments, dump and logs). */
  const produced: { intakeIds: string[]; caseCodes: string[]; workOrderIds: string[] } = {
    intakeIds: [],
    caseCodes: [],
    workOrderIds: [],
  };

  beforeAll(async () => {
    mkdirSync(logDir, { recursive: true });
    process.env.LOG_FILE = logFile;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method].bind(console);
      spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          consoleLines.push({
            source: `console.${method}`,
            line: consoleLines.length + 1,
            text: args
              .map((a) =>
                typeof a === 'string' ? a : a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a),
              )
              .join(' '),
          });
          original(...args);
        }),
      );
    }
    auth = await TestAuthority.create();
    const env = { ...auth.env, LOG_LEVEL: 'debug', DB_POOL_SIZE: 4 };
    const start = async (name: string, p: Promise<RunningService>): Promise<RunningService> => {
      const s = await p;
      running.push(s);
      services[name] = s;
      return s;
    };
    const workOrder = await start(
      'work-order',
      startService(workOrderService, isolatedOverrides(tag, 'work_order', env)),
    );
    await start(
      'legal-aid',
      startService(legalAidService, isolatedOverrides(tag, 'legal_aid', { ...env, AUTO_ACCEPT_OFFERS: false })),
    );
    await start('hotline', startService(hotlineService, isolatedOverrides(tag, 'hotline', env)));
    await start('centre', startService(centreService, isolatedOverrides(tag, 'centre', env)));
    await start(
      'portal',
      startService(portalService, isolatedOverrides(tag, 'portal', { ...env, WORK_ORDER_URL: workOrder.url })),
    );
    // The token issuer too: citizens sign in with their phone number (the SMS is captured, not sent).
    const identityDefinition = {
      ...identityService,
      rootModule: (e: IdentityEnv) => IdentityModule.forRoot(e, { smsSender: sms }),
    };
    await start(
      'identity',
      startService(identityDefinition, isolatedOverrides(tag, 'identity', { ...env, TRUSTED_PROXIES: 'loopback' })),
    );
    databaseUrl = workOrder.env.DATABASE_URL;
    redisUrl = workOrder.env.REDIS_URL;
    brokers = workOrder.env.KAFKA_BROKERS.split(',');
    agent = await auth.bearer({
      sub: 'agent-noclear',
      roles: ['hotline-agent'],
      org: 'org-370000-hotline',
      region: '370000',
    });
    clerk = await auth.bearer({
      sub: 'clerk-noclear',
      roles: ['centre-clerk'],
      org: 'org-371324-centre',
      region: '371324',
    });
    officer = await auth.bearer({
      sub: 'officer-noclear',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
  }, 240_000);

  afterAll(async () => {
    for (const s of running.splice(0).reverse()) await s.stop().catch(() => undefined);
    for (const spy of spies) spy.mockRestore();
    if (previousLogFile === undefined) delete process.env.LOG_FILE;
    else process.env.LOG_FILE = previousLogFile;
    // The suite's own log scan (test/scan-suite-logs.js) sees the services' lines too (not the canary's).
    if (previousLogFile && existsSync(logFile)) {
      const lines = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.includes('"service":"no-clear-canary"'));
      if (lines.length > 0) appendFileSync(previousLogFile, `${lines.join('\n')}\n`);
    }
    if (process.env.KEEP_NO_CLEAR_ARTIFACTS === '1') {
      process.stdout.write(`no-clear: kept tag ${tag}, log ${logFile}\n`);
      return;
    }
    for (const schema of ['work_order', 'legal_aid', 'hotline', 'centre', 'portal', 'identity', 'canary'])
      await dropSchema(databaseUrl, `${tag}_${schema}`).catch(() => undefined);
    const admin = createKafka({ clientId: `${tag}-cleanup`, brokers, topicPrefix: '', partitions: 1 }).admin();
    await admin
      .connect()
      .then(async () => {
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${tag}.`));
        if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
        const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${tag}.`));
        if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
      })
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await redis
      .connect()
      .then(async () => {
        const keys = await redis.keys(`${tag}:*`);
        if (keys.length > 0) await redis.del(...keys);
      })
      .catch(() => undefined)
      .finally(() => redis.disconnect());
    rmSync(logFile, { force: true });
  }, 180_000);

  const url = (name: string): string => (services[name] as RunningService).url;

  it('takes known personal data on the hotline, the portal (and Open311) and at a centre, and the legal-aid officer accepts, reads and decides', async () => {
    const { hotline: h, portal: p, open311: o, centre: c } = PEOPLE;

    const call = await request(url('hotline'))
      .post('/calls')
      .set('authorization', agent)
      .send({
        callerPhone: h.phone,
        callerName: '孙七',
        regionCode: REGION,
        description: '工地包工头拖欠我和工友四个月工资，想申请法律援助',
        serviceType: 'legal-aid',
        vulnerableGroup: true,
        outcome: 'follow-up',
      })
      .expect(201);
    const portalRequest = await request(url('portal'))
      .post('/portal/requests')
      .set('idempotency-key', randomUUID())
      .send({
        serviceType: 'legal-aid',
        regionCode: REGION,
        description: '工伤后公司拒绝赔偿，家庭困难请不起律师',
        contact: { name: '周八', phone: p.phone, idCardNumber: p.idCard, address: p.address },
      })
      .expect(202);
    const open311 = await request(url('portal'))
      .post('/open311/v2/requests.json')
      .type('form')
      .set('idempotency-key', randomUUID())
      .send({
        service_code: 'legal-aid',
        description: '房东扣押押金还威胁我，想找法律援助',
        address_string: o.address,
        first_name: '九',
        last_name: '吴',
        phone: o.phone,
      })
      .expect(201);
    const visit = await request(url('centre'))
      .post('/walk-ins')
      .set('authorization', clerk)
      .send({ idCardNumber: c.idCard, name: '郑十', address: c.address, phone: c.phone, regionCode: REGION })
      .expect(201);
    await request(url('centre'))
      .post(`/walk-ins/${visit.body.id as string}/outcome`)
      .set('authorization', clerk)
      .send({
        outcome: 'work-order',
        description: '交通事故对方不赔偿，本人残疾无收入，申请法律援助',
        serviceType: 'legal-aid',
        vulnerableGroup: true,
      })
      .expect(200);

    const intakes: { label: string; probe: () => Promise<Json | undefined> }[] = [
      {
        label: 'hotline call',
        probe: async () =>
          (
            await request(url('hotline'))
              .get(`/calls/${call.body.id as string}`)
              .set('authorization', agent)
          ).body as Json,
      },
      {
        label: 'portal request',
        probe: async () =>
          (await request(url('portal')).get(`/portal/requests/${portalRequest.body.intakeId as string}/status`))
            .body as Json,
      },
      {
        label: 'Open311 request',
        probe: async () =>
          (await request(url('portal')).get(`/portal/requests/${open311.body[0].service_request_id as string}/status`))
            .body as Json,
      },
      {
        label: 'centre walk-in',
        probe: async () =>
          (
            await request(url('centre'))
              .get(`/walk-ins/${visit.body.id as string}`)
              .set('authorization', clerk)
          ).body as Json,
      },
    ];
    const registered: Json[] = [];
    for (const intake of intakes) {
      registered.push(
        await waitUntil(
          async () => {
            const body = await intake.probe();
            return body && typeof body.caseCode === 'string' && typeof body.workOrderId === 'string' ? body : undefined;
          },
          SLOW,
          `the ${intake.label} has a case code and a work order`,
          250,
        ),
      );
    }
    const workOrderIds = registered.map((r) => r.workOrderId as string);
    expect(new Set(workOrderIds).size).toBe(4);
    produced.workOrderIds.push(...workOrderIds);
    produced.caseCodes.push(...registered.map((r) => r.caseCode as string));
    produced.intakeIds.push(
      call.body.intakeId as string,
      portalRequest.body.intakeId as string,
      open311.body[0].service_request_id as string,
    );
    if (typeof registered[3]?.intakeId === 'string') produced.intakeIds.push(registered[3].intakeId);

    // The router offers every one to the county's legal-aid centre; the officer accepts each offer.
    const offers = await waitUntil(
      async () => {
        const res = await request(url('legal-aid'))
          .get('/offers')
          .query({ pageSize: 100 })
          .set('authorization', officer);
        if (res.status !== 200) return undefined;
        const mine = (res.body.items as Json[]).filter((o) => workOrderIds.includes(o.workOrderId as string));
        return mine.length === 4 ? mine : undefined;
      },
      SLOW,
      'an offer to legal aid for each of the four work orders',
      500,
    );
    const applications: Record<string, Json> = {};
    for (const offer of offers) {
      const accepted = await request(url('legal-aid'))
        .post(`/offers/${offer.id as string}/accept`)
        .set('authorization', officer);
      expect([accepted.status, accepted.body]).toEqual([
        201,
        expect.objectContaining({ workOrderId: offer.workOrderId }),
      ]);
      applications[offer.workOrderId as string] = accepted.body as Json;
    }

    // The officer contacts the applicant: the full phone and address reached the handler (the ID stays masked).
    const portalApplication = applications[workOrderIds[1] as string] as Json;
    const detail = await request(url('legal-aid'))
      .get(`/applications/${portalApplication.id as string}`)
      .set('authorization', officer)
      .expect(200);
    expect(detail.body.applicant.phone).toBe(p.phone);
    expect(detail.body.applicant.address).toBe(p.address);
    expect(detail.body.applicant.idCardNumber).toEqual(expect.any(String));
    expect(detail.body.applicant.idCardNumber).not.toBe(p.idCard);
    const centreApplication = applications[workOrderIds[3] as string] as Json;
    const centreDetail = await request(url('legal-aid'))
      .get(`/applications/${centreApplication.id as string}`)
      .set('authorization', officer)
      .expect(200);
    expect(centreDetail.body.applicant.phone).toBe(c.phone);

    // Decide the portal one (handler reports → lifecycle): hardship review, then a reasoned denial resolves it.
    await request(url('legal-aid'))
      .post(`/applications/${portalApplication.id as string}/hardship-review`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'migrant-worker-wages', integrityCommitment: false, notes: '工伤赔偿' })
      .expect(201);
    await request(url('legal-aid'))
      .post(`/applications/${portalApplication.id as string}/decision`)
      .set('authorization', officer)
      .send({ decision: 'deny', reason: '已由工会法律服务站代理，无需重复指派' })
      .expect(200);

    // Every work order is accepted (or further) in the platforms' read models, the decided one resolved.
    const statuses = await waitUntil(
      async () => {
        const views = await Promise.all(
          registered.map(async (r) => {
            const res = await request(url('centre'))
              .get(`/work-orders/${r.caseCode as string}`)
              .set('authorization', clerk);
            return res.status === 200 ? (res.body.status as string) : undefined;
          }),
        );
        const done = views.every((s, i) =>
          i === 1
            ? s === 'resolved'
            : s !== undefined && ['accepted', 'in-progress', 'waiting-applicant', 'resolved'].includes(s),
        );
        return done ? views : undefined;
      },
      SLOW,
      'all four work orders accepted by legal aid (the portal one resolved) in the centre read model',
      500,
    );
    expect(statuses[1]).toBe('resolved');

    // Look-ups by the full number still work (and are part of what is scanned): the hotline finds the
    // caller's and the walk-in's work orders by phone, the portal a signed-in citizen's by the verified phone.
    const history = async (phone: string, code: unknown): Promise<boolean> => {
      const res = await request(url('hotline'))
        .post('/caller-history/search')
        .set('authorization', agent)
        .send({ phone });
      return res.status === 200 && (res.body.workOrders.items as Json[]).some((v) => v.caseCode === code);
    };
    await waitUntil(
      () => history(h.phone, registered[0]?.caseCode),
      SLOW,
      'the hotline caller history finds the call’s work order by phone',
      500,
    );
    await waitUntil(
      () => history(c.phone, registered[3]?.caseCode),
      SLOW,
      'the hotline caller history finds the walk-in’s work order by phone',
      500,
    );
    // The portal applicant signs in on the identity service with phone + one-time code.
    await request(url('identity'))
      .post('/auth/otp')
      .set('x-forwarded-for', '10.9.0.1')
      .send({ phone: p.phone })
      .expect(202);
    const code = sms.lastCodeFor(p.phone);
    expect(code).toMatch(/^\d{6}$/);
    const signedIn = await request(url('identity'))
      .post('/token')
      .set('x-forwarded-for', '10.9.0.1')
      .type('form')
      .send({ grant_type: 'urn:legal:grant-type:otp', phone: p.phone, code })
      .expect(200);
    expect(
      JSON.parse(
        Buffer.from((signedIn.body.access_token as string).split('.')[1] as string, 'base64url').toString('utf8'),
      ),
    ).toMatchObject({ roles: ['citizen'], phone_number: p.phone });
    const citizen = await auth.bearer({ sub: 'citizen-noclear', roles: ['citizen'], phone: p.phone });
    await waitUntil(
      async () => {
        const res = await request(url('portal')).get('/portal/my/requests').set('authorization', citizen);
        return res.status === 200 && (res.body.items as Json[]).some((v) => v.caseCode === registered[1]?.caseCode);
      },
      SLOW,
      'the portal lists the request under the citizen’s verified phone',
      500,
    );
  });

  /** Evidence, gathered once after the services stop (their shutdown lines count too). */
  let evidence:
    | {
        segments: Segment[];
        topicDirs: string[];
        dump: Buffer;
        logLines: LogLine[];
        redis: { key: string; value: Buffer }[];
      }
    | undefined;
  const gather = async (): Promise<NonNullable<typeof evidence>> => {
    if (evidence) return evidence;
    // Let relays and consumers finish, then stop every service.
    await logFileSettled(logFile);
    for (const s of running.splice(0).reverse()) await s.stop().catch(() => undefined);

    // Positive controls: the canary, written on purpose into a topic, a table and a log line of this tag.
    const canaryText = `canary phone ${CANARY.phone} id ${CANARY.idCard} address ${CANARY.address}`;
    const kafka = createKafka({ clientId: `${tag}-canary`, brokers, topicPrefix: '', partitions: 1 });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: `${tag}.zz-canary`, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${tag}.zz-canary`,
      acks: -1,
      messages: [{ key: 'canary', value: JSON.stringify({ canaryText }) }],
    });
    await producer.disconnect();
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    await pg.query(`CREATE SCHEMA IF NOT EXISTS "${tag}_canary"`);
    await pg.query(`CREATE TABLE "${tag}_canary".canary (note text)`);
    await pg.query(`INSERT INTO "${tag}_canary".canary VALUES ($1)`, [canaryText]);
    await pg.end();
    appendFileSync(logFile, `${JSON.stringify({ level: 'info', service: 'no-clear-canary', msg: canaryText })}\n`);
    const canaryRedis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await canaryRedis.connect();
    await canaryRedis.set(`${tag}:zz-canary`, canaryText, 'EX', 3600);
    canaryRedis.disconnect();

    const { dirs, segments } = topicSegments(tag);
    const dump = pgDump(databaseUrl, tag);
    const fileLines = existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .map((text, i) => ({ source: path.relative(REPO, logFile), line: i + 1, text }))
          .filter((l) => l.text.trim() !== '')
      : [];
    const redis = await redisContents(redisUrl, `${tag}:`);
    evidence = { segments, topicDirs: dirs, dump, logLines: [...fileLines, ...consoleLines], redis };
    return evidence;
  };

  it('positive controls: the scanner finds the canary in a topic, a table, a log line and a Redis key of this test, and the sources hold this test’s traffic', async () => {
    const { segments, topicDirs, dump, logLines, redis } = await gather();
    const topicsSeen = new Set(topicDirs.map((d) => path.basename(d).replace(/-\d+$/, '')));
    for (const topic of [
      'legal.intake.submitted',
      'legal.intake.outcome',
      'legal.workorder.dispatch',
      'legal.handler.report',
      'legal.workorder.changed',
    ]) {
      expect([...topicsSeen]).toContain(`${tag}.${topic}`);
    }
    // Each of these topics carried this test's traffic (non-empty segments).
    const bytesOf = (topic: string): number =>
      segments
        .filter((s) => path.basename(path.dirname(s.file)).startsWith(`${tag}.${topic}-`))
        .reduce((n, s) => n + s.bytes.length, 0);
    for (const topic of [
      'legal.intake.submitted',
      'legal.intake.outcome',
      'legal.workorder.dispatch',
      'legal.handler.report',
      'legal.workorder.changed',
    ]) {
      expect([topic, bytesOf(topic) > 0]).toEqual([topic, true]);
    }
    expect(segments.flatMap((s) => s.unreadable)).toEqual([]);
    expect(dump.length).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);

    const plainCanary = CANARY_NEEDLES.filter((n) => n.form === 'plain');
    const kinds = (f: Finding[]): string[] => [...new Set(f.map((x) => x.needle.kind))].sort();
    const inBroker = scanSegments(segments, plainCanary);
    expect(inBroker.every((f) => f.where.includes(`${tag}.zz-canary-0`))).toBe(true);
    expect(kinds(inBroker)).toEqual(['address', 'id-card', 'phone']);
    const inDump = scan('database', dumpLocator(dump), dump, plainCanary);
    expect(inDump.every((f) => f.where.includes('canary'))).toBe(true);
    expect(kinds(inDump)).toEqual(['address', 'id-card', 'phone']);
    const inLog = scanLogs(logLines, plainCanary);
    expect(kinds(inLog)).toEqual(['address', 'id-card', 'phone']);
    const inRedis = redis.flatMap((r) => scan('redis', () => ({ place: r.key, where: r.key }), r.value, plainCanary));
    expect(inRedis.every((f) => f.place === `${tag}:zz-canary`)).toBe(true);
    expect(kinds(inRedis)).toEqual(['address', 'id-card', 'phone']);
    // The services did keep keys under this test's prefix (idempotency records, rate limits).
    expect(redis.filter((r) => r.key !== `${tag}:zz-canary`).length).toBeGreaterThan(0);
    // The encoded forms are found too (what a bytea column or a base64 field would hold).
    const hex = CANARY_NEEDLES.filter((n) => n.kind === 'phone' && n.form === 'hex (bytea)');
    expect(
      scan(
        'database',
        () => ({ place: 'probe', where: 'probe' }),
        Buffer.from(`x\\x${Buffer.from(CANARY.phone).toString('hex')}y`),
        hex,
      ),
    ).toHaveLength(1);
    const b64 = CANARY_NEEDLES.filter((n) => n.kind === 'id-card' && n.form === 'base64');
    // So are unkeyed digests, whole or truncated (e.g. the 22 base64url characters of a Redis key).
    const sha = CANARY_NEEDLES.filter((n) => n.kind === 'phone' && n.form.startsWith('unkeyed sha256'));
    const truncated = createHash('sha256').update(CANARY.phone).digest('base64url').slice(0, 22);
    expect(
      scan('redis', () => ({ place: 'probe', where: 'probe' }), Buffer.from(`t_x:rl:otp:${truncated}`), sha),
    ).toHaveLength(1);
    for (const prefix of ['', 'a', 'ab']) {
      expect(
        scan(
          'database',
          () => ({ place: 'probe', where: 'probe' }),
          Buffer.from(Buffer.from(`${prefix}${CANARY.idCard as string}z`).toString('base64')),
          b64,
        ).length,
      ).toBeGreaterThan(0);
    }

    // This test's own traffic is in what was scanned: intake ids and case codes in segments and dump,
    // every service in the log.
    expect(produced.caseCodes).toHaveLength(4);
    const allSegments = Buffer.concat(segments.flatMap((s) => [s.bytes, ...s.inflated]));
    const missing = (buf: Buffer, values: string[]): string[] => values.filter((v) => !buf.includes(Buffer.from(v)));
    expect(missing(allSegments, [...produced.intakeIds, ...produced.caseCodes, ...produced.workOrderIds])).toEqual([]);
    expect(missing(dump, [...produced.intakeIds, ...produced.caseCodes, ...produced.workOrderIds])).toEqual([]);
    for (const service of ['work-order', 'legal-aid', 'hotline', 'centre', 'portal', 'identity']) {
      expect(logLines.some((l) => l.text.includes(`"service":"${service}"`))).toBe(true);
    }
    expect(logLines.some((l) => l.text.includes(produced.intakeIds[1] as string))).toBe(true);
  });

  it('(a) the broker’s segment files of this test’s topics hold no known ID-card number, phone number or address', async () => {
    const { segments } = await gather();
    const leaks = scanSegments(
      segments.filter((s) => !s.file.includes(`${tag}.zz-canary-`)),
      KNOWN,
    );
    if (leaks.length > 0)
      throw new Error(`Kafka log segments (${segments.length} files of ${tag}.*):\n${describeFindings(leaks)}`);
  });

  it('(b) pg_dump of this test’s schemas holds no known ID-card number, phone number or address', async () => {
    const { dump } = await gather();
    const leaks = scan('database', dumpLocator(dump), dump, KNOWN);
    if (leaks.length > 0)
      throw new Error(`pg_dump --schema '${tag}_*' (${dump.length} bytes):\n${describeFindings(leaks)}`);
  });

  it('(c) no service log line holds a known ID-card number, phone number or address', async () => {
    const { logLines } = await gather();
    const leaks = scanLogs(logLines, KNOWN);
    if (leaks.length > 0) throw new Error(`service logs (${logLines.length} lines):\n${describeFindings(leaks)}`);
  });

  it('(d) no Redis key or value of this test’s prefix holds a known ID-card number, phone number or address', async () => {
    const { redis } = await gather();
    const leaks = redis
      .filter((r) => r.key !== `${tag}:zz-canary`)
      .flatMap((r) =>
        scan(
          'redis',
          (at) => ({ place: `Redis key ${r.key}`, where: `Redis key ${r.key} byte ${at}` }),
          r.value,
          KNOWN,
        ),
      );
    if (leaks.length > 0) throw new Error(`Redis (${redis.length} keys under ${tag}:):\n${describeFindings(leaks)}`);
  });
});
