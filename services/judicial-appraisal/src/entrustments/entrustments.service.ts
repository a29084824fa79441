import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { HandlerReporter, jurisdictionPrefix, likePrefix } from '@legal/handler-kit';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { assertMayAct, assertMayRead, InstitutionRecord } from '../common/institution-access';
import { HistoryService } from '../history/history.service';
import { AppraisalInstitution } from '../institutions/entities/appraisal-institution.entity';
import { InstitutionsService } from '../institutions/institutions.service';
import { termDeadline } from '../term/appraisal-term';
import { EntrustmentCreateDto, EntrustingPartyDto } from './dto/entrustment-create.dto';
import { EntrustmentDecisionDto } from './dto/entrustment-decision.dto';
import { EntrustmentQueryDto } from './dto/entrustment-query.dto';
import { EntrustmentPageResponseDto, EntrustmentResponseDto, HistoryResponseDto } from './dto/entrustment-response.dto';
import { Entrustment } from './entities/entrustment.entity';
import {
  acceptanceDeadline,
  acceptancePeriod,
  AcceptanceDecision,
  EntrustmentFacts,
  recordDecision,
  validateEntrustment,
} from './entrustment-rules';
import { entrustmentView, termOf } from './entrustment-view';

/** Steps reported to work-order for an entrustment that came from a work order. */
export type AppraisalStep =
  | 'entrustment-registered'
  | 'entrustment-accepted'
  | 'appraisers-assigned'
  | 'term-paused'
  | 'term-resumed'
  | 'term-extended'
  | 'deadline-recomputed';
export type AppraisalOutcome = 'not-accepted' | 'opinion-issued';

/** What registering an entrustment needs besides the validated facts. */
export interface Registration {
  /** Set for a partner court's entrustment: its own id (the intake id of its work order). */
  id?: string;
  facts: EntrustmentFacts;
  matter: string;
  institution: AppraisalInstitution;
  actorId: string;
  regionCode: string;
  origin?: { offerId: string; workOrderId: string; caseCode: string; correlationId: string | null };
}

