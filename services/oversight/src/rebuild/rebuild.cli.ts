import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import {
  CallbackCompleted,
  EvaluationSubmitted,
  prefixedTopic,
  Progressed,
  RosterCoverageChanged,
  WorkOrderChanged,
} from '@legal/contracts';
import { createKafka } from '@legal/messaging';
import { parseArgs } from 'node:util';
import { Client } from 'pg';

const USAGE = `Resets oversight's read model and replays it from the topics (not from work-order's republish, which
carries current states only and loses first dispatch and acceptance times).

Stop every oversight instance first (bash deploy/local/services.sh stop oversight): the consumer groups must be
empty. Then this command
  1. moves the committed offsets of the oversight consumer groups back to the earliest record of each topic,
  2. in one transaction empties the fact tables and forgets the groups' inbox rows (else replayed events would be
     skipped as already applied).
Start oversight again: it re-reads the topics from their beginning (within KAFKA_RETENTION_DAYS). Applying is
idempotent and older never overwrites newer, so running it twice or a crash in between is harmless: run it again.

usage: node dist/services/oversight/src/rebuild/rebuild.cli.js [options]
  --brokers <list>       host:port[,host:port] (default $KAFKA_BROKERS or 127.0.0.1:9092)
  --database-url <url>   default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/legal_services
  --schema <name>        default $DB_SCHEMA or oversight
  --topic-prefix <p>     default $KAFKA_TOPIC_PREFIX or none (prepended to topics and group ids)
  --dry-run              show the groups, topics and rows it would reset; change nothing
Credentials: KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD (the oversight principal), else the admin principal.
`;

/**
 * The consumer groups FactsProjector registers and the topic each reads (keep in step with facts.projector.ts).
 * The Kafka group id is `<prefix>oversight.<name>`; the inbox keeps the registered name alone.
 */
export const REBUILD_GROUPS: readonly { name: string; topic: string }[] = [
  { name: 'work-order-facts', topic: WorkOrderChanged.topic },
  { name: 'evaluation-facts', topic: EvaluationSubmitted.topic },
  { name: 'handler-outcome-facts', topic: Progressed.topic },
  { name: 'callback-facts', topic: CallbackCompleted.topic },
  { name: 'roster-coverage-facts', topic: RosterCoverageChanged.topic },
];
/** The projected tables; monthly_report (generated PDFs) is kept. */
export const FACT_TABLES = [
  'deadline_fact',
  'work_order_fact',
  'handler_outcome_fact',
  'callback_fact',
  'offer_fact',
  'roster_coverage_day',
  'daily_rollup',
  'daily_deadline_rollup',
] as const;

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

export interface RebuildReport {
  groups: { group: string; topic: string; partitionsReset: number }[];
  factRowsDeleted: Record<string, number>;
  inboxRowsDeleted: number;
  dryRun: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      brokers: { type: 'string' },
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      'topic-prefix': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  Logger.overrideLogger(new StderrLogger('oversight-rebuild', { logLevels: ['error', 'warn', 'log'] }));
  const dryRun = values['dry-run'];
  const prefix = values['topic-prefix'] ?? process.env.KAFKA_TOPIC_PREFIX ?? '';
  const schema = values.schema ?? process.env.DB_SCHEMA ?? 'oversight';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`--schema ${schema} is not a plain schema name`);
  const brokers = (values.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = createKafka({ brokers, clientId: 'oversight-rebuild', topicPrefix: prefix, partitions: 1 });
  const admin = kafka.admin();
  const db = new Client({
    connectionString:
      values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
  });
  await admin.connect();
  await db.connect();
  try {
    const targets = REBUILD_GROUPS.map((g) => ({
      name: g.name,
      group: prefixedTopic(prefix, `oversight.${g.name}`),
      topic: prefixedTopic(prefix, g.topic),
    }));
    const described = await admin.describeGroups(targets.map((t) => t.group));
    const busy = described.groups.filter((g) => g.members.length > 0).map((g) => g.groupId);
    if (busy.length > 0) {
      process.stderr.write(`consumer groups still have members (${busy.join(', ')}): stop oversight first\n`);
      return 3;
    }
    const report: RebuildReport = { groups: [], factRowsDeleted: {}, inboxRowsDeleted: 0, dryRun };
    for (const t of targets) {
      const committed = await admin.fetchOffsets({ groupId: t.group, topics: [t.topic] });
      const partitions = committed.flatMap((c) => c.partitions).filter((p) => p.offset !== '-1').length;
      if (!dryRun && partitions > 0) await admin.resetOffsets({ groupId: t.group, topic: t.topic, earliest: true });
      report.groups.push({ group: t.group, topic: t.topic, partitionsReset: partitions });
    }
    await db.query('BEGIN');
    for (const table of FACT_TABLES) {
      const r = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}"`);
      report.factRowsDeleted[table] = Number(r.rows[0]?.n ?? 0);
    }
    const inbox = await db.query(`DELETE FROM "${schema}".inbox_message WHERE consumer_group = ANY($1)`, [
      targets.map((t) => t.name),
    ]);
    report.inboxRowsDeleted = inbox.rowCount ?? 0;
    if (!dryRun) await db.query(`TRUNCATE ${FACT_TABLES.map((t) => `"${schema}"."${t}"`).join(', ')}`);
    await db.query(dryRun ? 'ROLLBACK' : 'COMMIT');
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } finally {
    await db.end().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`oversight rebuild failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
