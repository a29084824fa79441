// Consumed-event validation cost (issue 14): CPU per event of the contracts' schema check, with ajv-formats'
// date-time (as before) and with isRfc3339DateTime (libs/contracts/src/date-time.ts, as now), in the same process
// on the same events. The events are the contracts' examples, every timestamp in them made distinct (UTC and
// +08:00 forms), cycled to --events. Rounds alternate before/after; CPU = process.cpuUsage() user + system.
//   node -r ./test/swc-register.js bench/event-validation.ts [--events=10000] [--rounds=15] [--warmup=6]
// Prints the median µs per event of each and of the date-time check alone. No services needed.
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { ALL_EVENTS, checkEventPayload } from '../libs/contracts/src';
import { isRfc3339DateTime } from '../libs/contracts/src/date-time';
import { Args } from './lib/args';

const args = new Args();
const EVENTS = args.number('events', 10_000);
const ROUNDS = args.number('rounds', 15);
const WARMUP = args.number('warmup', 6); // rounds not counted: the JIT settles first
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/** The example with each timestamp moved by `i` minutes; every other one written in +08:00. */
function withTimestamps(value: unknown, i: number): unknown {
  if (typeof value === 'string' && ISO.test(value)) {
    const at = new Date(Date.parse(value) + i * 60_000 + (i % 1000));
    if (i % 2 === 0) return at.toISOString();
    const local = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    return local;
  }
  if (Array.isArray(value)) return value.map((v) => withTimestamps(v, i));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTimestamps(v, i)]));
  return value;
}

const events = Array.from({ length: EVENTS }, (_, i) => {
  const definition = ALL_EVENTS[i % ALL_EVENTS.length];
  return { type: definition.type, data: withTimestamps(definition.example, i) };
});
const timestamps: string[] = [];
JSON.stringify(events, (_k, v: unknown) => {
  if (typeof v === 'string' && ISO.test(v)) timestamps.push(v);
  return v;
});

// Before: the instance as validation.ts made it until issue 14 (same options, ajv-formats' full date-time).
const before = new Ajv({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true });
addFormats(before);
before.addKeyword({ keyword: 'x-sealed-schema', schemaType: 'object' });
const beforeValidators = new Map<string, ValidateFunction>(ALL_EVENTS.map((d) => [d.type, before.compile(d.schema)]));
const checkBefore = (type: string, data: unknown): boolean => {
  const validate = beforeValidators.get(type);
  if (!validate) throw new Error(`no validator for ${type}`);
  return validate(data);
};
const checkAfter = (type: string, data: unknown): boolean => checkEventPayload(type, data).ok;
const referenceFormat = fullFormats['date-time'];
if (
  typeof referenceFormat !== 'object' ||
  !('validate' in referenceFormat) ||
  typeof referenceFormat.validate !== 'function'
)
  throw new Error('ajv-formats date-time is not a function format');
const ajvFormatsDateTime = referenceFormat.validate as (s: string) => boolean;

function cpuMicros(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  for (const e of events) {
    const a = checkBefore(e.type, e.data);
    const b = checkAfter(e.type, e.data);
    if (!a || !b) throw new Error(`example of ${e.type} refused (before ${a}, after ${b})`);
  }
  const runs = {
    before: [] as number[],
    after: [] as number[],
    formatBefore: [] as number[],
    formatAfter: [] as number[],
  };
  for (let round = 0; round < ROUNDS + WARMUP; round++) {
    const first = round % 2 === 0;
    const measure = (which: 'before' | 'after'): number =>
      cpuMicros(() => {
        const check = which === 'before' ? checkBefore : checkAfter;
        for (const e of events) check(e.type, e.data);
      });
    const b = first ? measure('before') : 0;
    const a = measure('after');
    const b2 = first ? b : measure('before');
    const fb = cpuMicros(() => timestamps.forEach((t) => ajvFormatsDateTime(t)));
    const fa = cpuMicros(() => timestamps.forEach((t) => isRfc3339DateTime(t)));
    if (round < WARMUP) continue;
    runs.before.push(b2 / events.length);
    runs.after.push(a / events.length);
    runs.formatBefore.push(fb / timestamps.length);
    runs.formatAfter.push(fa / timestamps.length);
  }
  const f = (n: number): string => n.toFixed(3);
  process.stdout.write(
    [
      `${events.length} events (${ALL_EVENTS.length} types), ${timestamps.length} date-time values, ${ROUNDS} rounds, median CPU:`,
      `  schema check, ajv-formats date-time: ${f(median(runs.before))} µs/event  (rounds ${runs.before.map(f).join(' ')})`,
      `  schema check, isRfc3339DateTime:     ${f(median(runs.after))} µs/event  (rounds ${runs.after.map(f).join(' ')})`,
      `  date-time alone, ajv-formats:        ${f(median(runs.formatBefore))} µs/value`,
      `  date-time alone, isRfc3339DateTime:  ${f(median(runs.formatAfter))} µs/value`,
      '',
    ].join('\n'),
  );
}

main();
