// Sums a V8 .cpuprofile (node --cpu-prof, BENCH_CPU_PROFILE) into self time per function, per package or
// repository folder, and per file, plus inclusive time per function of this repository; prints the top N of each.
//   node -r ./test/swc-register.js bench/lib/profile-summary.ts <file.cpuprofile>... [--top=30]
//     [--from-seconds=S] [--to-seconds=S]   only samples within [S, S') of the profile's start
//     [--last-seconds=S]                     only the last S seconds (e.g. the measured load, not start-up)
//     [--json]                               the tables as JSON instead of text
// Several files are summed (e.g. two instances of one service). Idle time ("(idle)") is counted but left
// out of the percentages, so they are shares of the CPU the process actually used.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Args } from './args';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Row {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  files: string[];
  /** Wall time covered by the counted samples, ms. */
  windowMs: number;
  /** CPU time sampled in the window (every sample but "(idle)"), ms. */
  busyMs: number;
  byFunction: Row[];
  byPackage: Row[];
  byFile: Row[];
  /** Inclusive time of this repository's functions (each counted once per sample, recursion included). */
  inclusiveOwn: Row[];
}

const ROOT = path.resolve(__dirname, '..', '..');
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** A path relative to the repository, also for a profile taken in another checkout (git worktree) of it. */
function relativeUrl(url: string): string {
  const plain = url.startsWith('file://') ? url.slice('file://'.length) : url;
  if (plain.startsWith(ROOT + path.sep)) return plain.slice(ROOT.length + 1);
  const nm = plain.lastIndexOf('/node_modules/');
  if (nm >= 0) return plain.slice(nm + 1);
  const own = /\/((?:services|libs|bench|test|scripts)\/.*)$/.exec(plain);
  return own?.[1] ?? plain;
}

/** `node_modules/@nestjs/core/...` → `@nestjs/core`; `services/work-order/src/intake/x.ts` → `work-order/intake`. */
export function packageOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName) && frame.url === '') return frame.functionName;
  const url = relativeUrl(frame.url);
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url);
  }
  const parts = url.split('/');
  if (parts[0] === 'services' && parts[2] === 'src') return `${parts[1]}/${parts.length > 4 ? parts[3] : '(root)'}`;
  if (parts[0] === 'libs') return `@legal/${parts[1] ?? ''}`;
  if (parts[0] === 'bench' || parts[0] === 'test' || parts[0] === 'scripts') return parts[0];
  return url.includes('/') ? '(other file)' : url;
}

function isOwn(frame: CallFrame): boolean {
  const url = relativeUrl(frame.url);
  return !url.includes('node_modules/') && (url.startsWith('services/') || url.startsWith('libs/'));
}

function functionKey(frame: CallFrame): string {
  const url = relativeUrl(frame.url);
  const name = frame.functionName || '(anonymous)';
  return url === '' ? name : `${name} ${url}:${frame.lineNumber + 1}`;
}

function fileKey(frame: CallFrame): string {
  return relativeUrl(frame.url) || frame.functionName;
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function top(map: Map<string, number>, busyUs: number, n: number): Row[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 100) / 10,
      share: busyUs > 0 ? Math.round((us / busyUs) * 1000) / 10 : 0,
    }));
}

export interface Window {
  fromSeconds?: number;
  toSeconds?: number;
  lastSeconds?: number;
}

export function summarise(files: readonly string[], window: Window = {}, n = 30): ProfileSummary {
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busyUs = 0;
  let windowUs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const durationUs = profile.endTime - profile.startTime;
    const fromUs =
      window.lastSeconds !== undefined
        ? durationUs - window.lastSeconds * 1e6
        : window.fromSeconds !== undefined
          ? window.fromSeconds * 1e6
          : 0;
    const toUs = window.toSeconds !== undefined ? window.toSeconds * 1e6 : durationUs;
    windowUs += Math.max(0, Math.min(toUs, durationUs) - Math.max(0, fromUs));
    // A sample's time is the delta to the next sample (the last one gets the mean).
    let at = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i] ?? 0;
      const next = profile.timeDeltas[i + 1] ?? durationUs / Math.max(1, profile.samples.length);
      if (at < fromUs || at >= toUs) continue;
      const node = nodes.get(profile.samples[i] ?? -1);
      if (!node) continue;
      const frame = node.callFrame;
      if (frame.functionName === '(idle)') continue;
      const us = Math.max(0, next);
      busyUs += us;
      add(self, functionKey(frame), us);
      add(byPackage, packageOf(frame), us);
      add(byFile, fileKey(frame), us);
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const f = nodes.get(id)?.callFrame;
        if (!f || !isOwn(f)) continue;
        const key = functionKey(f);
        if (seen.has(key)) continue;
        seen.add(key);
        add(inclusive, key, us);
      }
    }
  }
  return {
    files: [...files],
    windowMs: Math.round(windowUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    byFunction: top(self, busyUs, n),
    byPackage: top(byPackage, busyUs, n),
    byFile: top(byFile, busyUs, n),
    inclusiveOwn: top(inclusive, busyUs, n),
  };
}

export function formatSummary(summary: ProfileSummary): string {
  const section = (title: string, rows: Row[]): string =>
    [
      `## ${title}`,
      '',
      '| # | ms | % of busy | |',
      '|---|---|---|---|',
      ...rows.map((r, i) => `| ${i + 1} | ${r.ms} | ${r.share} | \`${r.name.replace(/\|/g, '\\|')}\` |`),
      '',
    ].join('\n');
  return [
    `${summary.files.map((f) => path.basename(f)).join(', ')}: ${summary.busyMs} ms of CPU sampled in ${summary.windowMs} ms of wall time`,
    '',
    section('Self time per package or repository folder', summary.byPackage),
    section('Self time per function', summary.byFunction),
    section('Self time per file', summary.byFile),
    section("Inclusive time of this repository's functions", summary.inclusiveOwn),
  ].join('\n');
}

function main(): void {
  const args = new Args();
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: profile-summary.ts <file.cpuprofile>... [--top=30] [--last-seconds=S]\n');
    process.exit(2);
  }
  const optional = (name: string): number | undefined => {
    const v = args.number(name, Number.NaN);
    return Number.isNaN(v) ? undefined : v;
  };
  const summary = summarise(
    files,
    { fromSeconds: optional('from-seconds'), toSeconds: optional('to-seconds'), lastSeconds: optional('last-seconds') },
    args.number('top', 30),
  );
  process.stdout.write(args.flag('json') ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
}

if (require.main === module) main();
