import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { ConflictError, NotFoundError } from '@legal/http';
import { DataSource, In } from 'typeorm';
import { revealPolicyFor } from '../applications/application.presenter';
import { ApplicationHistoryService } from '../applications/application-history.service';
import { Application } from '../applications/entities/application.entity';
import { assertInJurisdiction, jurisdictionPrefix } from '../jurisdiction/jurisdiction';
import type { Page } from '../pagination/page-query.dto';
import { PersonalDataService } from '../personal-data/personal-data.service';
import type { ReturnVisitCompleteDto } from './dto/return-visit-complete.dto';
import type { ReturnVisitListQueryDto } from './dto/return-visit-list-query.dto';
import type { ReturnVisitResponseDto } from './dto/return-visit-response.dto';
import { ReturnVisit } from './entities/return-visit.entity';

/** Return visits (回访) after closure: listed for officers in their jurisdiction, completed once. */
@Injectable()
export class ReturnVisitsService {
  constructor(
    private readonly personal: PersonalDataService,
    private readonly history: ApplicationHistoryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ReturnVisitListQueryDto, user: AuthUser): Promise<Page<ReturnVisitResponseDto>> {
    const qb = this.dataSource
      .getRepository(ReturnVisit)
      .createQueryBuilder('v')
      .orderBy('v.due_at', 'ASC')
      .addOrderBy('v.id', 'ASC');
    const prefix = jurisdictionPrefix(user);
    if (prefix !== undefined) qb.andWhere('v.region_code LIKE :prefix', { prefix: `${prefix}%` });
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const applications =
      rows.length === 0
        ? []
        : await this.dataSource
            .getRepository(Application)
            .find({ where: { id: In(rows.map((r) => r.applicationId)) } });
    const byId = new Map(applications.map((a) => [a.id, a]));
    return {
      items: rows.map((v) => this.toResponse(v, byId.get(v.applicationId), user)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async complete(id: string, dto: ReturnVisitCompleteDto, user: AuthUser): Promise<ReturnVisitResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const visit = await manager.findOne(ReturnVisit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!visit) throw new NotFoundError('Return visit', id);
      assertInJurisdiction(user, visit.regionCode);
      if (visit.status === 'completed')
        throw new ConflictError(
          'return-visit-completed',
          `The return visit was already completed at ${visit.completedAt?.toISOString()}`,
        );
      const now = new Date();
      Object.assign(visit, {
        status: 'completed',
        reached: dto.reached,
        satisfaction: dto.satisfaction ?? null,
        notes: dto.notes,
        completedAt: now,
        completedBy: user.subject.slice(0, 64),
      });
      await manager.save(visit);
      const satisfaction = dto.satisfaction === undefined ? 'no rating' : `satisfaction ${dto.satisfaction}/5`;
      await this.history.record(manager, {
        applicationId: visit.applicationId,
        at: now,
        actor: user.subject,
        action: 'return-visit-completed',
        detail: `${dto.reached ? 'reached' : 'not reached'}, ${satisfaction}`,
      });
      const application = await manager.findOneOrFail(Application, { where: { id: visit.applicationId } });
      return this.toResponse(visit, application, user);
    });
  }

  private toResponse(v: ReturnVisit, application: Application | undefined, user: AuthUser): ReturnVisitResponseDto {
    return {
      id: v.id,
      applicationId: v.applicationId,
      caseNumber: application?.caseNumber ?? '',
      closureOutcome: application?.closureOutcome ?? '',
      aidedPerson: application ? this.personal.view(application.applicant, revealPolicyFor(user)) : {},
      dueAt: v.dueAt.toISOString(),
      status: v.status,
      reached: v.reached,
      satisfaction: v.satisfaction,
      notes: v.notes,
      completedAt: v.completedAt?.toISOString() ?? null,
    };
  }
}
