import { buildDataSourceOptions } from '@legal/persistence';
import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { OutboxQuarantineAdmin, QuarantineSelector } from './outbox-quarantine';

const USAGE = `Lists, releases or discards quarantined outbox rows (rows the broker rejected OUTBOX_MAX_ATTEMPTS times;
later events of their key are held behind them).

usage: node dist/libs/messaging/src/outbox/outbox-quarantine.cli.js <list|release|discard> --schema <schema> [options]
  --schema <name>        the service's schema (DB_SCHEMA), e.g. work_order (default $DB_SCHEMA)
  --database-url <url>   default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/legal_services
  --id <outbox id>       select a quarantined row (repeatable)
  --key <key>            select the quarantined row of a key (the event subject, e.g. a work order id; repeatable)
  --all                  select every quarantined row
  --reason <text>        discard only: why the event is given up (required; logged with the event id)
  --dry-run              release/discard: print what would be selected, change nothing

list     prints every quarantined row: event, key, attempts, last error, rows held behind it, payload size.
release  fix the cause first (topic created, ACL granted, max.message.bytes raised); the row gets a fresh
         set of attempts and its key is published again in order: the released row, then the held ones.
discard  deletes the row for good: consumers never receive the event; the held rows of its key then flow.
Prints a JSON report on stdout.
`;

/** Logs go to stderr: stdout carries only the JSON report. */
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

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      schema: { type: 'string' },
      'database-url': { type: 'string' },
      id: { type: 'string', multiple: true },
      key: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      reason: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  const schema = values.schema ?? env.DB_SCHEMA;
  if (values.help || !command || !['list', 'release', 'discard'].includes(command) || !schema) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 64;
  }
  const selector: QuarantineSelector = { outboxIds: values.id ?? [], keys: values.key ?? [], all: values.all };
  if (command !== 'list' && !selector.all && selector.outboxIds?.length === 0 && selector.keys?.length === 0) {
    throw new Error(`${command} needs --id, --key or --all`);
  }
  if (command === 'discard' && !values.reason?.trim()) throw new Error('discard needs --reason');
  Logger.overrideLogger(new StderrLogger('outbox-quarantine', { logLevels: ['error', 'warn', 'log'] }));
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: values['database-url'] ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
      schema,
      poolSize: 1,
      applicationName: 'outbox-quarantine-cli',
      entities: [],
      migrations: [],
      migrationsRun: false,
    }),
  );
  await dataSource.initialize();
  try {
    const admin = new OutboxQuarantineAdmin(dataSource);
    const dryRun = values['dry-run'];
    let report: Record<string, unknown>;
    const selectsNothing = !selector.all && !selector.outboxIds?.length && !selector.keys?.length;
    if (command === 'list')
      report = { schema, quarantined: await admin.list(selectsNothing ? { all: true } : selector) };
    else if (dryRun)
      report = {
        schema,
        dryRun,
        [command === 'release' ? 'wouldRelease' : 'wouldDiscard']: await admin.list(selector),
      };
    else if (command === 'release') report = { schema, released: await admin.release(selector) };
    else report = { schema, discarded: await admin.discard(selector, values.reason ?? '') };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`outbox-quarantine failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
