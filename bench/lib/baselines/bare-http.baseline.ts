import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../launcher';
import { rssMiB } from '../proc';
import { sleep } from '../sleep';
import { Summary, summarize } from '../stats';

export interface BareHttpResult {
  /** Sequential POSTs from the same client the bench uses for intakes (fetch): the one-request floor. */
  sequentialPost: Summary;
  /** autocannon, 10 connections, 5 s, POST /echo. */
  autocannon: {
    connections: number;
    durationSeconds: number;
    requestsPerSecond: number;
    latencyP50: number;
    latencyP99: number;
    errors: number;
    non2xx: number;
  };
  rssMiB: number;
  note: string;
}

const BODY = JSON.stringify({
  regionCode: '371324101',
  description: '在工地干了半年活，老板拖欠工资三万元不给',
  contact: { phone: '13812345678' },
  language: 'zh',
});

/** A bare NestJS endpoint (express adapter) in its own process, measured two ways. */
export async function bareNestHttp(samples = 300): Promise<BareHttpResult> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(REPO_ROOT, 'test', 'swc-register.js'), path.join(__dirname, 'bare-nest-server.ts')],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bare Nest server did not start: ${stderr}`)), 60000);
      child.stdout.on('data', (c: Buffer) => {
        const m = /PORT (\d+)/.exec(c.toString('utf8'));
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`bare Nest server exited with ${String(code)}: ${stderr}`)));
    });
    const url = `http://127.0.0.1:${port}/echo`;
    const times: number[] = [];
    for (let i = 0; i < samples + 30; i++) {
      const start = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
      await res.arrayBuffer();
      if (i >= 30) times.push(performance.now() - start);
    }
    const cannon = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
      connections: 10,
      duration: 5,
    });
    const rss = rssMiB(child.pid ?? -1);
    return {
      sequentialPost: summarize(times),
      autocannon: {
        connections: 10,
        durationSeconds: 5,
        requestsPerSecond: Math.round(cannon.requests.average),
        latencyP50: cannon.latency.p50,
        latencyP99: cannon.latency.p99,
        errors: cannon.errors,
        non2xx: cannon.non2xx,
      },
      rssMiB: rss,
      note: 'NestJS 11 + express, JSON body parser, POST /echo returning 201; sequential fetch() from the bench process, then autocannon -c 10 -d 5',
    };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
