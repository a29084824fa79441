import { readdirSync, readFileSync } from 'node:fs';
import type { ChildService } from './launcher';

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime of the process itself, seconds. */
  own: number;
  /** cutime + cstime: children it has already waited for (PostgreSQL backends that exited), seconds. */
  reaped: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    const ticks = (i: number): number => Number(f[i] ?? 0);
    const own = (ticks(11) + ticks(12)) / CLOCK_TICKS_PER_SECOND;
    return { pid, ppid: ticks(1), comm, own, reaped: (ticks(13) + ticks(14)) / CLOCK_TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** CPU seconds of a process tree: the root, its live descendants, and what every one of them reaped. */
function treeSeconds(root: number, stats: ProcStat[]): number {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = stats.find((s) => s.pid === root);
  if (!rootStat) return NaN;
  let total = 0;
  const queue = [rootStat];
  while (queue.length > 0) {
    const s = queue.pop() as ProcStat;
    total += s.own + s.reaped;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** The infrastructure processes on this machine: the Kafka broker, the PostgreSQL postmaster, Redis. */
export function infrastructureRoots(stats: ProcStat[] = allStats()): { name: string; pid: number }[] {
  const roots: { name: string; pid: number }[] = [];
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  for (const s of stats) {
    const parent = byPid.get(s.ppid);
    const isPostgres = (c: string | undefined): boolean => c === 'postgres' || c === 'postmaster';
    if (s.comm === 'java' && /kafka\.Kafka\b/.test(cmdline(s.pid))) roots.push({ name: 'kafka', pid: s.pid });
    else if (isPostgres(s.comm) && !isPostgres(parent?.comm)) {
      roots.push({ name: 'postgres', pid: s.pid });
    } else if (s.comm.startsWith('redis-server')) roots.push({ name: 'redis', pid: s.pid });
  }
  return roots;
}

/** CPU seconds used so far per process of the stack: every bench-started service and the infrastructure. */
export type StackCpu = Record<string, number>;

export function stackCpu(services: readonly ChildService[]): StackCpu {
  const stats = allStats();
  const out: StackCpu = {};
  for (const s of services) if (s.running) out[s.name] = treeSeconds(s.pid, stats);
  for (const root of infrastructureRoots(stats)) out[root.name] = (out[root.name] ?? 0) + treeSeconds(root.pid, stats);
  return out;
}

/** Per process: CPU seconds between two snapshots; `total` is their sum. */
export function cpuDelta(before: StackCpu, after: StackCpu): StackCpu {
  const out: StackCpu = {};
  let total = 0;
  for (const [name, end] of Object.entries(after)) {
    const start = before[name];
    if (start === undefined || !Number.isFinite(start) || !Number.isFinite(end)) continue;
    out[name] = Math.round((end - start) * 1000) / 1000;
    total += end - start;
  }
  out.total = Math.round(total * 1000) / 1000;
  return out;
}
