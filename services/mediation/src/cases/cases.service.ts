import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, hasRole } from '@legal/auth';
import { ConflictError, NotFoundError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { DataSource, EntityManager } from 'typeorm';
import { assertInJurisdiction, jurisdictionPrefix, likePrefix } from '@legal/handler-kit';
import { CaseHistoryResponseDto } from '../history/dto/case-history-response.dto';
import { HistoryService } from '../history/history.service';
import { JudicialConfirmation } from '../judicial-confirmation/entities/judicial-confirmation.entity';
import { MediationSession } from '../sessions/entities/mediation-session.entity';
import { toCaseResponse, toCaseSummary } from './case-view';
import { CaseQueryDto } from './dto/case-query.dto';
import { CasePageResponseDto, CaseResponseDto } from './dto/case-response.dto';
import { MediationCase, OPEN_CASE_STATUSES } from './entities/mediation-case.entity';

/** Reading cases, and the common guard of every workflow step: lock, jurisdiction, still open. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiProtector,
    private readonly steps: HistoryService,
  ) {}

  async list(user: AuthUser, query: CaseQueryDto): Promise<CasePageResponseDto> {
    const prefix = jurisdictionPrefix(user);
    if (prefix === undefined) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    const qb = this.dataSource
      .getRepository(MediationCase)
      .createQueryBuilder('k')
      .where('k.regionCode LIKE :prefix', { prefix: likePrefix(prefix) })
      .orderBy('k.createdAt', 'DESC')
      .addOrderBy('k.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.status) qb.andWhere('k.status = :status', { status: query.status });
    if (query.mediatorId) qb.andWhere('k.mediatorId = :mediatorId', { mediatorId: query.mediatorId });
    if (query.workOrderId) qb.andWhere('k.workOrderId = :workOrderId', { workOrderId: query.workOrderId });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toCaseSummary), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string, user: AuthUser): Promise<CaseResponseDto> {
    const c = await this.dataSource.getRepository(MediationCase).findOneBy({ id });
    if (!c) throw new NotFoundError('Mediation case', id);
    assertInJurisdiction(user, c.regionCode, `Mediation case ${id}`);
    return this.view(this.dataSource.manager, c, user);
  }

  async history(id: string, user: AuthUser): Promise<CaseHistoryResponseDto> {
    const c = await this.dataSource.getRepository(MediationCase).findOneBy({ id });
    if (!c) throw new NotFoundError('Mediation case', id);
    assertInJurisdiction(user, c.regionCode, `Mediation case ${id}`);
    const rows = await this.steps.list(this.dataSource.manager, id);
    return {
      items: rows.map((h) => ({ step: h.step, actorId: h.actorId, detail: h.detail, at: h.at.toISOString() })),
      total: rows.length,
    };
  }

  /** The response for `user`: mediators see the applicant's contact data, others a masked copy. */
  async view(manager: EntityManager, c: MediationCase, user: AuthUser): Promise<CaseResponseDto> {
    const sessions = await manager.find(MediationSession, { where: { caseId: c.id }, order: { sequence: 'ASC' } });
    const confirmation = await manager.findOneBy(JudicialConfirmation, { caseId: c.id });
    return toCaseResponse(c, { sessions, confirmation, pii: this.pii, reveal: hasRole(user, 'mediator') });
  }

  /** Locks the case for a workflow step (FOR UPDATE) after checking it exists and is the caller's to act on. */
  async lockForStep(manager: EntityManager, id: string, user: AuthUser): Promise<MediationCase> {
    const c = await manager
      .createQueryBuilder(MediationCase, 'k')
      .setLock('pessimistic_write')
      .where('k.id = :id', { id })
      .getOne();
    if (!c) throw new NotFoundError('Mediation case', id);
    assertInJurisdiction(user, c.regionCode, `Mediation case ${id}`);
    return c;
  }

  /** 409 unless the case is still open (assigned, scheduled or in mediation). */
  assertOpen(c: MediationCase, step: string): void {
    if (!OPEN_CASE_STATUSES.includes(c.status)) {
      throw new ConflictError('case-closed', `Cannot ${step}: the case is closed (${c.status})`, {
        caseStatus: c.status,
      });
    }
  }
}
