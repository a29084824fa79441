// What the Kafka broker spends per request type (issue 14): broker CPU (utime + stime of the JVM from /proc) per
// Produce, per empty Fetch, per idle consumer group member and per record delivered to a consumer, each phase net of
// the broker's burn in a quiet phase just before it. Requests are counted by API at the one place every kafkajs
// request passes (Connection.send), as bench/messaging-cost.ts does. Topics and groups carry a run prefix
// (kcost_<hex>) and are deleted at the end; the broker is never restarted.
//   node -r ./test/swc-register.js bench/kafka-cost.ts [--seconds=20] [--rate=50] [--members=20]
//        [--max-wait=3000] [--heartbeat=1000] [--broker-pid=<pid>] [--label=kafka-cost]
// --broker-pid: a private broker (deploy/local/kafka.sh with KAFKA_PORT/KAFKA_DATA_DIR, KAFKA_BROKERS pointing at it);
// default: the `kafka.Kafka` JVM on this machine. On a shared broker other work lands in every phase: read the
// quiet phase's figure, and repeat.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Args } from './lib/args';
import { benchAdminSasl } from './lib/kafka-auth';
import { table } from './lib/markdown';
import { machineInfo } from './lib/machine';
import { writeResults } from './lib/results';
import { sleep } from './lib/sleep';
import { infrastructureRoots } from './lib/stack-cpu';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Every request kafkajs sends, by API (its Connection class is the one place all requests pass). */
const requests = new Map<string, number>();
function countKafkaRequests(): void {
  type SendFn = (this: unknown, args: { request?: { apiName?: string } }) => unknown;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Connection = require('kafkajs/src/network/connection') as { prototype: { send: SendFn } };
  const original = Connection.prototype.send;
  Connection.prototype.send = function (this: unknown, args) {
    const api = String(args?.request?.apiName ?? '?');
    requests.set(api, (requests.get(api) ?? 0) + 1);
    return original.call(this, args);
  };
}

/** utime + stime of a process, seconds. */
function processCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Phase {
  phase: string;
  seconds: number;
  brokerCpuPercent: number;
  requests: Record<string, number>;
}

