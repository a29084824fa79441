import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { maskIdCard, maskPhone, normalizeChinesePhone, validateIdCard } from '@legal/domain';
import { DomainError, InvalidInputError, NotFoundError } from '@legal/http';
import type { FieldError } from '@legal/http';
import { IntakeSubmissionService, PlatformIntake, tableOf } from '@legal/platform-kit';
import type { IntakeInput, IntakeStatusView } from '@legal/platform-kit';
import { maskName, PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { clerkOrganisation } from '../common/clerk-organisation';
import { withoutUndefined } from '../common/without-undefined';
import { QueueService } from '../queue/queue.service';
import type { WalkInCreateDto } from './dto/walk-in-create.dto';
import type { WalkInListQueryDto } from './dto/walk-in-list-query.dto';
import type { WalkInOutcomeDto } from './dto/walk-in-outcome.dto';
import { WalkInVisit } from './entities/walk-in-visit.entity';

export interface VisitWithIntake {
  visit: WalkInVisit;
  intake?: IntakeStatusView;
}

/** Walk-in registration at the counter and the outcome of the visit (an intake either way). */
@Injectable()
export class WalkInsService implements OnModuleInit {
  private readonly logger = new Logger(WalkInsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intakes: IntakeSubmissionService,
    private readonly queue: QueueService,
    private readonly pii: PiiProtector,
  ) {}

  onModuleInit(): void {
    this.intakes.onOutcome(async (intake, manager) => {
      if (intake.caseCode === null && intake.workOrderId === null) return;
      // Plain SQL: this runs for every outcome, and TypeORM's update builder cost more than the statement (issue 14).
      await manager.query(
        `UPDATE ${tableOf(manager, WalkInVisit)} SET case_code = $2, work_order_id = $3 WHERE intake_id = $1`,
        [intake.intakeId, intake.caseCode, intake.workOrderId],
      );
    });
  }

  async register(input: WalkInCreateDto, clerk: AuthUser): Promise<WalkInVisit> {
    const organisationId = clerkOrganisation(clerk);
    const idCard = validateIdCard(input.idCardNumber);
    const regionCode = input.regionCode ?? clerk.regionCode;
    const errors: FieldError[] = [];
    if (!idCard.ok) errors.push({ field: 'idCardNumber', messages: [idCard.message], codes: ['isChineseIdCard'] });
    if (!regionCode)
      errors.push({
        field: 'regionCode',
        messages: ['regionCode is required: your account has no region'],
        codes: ['isRegionCode'],
      });
    if (!idCard.ok || !regionCode) throw new InvalidInputError(errors);
    const phone = input.phone === undefined ? undefined : normalizeChinesePhone(input.phone);
    const number = idCard.value.number;
    const name = input.name.trim();
    const visit = await this.dataSource.transaction(async (manager) => {
      if (input.ticketId) await this.queue.requireTicket(manager, input.ticketId, organisationId);
      const row = manager.create(WalkInVisit, {
        id: randomUUID(),
        organisationId,
        clerkId: clerk.subject,
        regionCode,
        ticketId: input.ticketId ?? null,
        idCardHash: this.pii.hash(number),
        idCardEncrypted: this.pii.encrypt(number),
        idCardMasked: maskIdCard(number),
        nameEncrypted: this.pii.encrypt(name),
        nameMasked: maskName(name) ?? '*',
        addressEncrypted: this.pii.encrypt(input.address.trim()),
        phoneHash: phone ? this.pii.hash(phone) : null,
        phoneEncrypted: phone ? this.pii.encrypt(phone) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        outcome: null,
        intakeId: null,
        caseCode: null,
        workOrderId: null,
        outcomeAt: null,
      });
      await manager.insert(WalkInVisit, row);
      return row;
    });
    this.logger.log({ visitId: visit.id, organisationId, clerkId: clerk.subject }, 'walk-in registered');
    return this.visibleVisit(visit.id, clerk);
  }

  async recordOutcome(id: string, input: WalkInOutcomeDto, clerk: AuthUser): Promise<VisitWithIntake> {
    const organisationId = clerkOrganisation(clerk);
    const answered = input.outcome === 'answered-on-spot';
    const intake = await this.dataSource.transaction(async (manager) => {
      const visit = await manager.findOne(WalkInVisit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!visit) throw new NotFoundError('Visit', id);
      if (visit.organisationId !== organisationId)
        throw new DomainError(
          'other-organisation',
          'This visit was registered by another organisation',
          HttpStatus.FORBIDDEN,
        );
      if (visit.outcome !== null)
        throw new DomainError(
          'outcome-already-recorded',
          `The outcome of visit ${id} was already recorded`,
          HttpStatus.CONFLICT,
        );
      const phone = visit.phoneEncrypted ? this.pii.decrypt(visit.phoneEncrypted) : undefined;
      const intakeInput: IntakeInput = withoutUndefined({
        platformRecordId: visit.id,
        serviceType: input.serviceType ?? (answered ? 'legal-consultation' : undefined),
        description: input.description,
        regionCode: visit.regionCode,
        language: input.language,
        urgency: input.urgency,
        vulnerableGroup: input.vulnerableGroup,
        legalDeadlineAt: input.legalDeadlineAt ? new Date(input.legalDeadlineAt).toISOString() : undefined,
        applicant: withoutUndefined({
          name: this.pii.decrypt(visit.nameEncrypted),
          idCardNumber: this.pii.decrypt(visit.idCardEncrypted),
          phone,
          address: this.pii.decrypt(visit.addressEncrypted),
        }),
        relatedCaseCode: input.relatedCaseCode,
        resolution: answered
          ? { kind: 'answered-on-spot' as const, summary: input.answerSummary ?? '', answeredBy: clerk.subject }
          : undefined,
        submittedBy: { userId: clerk.subject, role: 'centre-clerk' },
      });
      const submitted = await this.intakes.submit(manager, intakeInput);
      visit.outcome = input.outcome;
      visit.intakeId = submitted.intakeId;
      visit.outcomeAt = new Date();
      await manager.save(visit);
      if (visit.ticketId) await this.queue.markServed(manager, visit.ticketId);
      return submitted;
    });
    this.logger.log({ visitId: id, intakeId: intake.intakeId, outcome: input.outcome }, 'visit outcome recorded');
    return {
      visit: await this.visibleVisit(id, clerk),
      intake: IntakeSubmissionService.toStatusView(intake, { kind: 'staff', user: clerk }),
    };
  }

  async get(id: string, clerk: AuthUser): Promise<VisitWithIntake> {
    const visit = await this.visibleVisit(id, clerk);
    return {
      visit,
      ...(visit.intakeId ? { intake: await this.intakes.status(visit.intakeId, { kind: 'staff', user: clerk }) } : {}),
    };
  }

  async list(query: WalkInListQueryDto, clerk: AuthUser): Promise<{ items: VisitWithIntake[]; total: number }> {
    const organisationId = clerkOrganisation(clerk);
    const qb = this.dataSource
      .getRepository(WalkInVisit)
      .createQueryBuilder('v')
      .where('v.organisationId = :organisationId', { organisationId });
    if (query.from) qb.andWhere('v.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('v.createdAt < :to', { to: new Date(query.to) });
    if (query.state) qb.andWhere(query.state === 'pending' ? 'v.outcome IS NULL' : 'v.outcome IS NOT NULL');
    const [visits, total] = await qb
      .orderBy('v.createdAt', 'DESC')
      .addOrderBy('v.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const intakeIds = visits.map((v) => v.intakeId).filter((i): i is string => i !== null);
    const intakes =
      intakeIds.length === 0
        ? []
        : await this.dataSource.getRepository(PlatformIntake).findBy({ intakeId: In(intakeIds) });
    const byId = new Map(
      intakes.map((i) => [i.intakeId, IntakeSubmissionService.toStatusView(i, { kind: 'staff', user: clerk })]),
    );
    return {
      items: visits.map((visit) => ({
        visit,
        ...(visit.intakeId && byId.has(visit.intakeId) ? { intake: byId.get(visit.intakeId) } : {}),
      })),
      total,
    };
  }

  private async visibleVisit(id: string, clerk: AuthUser): Promise<WalkInVisit> {
    const organisationId = clerkOrganisation(clerk);
    const visit = await this.dataSource.getRepository(WalkInVisit).findOneBy({ id });
    if (!visit) throw new NotFoundError('Visit', id);
    if (visit.organisationId !== organisationId)
      throw new DomainError(
        'other-organisation',
        'This visit was registered by another organisation',
        HttpStatus.FORBIDDEN,
      );
    return visit;
  }
}