/** Entrustments: registered (directly or by accepting an offer), decided, read. */
@Injectable()
export class EntrustmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<AppraisalStep, AppraisalOutcome>,
  ) {}

  /** An entrustment received at the institution (court, party, legal-aid), by one of its appraisers. */
  async create(user: AuthUser, dto: EntrustmentCreateDto): Promise<EntrustmentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const institution = await this.institutions.byCode(manager, dto.institutionCode);
      assertMayAct(user, institution, `Institution ${institution.code}`);
      const facts = factsOf(dto.party, dto, dto.receivedAt ? new Date(dto.receivedAt) : new Date());
      const e = await this.register(manager, {
        facts,
        matter: dto.matter,
        institution,
        actorId: user.subject,
        regionCode: institution.regionCode,
      });
      return entrustmentView(e);
    });
  }

  /** Validates and inserts; throws InvalidInputError naming every broken rule. */
  async register(manager: EntityManager, r: Registration): Promise<Entrustment> {
    const now = new Date();
    const errors = validateEntrustment(r.facts, r.institution, now);
    if (errors.length > 0)
      throw new InvalidInputError(errors, 'The entrustment breaks the rules of 《司法鉴定程序通则》');
    const period = acceptancePeriod(r.facts);
    const e = manager.create(Entrustment, {
      id: r.id ?? randomUUID(),
      offerId: r.origin?.offerId ?? null,
      workOrderId: r.origin?.workOrderId ?? null,
      caseCode: r.origin?.caseCode ?? null,
      institutionCode: r.institution.code,
      institutionName: r.institution.name,
      regionCode: r.regionCode,
      partyKind: r.facts.party.kind,
      partyName: r.facts.party.name,
      courtCaseNumber: r.facts.party.courtCaseNumber ?? null,
      legalAidCaseCode: r.facts.party.legalAidCaseCode ?? null,
      category: r.facts.category,
      matter: r.matter.slice(0, 2000),
      byLetter: r.facts.byLetter,
      complexity: r.facts.complexity,
      agreedAcceptanceWorkingDays: r.facts.agreedAcceptanceWorkingDays ?? null,
      status: 'received',
      receivedAt: r.facts.receivedAt,
      receivedBy: r.actorId.slice(0, 64),
      acceptanceDueAt: period.dueAt,
      acceptanceExplanation: period.explanation,
      decidedAt: null,
      decidedBy: null,
      decisionTimeliness: null,
      decisionExplanation: null,
      declineReasonCode: null,
      agreementAt: null,
      appraisers: [],
      appraisersExplanation: null,
      termPauses: [],
      termExtension: null,
      termDueAt: null,
      termExplanation: null,
      opinionCode: null,
      opinionIssuedAt: null,
      correlationId: r.origin?.correlationId ?? null,
    });
    await manager.insert(Entrustment, e);
    const { party } = r.facts;
    const from = `${party.kind} ${party.name}${party.courtCaseNumber ? ` ${party.courtCaseNumber}` : ''}`;
    await this.history.record(manager, {
      entrustmentId: e.id,
      step: 'entrustment-received',
      actorId: r.actorId,
      detail: `Entrusted by ${from} to ${r.institution.name}. ${period.explanation}`,
      at: now,
    });
    return e;
  }

  /** Accept (sign the agreement, start the term) or decline (art. 15), within the acceptance period or late. */
  async decide(id: string, user: AuthUser, dto: EntrustmentDecisionDto): Promise<EntrustmentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const e = await this.lockForStep(manager, id, user);
      if (e.status !== 'received') {
        throw new ConflictError('already-decided', `Entrustment ${id} was already decided (${e.status})`);
      }
      const decidedAt = dto.decidedAt ? new Date(dto.decidedAt) : now;
      if (decidedAt.getTime() > now.getTime() || decidedAt.getTime() < e.receivedAt.getTime()) {
        throw new InvalidInputError([
          {
            field: 'decidedAt',
            codes: ['range'],
            messages: ['between the receipt and now'],
          },
        ]);
      }
      const decision = decisionOf(dto);
      const record = recordDecision(decision, { dueAt: e.acceptanceDueAt }, decidedAt);
      Object.assign(e, {
        decidedAt,
        decidedBy: user.subject.slice(0, 64),
        decisionTimeliness: record.timeliness,
        decisionExplanation: record.explanation.slice(0, 2000),
      });
      if (decision.accept) {
        e.status = 'accepted';
        e.agreementAt = decidedAt;
        const term = termOf(e);
        if (!term) throw new Error('an accepted entrustment has a term');
        Object.assign(e, { termDueAt: term.dueAt, termExplanation: term.explanation });
        await manager.save(e);
        const detail = `${record.explanation} ${term.explanation}`;
        await this.history.record(manager, {
          entrustmentId: e.id,
          step: 'entrustment-accepted',
          actorId: user.subject,
          detail,
          at: now,
        });
        await this.reports.progressed(manager, {
          about: e,
          actorId: user.subject,
          at: now,
          step: 'entrustment-accepted',
          detail,
          deadlines: [
            acceptanceDeadline({ dueAt: e.acceptanceDueAt, explanation: e.acceptanceExplanation }, record.timeliness),
            termDeadline(term),
          ],
        });
      } else {
        e.status = 'declined';
        e.declineReasonCode = decision.reasonCode;
        await manager.save(e);
        await this.history.record(manager, {
          entrustmentId: e.id,
          step: 'entrustment-declined',
          actorId: user.subject,
          detail: record.explanation,
          at: now,
        });
        await this.reports.resolved(manager, {
          about: e,
          actorId: user.subject,
          at: now,
          outcome: 'not-accepted',
          summary: record.explanation,
        });
      }
      return entrustmentView(e);
    });
  }

  async get(id: string, user: AuthUser): Promise<EntrustmentResponseDto> {
    const manager = this.dataSource.manager;
    const e = await manager.findOneBy(Entrustment, { id });
    if (!e) throw new NotFoundError('Entrustment', id);
    assertMayRead(user, await this.recordOf(manager, e), `Entrustment ${id}`);
    return entrustmentView(e);
  }

  async historyOf(id: string, user: AuthUser): Promise<HistoryResponseDto> {
    await this.get(id, user);
    const rows = await this.history.list(this.dataSource.manager, id);
    return { items: rows.map((h) => ({ step: h.step, actorId: h.actorId, detail: h.detail, at: h.at.toISOString() })) };
  }

  /** Appraisers: their institution's; supervisors: their jurisdiction's; admins: all. */
  async list(user: AuthUser, query: EntrustmentQueryDto): Promise<EntrustmentPageResponseDto> {
    const qb = this.dataSource
      .getRepository(Entrustment)
      .createQueryBuilder('e')
      .orderBy('e.receivedAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    const own =
      user.roles.includes('appraiser') && user.organisationId
        ? await this.institutions.byOrganisation(this.dataSource.manager, user.organisationId)
        : null;
    const overseer = user.roles.includes('supervisor') || user.roles.includes('admin');
    const prefix = overseer ? jurisdictionPrefix(user) : undefined;
    if (!own && prefix === undefined) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    qb.where(
      new Brackets((w) => {
        if (own) w.orWhere('e.institutionCode = :code', { code: own.code });
        if (prefix !== undefined) w.orWhere('e.regionCode LIKE :prefix', { prefix: likePrefix(prefix) });
      }),
    );
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(entrustmentView), total, limit: query.limit, offset: query.offset };
  }

  /** Locks an entrustment for a step by one of its institution's appraisers. */
  async lockForStep(manager: EntityManager, id: string, user: AuthUser): Promise<Entrustment> {
    const e = await manager
      .createQueryBuilder(Entrustment, 'e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
    if (!e) throw new NotFoundError('Entrustment', id);
    const record = await this.recordOf(manager, e);
    assertMayRead(user, record, `Entrustment ${id}`);
    assertMayAct(user, record, `Entrustment ${id}`);
    return e;
  }

  /** Refuses a step that needs the appraisal under way (agreement signed, no opinion yet). */
  assertUnderWay(e: Entrustment, what: string): void {
    if (e.status !== 'accepted') {
      throw new DomainError('not-under-way', `Cannot ${what}: entrustment ${e.id} is ${e.status}`, HttpStatus.CONFLICT);
    }
  }

  institutionOf(manager: EntityManager, e: Entrustment): Promise<AppraisalInstitution> {
    return this.institutions.byCode(manager, e.institutionCode);
  }

  private async recordOf(manager: EntityManager, e: Entrustment): Promise<InstitutionRecord> {
    const institution = await manager.findOneBy(AppraisalInstitution, { code: e.institutionCode });
    return { organisationId: institution?.organisationId ?? '', regionCode: e.regionCode };
  }
}

export function factsOf(
  party: EntrustingPartyDto,
  rest: Pick<EntrustmentCreateDto, 'category' | 'byLetter' | 'complexity' | 'agreedAcceptanceWorkingDays'>,
  receivedAt: Date,
): EntrustmentFacts {
  return {
    party: {
      kind: party.kind,
      name: party.name,
      courtCaseNumber: party.courtCaseNumber,
      legalAidCaseCode: party.legalAidCaseCode,
    },
    category: rest.category,
    byLetter: rest.byLetter,
    complexity: rest.complexity,
    agreedAcceptanceWorkingDays: rest.agreedAcceptanceWorkingDays,
    receivedAt,
  };
}

function decisionOf(dto: EntrustmentDecisionDto): AcceptanceDecision {
  if (dto.accept) return { accept: true };
  if (!dto.reasonCode || !dto.reason) {
    throw new InvalidInputError([
      {
        field: 'reasonCode',
        codes: ['required'],
        messages: ['declining names the art. 15 ground and a reason'],
      },
    ]);
  }
  return { accept: false, reasonCode: dto.reasonCode, reason: dto.reason };
}
