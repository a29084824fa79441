import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@legal/config';
import { parseCaseCode } from '@legal/domain';
import { buildDataSourceOptions } from '@legal/persistence';
import { DataSource } from 'typeorm';
import { WorkOrderEnv } from '../config/work-order.env';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { workOrderService } from '../work-order.definition';
import { TimelineReport, verifyWorkOrderTimeline } from './timeline-verification';

/**
 * `node dist/services/work-order/src/timeline/verify-timeline.cli.js [case-code ...]`
 * Verifies the hash chain of the named work orders (all of them when none is named), prints one JSON
 * line per work order, and exits 0 when every chain holds, 2 when one is broken, 1 on error.
 */
async function main(argv: string[]): Promise<number> {
  const logger = new Logger('verify-timeline');
  const codes: string[] = [];
  for (const arg of argv) {
    const parsed = parseCaseCode(arg);
    if (!parsed.ok) {
      process.stderr.write(`not a case code: ${arg} (${parsed.message})\n`);
      return 1;
    }
    codes.push(parsed.value.code);
  }
  const env = loadConfig(WorkOrderEnv, workOrderService.defaults);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      poolSize: 2,
      applicationName: 'work-order-verify-timeline',
      entities: workOrderService.persistence.entities,
      migrations: [],
      migrationsRun: false,
    }),
  );
  await dataSource.initialize();
  try {
    const reports: TimelineReport[] = [];
    if (codes.length > 0) {
      for (const code of codes) {
        const wo = await dataSource.manager.findOne(WorkOrderEntity, { where: { caseCode: code } });
        if (!wo) {
          process.stderr.write(`unknown case code: ${code}\n`);
          return 1;
        }
        reports.push(await verifyWorkOrderTimeline(dataSource.manager, wo));
      }
    } else {
      for (let offset = 0; ; offset += 500) {
        const batch = await dataSource.manager.find(WorkOrderEntity, {
          order: { createdAt: 'ASC', id: 'ASC' },
          take: 500,
          skip: offset,
        });
        for (const wo of batch) reports.push(await verifyWorkOrderTimeline(dataSource.manager, wo));
        if (batch.length < 500) break;
      }
    }
    for (const report of reports) process.stdout.write(`${JSON.stringify(report)}\n`);
    const broken = reports.filter((r) => !r.valid);
    logger.log(`${reports.length} timeline(s) verified, ${broken.length} broken`);
    return broken.length > 0 ? 2 : 0;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`verify-timeline failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

export { main as verifyTimelineCommand };
