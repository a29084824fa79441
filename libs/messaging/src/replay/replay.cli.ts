import { DeadLetterReason } from '@legal/contracts';
import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { createKafka } from '../kafka.module';
import { replayDeadLetters, ReplayRefusedError } from './dead-letter-replayer';

const USAGE = `Re-publishes dead letters to their source topic (ce_id kept, dlq_* headers removed).

usage: node dist/libs/messaging/src/replay/replay.cli.js --topic <dlq topic> [options]
  --topic <name>       physical DLQ topic, e.g. legal.intake.submitted.dlq (include KAFKA_TOPIC_PREFIX if set)
  --brokers <list>     host:port[,host:port] (default $KAFKA_BROKERS or 127.0.0.1:9092)
  --since <time>       only letters that failed at/after this ISO 8601 time
  --until <time>       only letters that failed before this ISO 8601 time
  --group <group id>   only letters of this consumer group (dlq_consumer_group)
  --reason <reason>    only letters with this reason (e.g. handler-failed)
  --dry-run            count what would be replayed; produce nothing
  --inbox-retention-days <n>  how long consumers remember applied events (default $INBOX_RETENTION_DAYS or 30):
                       letters whose event is older (less a day's margin) are refused, nothing is replayed
  --beyond-inbox-retention    replay such letters anyway, each only to the consumer group that dead-lettered it
                       (header replay_target_group; every other group skips it, so none applies it twice)
Credentials: KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD, else the admin principal (KAFKA_ADMIN_USERNAME,
KAFKA_ADMIN_PASSWORD; development passwords when NODE_ENV is development or test).
`;

/** Logs (kafkajs included) go to stderr: stdout carries only the JSON report. */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

const REASONS: DeadLetterReason[] = [
  'invalid-envelope',
  'unknown-type',
  'schema-violation',
  'not-json',
  'handler-failed',
];

function parseTime(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`--${name} ${value} is not a date`);
  return time;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      topic: { type: 'string' },
      brokers: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      group: { type: 'string' },
      reason: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'inbox-retention-days': { type: 'string' },
      'beyond-inbox-retention': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.topic) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 64;
  }
  const reason = values.reason as DeadLetterReason | undefined;
  if (reason !== undefined && !REASONS.includes(reason))
    throw new Error(`--reason must be one of ${REASONS.join(', ')}`);
  const retentionDays = Number(values['inbox-retention-days'] ?? process.env.INBOX_RETENTION_DAYS ?? 30);
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new Error('--inbox-retention-days must be a positive whole number');
  Logger.overrideLogger(new StderrLogger('replay', { logLevels: ['error', 'warn', 'log'] }));
  const brokers = (values.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = createKafka({ brokers, clientId: 'dlq-replay', topicPrefix: '', partitions: 1 });
  const report = await replayDeadLetters({
    kafka,
    topic: values.topic,
    since: parseTime('since', values.since),
    until: parseTime('until', values.until),
    consumerGroup: values.group,
    reason,
    dryRun: values['dry-run'],
    dedupeWindow: { retentionMs: retentionDays * 24 * 60 * 60 * 1000 },
    targetExpiredToFailedGroup: values['beyond-inbox-retention'],
  }).catch((e: unknown) => {
    if (!(e instanceof ReplayRefusedError)) throw e;
    process.stdout.write(`${JSON.stringify({ topic: values.topic, refused: e.count, letters: e.refused }, null, 2)}\n`);
    process.stderr.write(`${e.message}\n`);
    return undefined;
  });
  if (!report) return 3;
  process.stdout.write(`${JSON.stringify({ ...report, dryRun: values['dry-run'] }, null, 2)}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`replay failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
