// Client address cost in the rate-limit guard (issue 14): CPU per request to find the address the limits are
// keyed by, as the guard did it (req.ip read for every rule: proxy-addr parses each hop with ipaddr.js) and as it
// does now (ClientAddresses: once per request, remembered per (peer, X-Forwarded-For) in an LRU). Requests are
// fresh Express request objects of a real application, from a proxy in 10.0.0.0/8 forwarding --clients distinct
// addresses; TRUSTED_PROXIES as deployed behind the load balancer, and none. Rounds alternate; median reported.
//   node -r ./test/swc-register.js bench/rate-limit-ip.ts [--requests=20000] [--clients=500] [--rounds=11]
import express from 'express';
import type { Request } from 'express';
import { ClientAddresses } from '../libs/rate-limit/src/client-address';
import { Args } from './lib/args';

const args = new Args();
const REQUESTS = args.number('requests', 20_000);
const CLIENTS = args.number('clients', 500);
const ROUNDS = args.number('rounds', 11);
const WARMUP = 4;

function appTrusting(list: string[] | false): express.Express {
  const app = express();
  app.set('trust proxy', list);
  return app;
}

function requestOf(app: express.Express, peer: string, forwarded: string): Request {
  const req = Object.create(app.request) as Request;
  const socket = { remoteAddress: peer };
  Object.assign(req, { app, headers: { 'x-forwarded-for': forwarded }, socket });
  Object.defineProperty(req, 'connection', { value: socket });
  return req;
}

const clientsOf = (i: number): string => `203.0.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;

function cpuMicros(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(app: express.Express, rules: number): { before: number; after: number } {
  const peers = ['10.20.0.2', '10.20.0.3'];
  const requests = (): Request[] =>
    Array.from({ length: REQUESTS }, (_, i) => requestOf(app, peers[i % 2], clientsOf(i % CLIENTS)));
  const before: number[] = [];
  const after: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS + WARMUP; round++) {
    const a = requests();
    const b = requests();
    const old = cpuMicros(() => {
      for (const req of a)
        for (let r = 0; r < rules; r++) sink += (req.ip ?? req.socket.remoteAddress ?? 'unknown').length;
    });
    const clients = new ClientAddresses(); // one per guard; kept across the rounds' requests as in a service
    const now = cpuMicros(() => {
      for (const req of b) sink += clients.of(req).length;
    });
    if (round < WARMUP) continue;
    before.push(old / REQUESTS);
    after.push(now / REQUESTS);
  }
  if (sink === 0) throw new Error('nothing resolved');
  return { before: median(before), after: median(after) };
}

const f = (n: number): string => n.toFixed(3);
const lines = [`${REQUESTS} requests per round, ${CLIENTS} distinct clients, ${ROUNDS} rounds, median CPU µs/request:`];
for (const [name, list] of [
  ['TRUSTED_PROXIES=10.0.0.0/8', ['10.0.0.0/8']],
  ['TRUSTED_PROXIES=(none)', false],
] as const) {
  const app = appTrusting(list === false ? false : [...list]);
  for (const rules of [1, 2]) {
    const m = measure(app, rules);
    lines.push(`  ${name}, ${rules} rule(s): req.ip per rule ${f(m.before)} → ClientAddresses ${f(m.after)}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
