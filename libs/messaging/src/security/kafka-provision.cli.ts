import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { createKafka, DEFAULT_TOPIC_RETENTION } from '../kafka.module';
import { provisionContractTopics, reconcileAcls } from './kafka-acl-provisioner';
import {
  allServiceAcls,
  KAFKA_SERVICE_PRINCIPALS,
  partnerAcls,
  partnerPrincipalName,
  serviceOfPrincipal,
  userPrincipal,
} from './kafka-acls';
import { kafkaAdminCredentialsFromEnv } from './kafka-credentials';

const USAGE = `Applies the broker ACLs derived from the event contracts and creates the contracts' topics, as the admin
principal. Idempotent; removes stale ACLs of the principals it manages. (SCRAM users themselves are created by
deploy/local/kafka.sh: kafkajs cannot manage SCRAM credentials.)

usage: node dist/libs/messaging/src/security/kafka-provision.cli.js [options]
       node -r ./test/swc-register.js libs/messaging/src/security/kafka-provision.cli.ts [options]
  (no partner option)     every service principal: exactly the contracts' ACLs; every topic + .dlq created
  --users <a,b,...>       SCRAM users that exist (service names and rotation twins such as portal.v2);
                          default: the eight service names. ACLs of other service-family principals are removed.
  --partner <clientId>    apply one partner's ACLs (its feed topic only; repeatable); skips the service step
  --remove-partner <id>   remove every ACL of partner-<id> (repeatable); skips the service step
  --prefix <prefix>       topic/group prefix (default $KAFKA_TOPIC_PREFIX or none)
  --brokers <list>        host:port[,...] (default $KAFKA_BROKERS or 127.0.0.1:9092)
  --partitions <n>        partitions of created topics (default $KAFKA_PARTITIONS or 6)
  --no-topics             do not create topics
  --dry-run               print what would change, change nothing
Admin credentials: KAFKA_ADMIN_USERNAME (admin), KAFKA_ADMIN_PASSWORD (development default unless NODE_ENV=production).
`;

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

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: 'string' },
      partner: { type: 'string', multiple: true },
      'remove-partner': { type: 'string', multiple: true },
      prefix: { type: 'string' },
      brokers: { type: 'string' },
      partitions: { type: 'string' },
      'no-topics': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  Logger.overrideLogger(new StderrLogger('kafka-provision', { logLevels: ['error', 'warn'] }));
  const prefix = values.prefix ?? env.KAFKA_TOPIC_PREFIX ?? '';
  const brokers = (values.brokers ?? env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const partitions = Number(values.partitions ?? env.KAFKA_PARTITIONS ?? 6);
  const dryRun = values['dry-run'];
  const kafka = createKafka({
    brokers,
    clientId: 'kafka-provision',
    topicPrefix: prefix,
    partitions,
    sasl: kafkaAdminCredentialsFromEnv(env),
  });
  const admin = kafka.admin();
  await admin.connect();
  const report: Record<string, unknown> = { prefix, dryRun };
  try {
    const partners = values.partner ?? [];
    const removed = values['remove-partner'] ?? [];
    if (partners.length === 0 && removed.length === 0) {
      const users =
        values.users === undefined
          ? [...KAFKA_SERVICE_PRINCIPALS]
          : list(values.users).filter((u) => serviceOfPrincipal(u));
      const result = await reconcileAcls(
        admin,
        allServiceAcls(prefix, users),
        (p) => p.startsWith('User:') && serviceOfPrincipal(p.slice(5)) !== undefined,
        { dryRun },
      );
      report.services = {
        principals: users,
        created: result.created.length,
        deleted: result.deleted.length,
        unchanged: result.unchanged,
      };
      if (!values['no-topics'] && !dryRun) {
        const days = (name: string, fallback: number): number =>
          env[name] === undefined || env[name] === '' ? fallback : Number(env[name]) * 86_400_000;
        const dlqDays = Number(env.KAFKA_DLQ_RETENTION_DAYS ?? 0);
        report.topicsCreated = await provisionContractTopics(kafka, prefix, partitions, {
          topicMs: days('KAFKA_RETENTION_DAYS', DEFAULT_TOPIC_RETENTION.topicMs),
          deadLetterMs: dlqDays > 0 ? dlqDays * 86_400_000 : DEFAULT_TOPIC_RETENTION.deadLetterMs,
        });
      }
    }
    for (const clientId of partners) {
      const principal = userPrincipal(partnerPrincipalName(clientId));
      const result = await reconcileAcls(admin, partnerAcls(clientId, prefix), (p) => p === principal, { dryRun });
      report[`partner:${clientId}`] = {
        created: result.created.length,
        deleted: result.deleted.length,
        unchanged: result.unchanged,
      };
    }
    for (const clientId of removed) {
      const principal = userPrincipal(partnerPrincipalName(clientId));
      const result = await reconcileAcls(admin, [], (p) => p === principal, { dryRun });
      report[`removed-partner:${clientId}`] = { deleted: result.deleted.length };
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`kafka-provision failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