/** Broker CPU and requests sent while `during` runs for `seconds`. */
async function measure(
  name: string,
  pid: number,
  seconds: number,
  during: Promise<unknown> | undefined,
): Promise<Phase> {
  const counted = new Map(requests);
  const cpu0 = processCpu(pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  const cpu = processCpu(pid) - cpu0;
  const sent: Record<string, number> = {};
  for (const [api, n] of requests) if (n - (counted.get(api) ?? 0) > 0) sent[api] = n - (counted.get(api) ?? 0);
  void during;
  const result = { phase: name, seconds: wall, brokerCpuPercent: (cpu / wall) * 100, requests: sent };
  console.log(JSON.stringify(result));
  return result;
}

function rounded(v: number, digits = 2): number {
  return Math.round(v * 10 ** digits) / 10 ** digits;
}

async function main(): Promise<void> {
  countKafkaRequests();
  const args = new Args();
  const seconds = args.number('seconds', 20);
  const rate = args.number('rate', 50);
  const members = args.number('members', 20);
  const maxWait = args.number('max-wait', 3000);
  const heartbeat = args.number('heartbeat', 1000);
  const label = args.string('label', 'kafka-cost');
  const pid = args.number('broker-pid', infrastructureRoots().find((r) => r.name === 'kafka')?.pid ?? 0);
  if (!pid) throw new Error('no kafka.Kafka process found: pass --broker-pid');
  const prefix = `kcost_${randomBytes(3).toString('hex')}`;
  const topic = `${prefix}.load`;
  const kafka = new Kafka({ clientId: prefix, brokers: BROKERS, sasl: benchAdminSasl(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  // 6 partitions, as every bench topic: the consumers fetch all of them in one request.
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
  const phases: Phase[] = [];
  const consumers: Consumer[] = [];
  let producer: Producer | undefined;
  const stopConsumers = async (): Promise<void> => {
    await Promise.all(consumers.splice(0).map((c) => c.disconnect().catch(() => undefined)));
  };
  const consumer = async (group: string, wait: number): Promise<Consumer> => {
    const c = kafka.consumer({
      groupId: `${prefix}.${group}`,
      sessionTimeout: 10000,
      heartbeatInterval: heartbeat,
      maxWaitTimeInMs: wait,
      allowAutoTopicCreation: false,
    });
    await c.connect();
    await c.subscribe({ topic, fromBeginning: false });
    // No offset commits: this phase prices fetches (the stack commits every 500 ms per active group, see OffsetCommit).
    await c.run({ autoCommit: false, eachBatch: async () => undefined });
    consumers.push(c);
    return c;
  };
  try {
    // 1. Produce only: one record per request, idempotent with acks=all like the outbox relay.
    producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    phases.push(await measure('quiet before produce', pid, seconds, undefined));
    let producing = true;
    const produceLoop = (async () => {
      let i = 0;
      while (producing) {
        const next = performance.now() + 1000 / rate;
        await (producer as Producer).send({
          topic,
          acks: -1,
          messages: [{ key: `k${i % 1000}`, value: randomBytes(600).toString('base64') }],
        });
        i += 1;
        await sleep(Math.max(0, next - performance.now()));
      }
    })();
    phases.push(await measure('produce', pid, seconds, produceLoop));
    producing = false;
    await produceLoop;

    // 2. Idle members: `members` groups of one member each, long-polling an empty topic (the stack at rest).
    phases.push(await measure('quiet before idle members', pid, seconds, undefined));
    for (let g = 0; g < members; g += 1) await consumer(`idle-${g}`, maxWait);
    await sleep(3000);
    phases.push(await measure(`${members} idle members, maxWait ${maxWait} ms`, pid, seconds, undefined));
    await stopConsumers();

    // 3. Delivery: the same load as phase 1 read by `members` groups (each record fetched once per group).
    phases.push(await measure('quiet before delivery', pid, seconds, undefined));
    for (let g = 0; g < members; g += 1) await consumer(`read-${g}`, maxWait);
    await sleep(3000);
    producing = true;
    const deliveryLoop = (async () => {
      let i = 0;
      while (producing) {
        const next = performance.now() + 1000 / rate;
        await (producer as Producer).send({
          topic,
          acks: -1,
          messages: [{ key: `k${i % 1000}`, value: randomBytes(600).toString('base64') }],
        });
        i += 1;
        await sleep(Math.max(0, next - performance.now()));
      }
    })();
    phases.push(await measure(`produce + ${members} groups reading`, pid, seconds, deliveryLoop));
    producing = false;
    await deliveryLoop;
    await stopConsumers();
  } finally {
    await stopConsumers();
    await producer?.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  }

  // Each measured phase net of the quiet phase before it, per request of the phase's main kind.
  const [quiet1, produce, quiet2, idle, quiet3, delivery] = phases as [Phase, Phase, Phase, Phase, Phase, Phase];
  const net = (p: Phase, q: Phase): number => ((p.brokerCpuPercent - q.brokerCpuPercent) / 100) * p.seconds * 1000;
  const count = (p: Phase, api: string): number => p.requests[api] ?? 0;
  const total = (p: Phase): number => Object.values(p.requests).reduce((a, b) => a + b, 0);
  const rows = [
    ['produce: ms per Produce', rounded(net(produce, quiet1) / Math.max(1, count(produce, 'Produce')), 3)],
    [
      `idle: % of a core per member (${rounded(total(idle) / idle.seconds / members, 2)} requests/s each)`,
      rounded((idle.brokerCpuPercent - quiet2.brokerCpuPercent) / members, 3),
    ],
    ['idle: ms per request (Fetch + Heartbeat)', rounded(net(idle, quiet2) / Math.max(1, total(idle)), 3)],
    [
      `delivery: ms per request (${rounded(count(delivery, 'Fetch') / delivery.seconds, 1)} Fetch/s)`,
      rounded(net(delivery, quiet3) / Math.max(1, total(delivery)), 3),
    ],
  ];
  const body = [
    `Broker pid ${pid}, ${seconds} s per phase, ${rate} records/s, ${members} groups, consumers maxWait ${maxWait} ms,`,
    `heartbeat ${heartbeat} ms. Broker CPU net of the quiet phase before each phase.`,
    '',
    table(
      ['phase', 'broker % of a core', 'requests by API'],
      phases.map((p) => [
        p.phase,
        rounded(p.brokerCpuPercent),
        Object.entries(p.requests)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ]),
    ),
    '',
    table(['broker cost', 'value'], rows),
  ].join('\n');
  const files = writeResults(label, machineInfo(), { phases }, body, Object.fromEntries(rows));
  console.log(body);
  console.log(`results: ${files.markdown}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
