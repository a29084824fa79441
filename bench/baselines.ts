// Only the baselines (raw Kafka round trip, raw INSERT + COMMIT, bare NestJS endpoint), for a quick
// look at the machine's floor: node -r ./test/swc-register.js bench/baselines.ts
import { runBaselines } from './lib/baselines/run-baselines';
import { floorOf, STAGE_HOPS, STAGES } from './lib/floor';
import { machineInfo } from './lib/machine';
import { table } from './lib/markdown';
import { writeResults } from './lib/results';
import { runTag } from './lib/run-environment';

async function main(): Promise<void> {
  const machine = machineInfo();
  const tag = runTag('base');
  const baselines = await runBaselines(
    {
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
      tag,
    },
    (line) => console.log(line),
  );
  const floors = Object.fromEntries(STAGES.map((s) => [s, floorOf(STAGE_HOPS[s], baselines)]));
  const md = [
    table(
      ['baseline', 'p50 ms', 'p99 ms', 'other'],
      [
        [
          'Kafka produce→consume (kafkajs)',
          baselines.kafka.roundTrip.p50,
          baselines.kafka.roundTrip.p99,
          `${baselines.kafka.samples} samples`,
        ],
        [
          'INSERT + COMMIT (node-postgres)',
          baselines.postgres.insertCommit.p50,
          baselines.postgres.insertCommit.p99,
          `${baselines.postgres.samples} samples`,
        ],
        [
          'bare NestJS POST (sequential)',
          baselines.http.sequentialPost.p50,
          baselines.http.sequentialPost.p99,
          `autocannon c=10: ${baselines.http.autocannon.requestsPerSecond} req/s`,
        ],
      ],
    ),
    '',
    table(
      ['stage', 'hops', 'floor p50 ms'],
      STAGES.map((s) => [s, floors[s]?.formula, floors[s]?.p50Ms]),
    ),
  ].join('\n');
  const files = writeResults('baselines', machine, { tag, baselines, floors }, md, {
    kafkaP50: baselines.kafka.roundTrip.p50,
    pgP50: baselines.postgres.insertCommit.p50,
    httpP50: baselines.http.sequentialPost.p50,
  });
  console.log(`\n${md}\n\nwritten: ${files.json}, ${files.markdown}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
