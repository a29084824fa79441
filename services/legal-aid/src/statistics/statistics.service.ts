import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { ApplicationDeadline } from '../deadlines/entities/application-deadline.entity';
import { DUTY_LOCATION_TYPES, DutyLawyerService } from '../duty-lawyer/entities/duty-lawyer-service.entity';
import { ReturnVisit } from '../return-visits/entities/return-visit.entity';
import { APPLICATION_KINDS, APPLICATION_STATES } from '../applications/application-state';

export interface LegalAidStatistics {
  applicationsByState: Record<string, number>;
  applicationsByKind: Record<string, number>;
  /** Decision clocks past due with no decision yet. */
  decisionsOverdue: number;
  /** Decisions made after their due time. */
  decisionsLate: number;
  appointmentsOverdue: number;
  appointmentsLate: number;
  dutyLawyerServices: { total: number; byLocationType: Record<string, number> };
  returnVisits: { open: number; overdue: number; completed: number };
}

function zeroes(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

/**
 * Figures for supervisors and for /metrics: applications by state and kind, overdue and late decisions
 * and appointments, duty-lawyer help, return visits. `regionPrefix` limits them to a jurisdiction.
 */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(regionPrefix: string | undefined, now = new Date()): Promise<LegalAidStatistics> {
    const prefix = `${regionPrefix ?? ''}%`;
    const ds = this.dataSource;
    const grouped = (
      entity: EntityTarget<object>,
      alias: string,
      column: string,
    ): Promise<{ key: string; n: string }[]> =>
      ds
        .createQueryBuilder(entity, alias)
        .select(`${alias}.${column}`, 'key')
        .addSelect('count(*)::text', 'n')
        .where(`${alias}.region_code LIKE :prefix`, { prefix })
        .groupBy(`${alias}.${column}`)
        .getRawMany();
    const [byState, byKind, clocks, duty, visits] = await Promise.all([
      grouped(Application, 'a', 'state'),
      grouped(Application, 'a', 'kind'),
      ds
        .createQueryBuilder(ApplicationDeadline, 'd')
        .innerJoin(Application, 'a', 'a.id = d.application_id')
        .select('d.kind', 'kind')
        .addSelect(
          `count(*) FILTER (WHERE d.completed_at IS NULL AND d.status IN ('running', 'breached') AND d.due_at < :now)::text`,
          'overdue',
        )
        .addSelect(
          `count(*) FILTER (WHERE d.completed_at IS NOT NULL AND d.status <> 'cancelled' AND d.completed_at > d.due_at)::text`,
          'late',
        )
        .where('a.region_code LIKE :prefix', { prefix, now })
        .groupBy('d.kind')
        .getRawMany<{ kind: string; overdue: string; late: string }>(),
      grouped(DutyLawyerService, 'v', 'location_type'),
      ds
        .createQueryBuilder(ReturnVisit, 'r')
        .select(`count(*) FILTER (WHERE r.status = 'open')::text`, 'open')
        .addSelect(`count(*) FILTER (WHERE r.status = 'open' AND r.due_at < :now)::text`, 'overdue')
        .addSelect(`count(*) FILTER (WHERE r.status = 'completed')::text`, 'completed')
        .where('r.region_code LIKE :prefix', { prefix, now })
        .getRawMany<{ open: string; overdue: string; completed: string }>(),
    ]);
    const count = (rows: { key: string; n: string }[], keys: readonly string[]): Record<string, number> => ({
      ...zeroes(keys),
      ...Object.fromEntries(rows.map((r) => [r.key, Number(r.n)])),
    });
    const clock = (kind: string): { overdue: number; late: number } => {
      const row = clocks.find((c) => c.kind === kind);
      return { overdue: Number(row?.overdue ?? 0), late: Number(row?.late ?? 0) };
    };
    const dutyByType = count(duty, DUTY_LOCATION_TYPES);
    return {
      applicationsByState: count(byState, APPLICATION_STATES),
      applicationsByKind: count(byKind, APPLICATION_KINDS),
      decisionsOverdue: clock('legal-aid-decision').overdue,
      decisionsLate: clock('legal-aid-decision').late,
      appointmentsOverdue: clock('lawyer-appointment').overdue,
      appointmentsLate: clock('lawyer-appointment').late,
      dutyLawyerServices: { total: Object.values(dutyByType).reduce((a, b) => a + b, 0), byLocationType: dutyByType },
      returnVisits: {
        open: Number(visits[0]?.open ?? 0),
        overdue: Number(visits[0]?.overdue ?? 0),
        completed: Number(visits[0]?.completed ?? 0),
      },
    };
  }
}
