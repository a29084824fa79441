import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicTask } from '@legal/scheduling';
import { DataSource } from 'typeorm';
import { CentreEnv } from '../config/centre.env';
import { Referral } from './entities/referral.entity';
import { ReferralChainService } from './referral-chain.service';

const BATCH = 50;

/**
 * Escalates referrals nobody answered by `respondBy` to the coordinating level. Safe with several
 * instances: each batch is claimed with FOR UPDATE SKIP LOCKED inside one transaction, and a row
 * leaves `pending` in the same transaction, so no referral is escalated twice.
 */
@Injectable()
export class ReferralSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReferralSweeper.name);
  private readonly task: PeriodicTask;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chain: ReferralChainService,
    env: CentreEnv,
  ) {
    this.task = new PeriodicTask(
      { name: 'referral sweep', intervalMs: env.REFERRAL_SWEEP_INTERVAL_MS },
      () => this.sweepOnce(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
    await this.running?.catch(() => undefined);
  }

  /** One pass (overlapping calls share the pass in flight); returns how many referrals were escalated. */
  sweepOnce(now = new Date()): Promise<number> {
    this.running ??= this.sweep(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const escalated = await this.dataSource.transaction(async (manager) => {
        const due = await manager
          .getRepository(Referral)
          .createQueryBuilder('r')
          .where("r.status = 'pending' AND r.respondBy < :now AND r.coordinatingOrganisationId IS NOT NULL", { now })
          .orderBy('r.respondBy', 'ASC')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const referral of due) {
          const reason = `no answer by ${referral.respondBy.toISOString()}`;
          await this.chain.escalate(manager, referral, { how: 'expired', reason, actorId: null, now });
        }
        return due.length;
      });
      total += escalated;
      if (escalated < BATCH) break;
    }
    if (total > 0) this.logger.log({ escalated: total }, 'overdue referrals escalated');
    return total;
  }
}
