// HTTP adapter cost (issue 14): CPU per request of the same NestJS routes on @nestjs/platform-express and
// @nestjs/platform-fastify, each server in its own process (CPU = utime + stime from /proc before and after a
// fixed number of requests by autocannon -c 10), for a bare GET and for a validated JSON POST.
//   node -r ./test/swc-register.js bench/http-adapter.ts [--requests=5000] [--rounds=3] [--label=http-adapter]
// The median of the rounds is reported (the machine is shared). Results: bench/results/<label>.{md,json}.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Args } from './lib/args';
import { log } from './lib/harness';
import { REPO_ROOT } from './lib/launcher';
import { machineInfo } from './lib/machine';
import { table } from './lib/markdown';
import { cpuSeconds, rssMiB } from './lib/proc';
import { writeResults } from './lib/results';
import { sleep } from './lib/sleep';

type Adapter = 'express' | 'fastify';

interface RouteCase {
  name: string;
  path: string;
  method: 'GET' | 'POST';
  body?: string;
}

const ROUTES: RouteCase[] = [
  { name: 'GET /ping (bare)', path: '/ping', method: 'GET' },
  {
    name: 'POST /requests (JSON, DTO validated)',
    path: '/requests',
    method: 'POST',
    body: JSON.stringify({
      regionCode: '371324101',
      description: '在工地干了半年活，老板拖欠工资三万元不给，想讨薪',
      contact: { phone: '13812345678' },
      language: 'zh',
    }),
  },
];

interface Measured {
  adapter: Adapter;
  route: string;
  cpuMsPerRequest: number;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  rssMiB: number;
}

async function startServer(adapter: Adapter): Promise<{ port: number; pid: number; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      path.join(REPO_ROOT, 'test', 'swc-register.js'),
      path.join(__dirname, 'lib', 'http-adapter', 'adapter-server.ts'),
      adapter,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${adapter} server did not start: ${stderr}`)), 60000);
    child.stdout.on('data', (c: Buffer) => {
      const m = /PORT (\d+)/.exec(c.toString('utf8'));
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`${adapter} server exited with ${String(code)}: ${stderr}`)));
  });
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { port, pid: child.pid ?? -1, stop };
}

async function measure(adapter: Adapter, route: RouteCase, requests: number): Promise<Measured> {
  const server = await startServer(adapter);
  try {
    const url = `http://127.0.0.1:${server.port}${route.path}`;
    const options = {
      url,
      method: route.method,
      headers: { 'content-type': 'application/json' },
      ...(route.body ? { body: route.body } : {}),
      connections: 10,
    };
    if (route.body) {
      // Both adapters must refuse what the DTO refuses, or the comparison is not of the same work.
      const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (bad.status !== 400) throw new Error(`${adapter}: an empty body answered ${bad.status}, not 400`);
    }
    await autocannon({ ...options, amount: Math.min(2000, requests) }); // warm-up (JIT), not counted
    const before = cpuSeconds(server.pid);
    const result = await autocannon({ ...options, amount: requests });
    const cpu = cpuSeconds(server.pid) - before;
    return {
      adapter,
      route: route.name,
      cpuMsPerRequest: Math.round((cpu / Math.max(1, result.requests.total)) * 1e6) / 1e3,
      requestsPerSecond: Math.round(result.requests.total / Math.max(0.001, result.duration)),
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      rssMiB: rssMiB(server.pid),
    };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const args = new Args();
  const requests = args.number('requests', 5000);
  const rounds = args.number('rounds', 3);
  const label = args.string('label', 'http-adapter');
  const machine = machineInfo();
  const all: Measured[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const route of ROUTES) {
      for (const adapter of ['express', 'fastify'] as const) {
        const m = await measure(adapter, route, requests);
        log(
          `round ${round} ${adapter} ${route.name}: ${m.cpuMsPerRequest} ms CPU/request, ${m.requestsPerSecond} req/s`,
        );
        all.push(m);
      }
    }
  }
  const rows = ROUTES.flatMap((route) =>
    (['express', 'fastify'] as const).map((adapter) => {
      const mine = all.filter((m) => m.adapter === adapter && m.route === route.name);
      return {
        route: route.name,
        adapter,
        cpuMsPerRequest: median(mine.map((m) => m.cpuMsPerRequest)),
        requestsPerSecond: median(mine.map((m) => m.requestsPerSecond)),
        p99Ms: median(mine.map((m) => m.p99Ms)),
        non2xx: mine.reduce((n, m) => n + m.non2xx, 0),
        rssMiB: median(mine.map((m) => m.rssMiB)),
      };
    }),
  );
  const body = [
    `## CPU per request by HTTP adapter (median of ${rounds} rounds of ${requests} requests, autocannon -c 10)`,
    '',
    'Server CPU (utime + stime of its process) per request; the load generator runs on the same 2 cores.',
    '',
    table(
      ['route', 'adapter', 'ms CPU per request', 'req/s', 'p99 ms', 'non-2xx', 'RSS MiB'],
      rows.map((r) => [r.route, r.adapter, r.cpuMsPerRequest, r.requestsPerSecond, r.p99Ms, r.non2xx, r.rssMiB]),
    ),
  ].join('\n');
  const files = writeResults(label, machine, { requests, rounds, rows, all }, body, {
    expressBareCpuMs: rows[0]?.cpuMsPerRequest,
    fastifyBareCpuMs: rows[1]?.cpuMsPerRequest,
    expressPostCpuMs: rows[2]?.cpuMsPerRequest,
    fastifyPostCpuMs: rows[3]?.cpuMsPerRequest,
  });
  log(`results: ${files.markdown}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
