import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@legal/http';
import { PeriodicTask } from '@legal/scheduling';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { AppointmentsService } from '../appointments/appointments.service';
import { LegalAidEnv } from '../config/legal-aid.env';
import { DeadlinesService } from '../deadlines/deadlines.service';

export const SWEEPER_ACTOR = 'system:sweeper';

/**
 * Drives the automatic steps from the database, so a restarted or second instance carries on where
 * another stopped: appoints lawyers for granted, notified-defence and urgent (先行提供) applications,
 * and marks clocks that ran out (lapsed offers are expired by the handler kit's sweeper). Each
 * application is claimed with FOR UPDATE SKIP LOCKED and handled in its own transaction together with its outbox events.
 */
@Injectable()
export class WorkflowSweeperService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkflowSweeperService.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly env: LegalAidEnv,
    private readonly deadlines: DeadlinesService,
    private readonly appointments: AppointmentsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.task = new PeriodicTask(
      { name: 'legal-aid sweeper pass', intervalMs: env.SWEEPER_INTERVAL_MS, runAtStart: true },
      () => this.sweep(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; also called directly by tests. */
  async sweep(): Promise<void> {
    const now = new Date();
    const breached = await this.dataSource.transaction((m) => this.deadlines.markBreached(m, now));
    if (breached > 0) this.logger.log({ breached }, 'clocks breached');
    if (this.env.AUTO_APPOINT_LAWYERS) await this.appointDue();
  }

  /** Appoints where a lawyer is due, one application per transaction, up to SWEEPER_BATCH_SIZE per pass. */
  private async appointDue(): Promise<void> {
    const tried: string[] = [];
    while (!this.task.isStopped && tried.length < this.env.SWEEPER_BATCH_SIZE) {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const qb = manager
          .getRepository(Application)
          .createQueryBuilder('a')
          .where('a.lawyer_id IS NULL')
          .andWhere("(a.state = 'granted' OR (a.urgent AND a.state IN ('received', 'reviewed')))")
          .orderBy('a.urgent', 'DESC')
          .addOrderBy('a.received_at', 'ASC')
          .limit(1)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked');
        if (tried.length > 0) qb.andWhere('a.id NOT IN (:...tried)', { tried });
        const application = await qb.getOne();
        if (!application) return undefined;
        tried.push(application.id);
        try {
          const appointment = await this.appointments.appoint(manager, application, {
            actor: SWEEPER_ACTOR,
            mode: 'automatic',
          });
          return appointment ? 'appointed' : 'blocked';
        } catch (err) {
          if (err instanceof DomainError) {
            this.logger.warn({ applicationId: application.id, code: err.code }, 'automatic appointment not possible');
            return 'refused';
          }
          throw err;
        }
      });
      if (outcome === undefined) return;
    }
  }
}
