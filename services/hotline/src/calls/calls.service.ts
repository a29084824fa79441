import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { maskPhone, normalizeChinesePhone, phoneLastFour } from '@legal/domain';
import { InvalidInputError, NotFoundError } from '@legal/http';
import { IntakeSubmissionService, PlatformIntake, tableOf } from '@legal/platform-kit';
import type { IntakeInput, IntakeStatusView } from '@legal/platform-kit';
import { maskName, PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import type { CallCreateDto } from './dto/call-create.dto';
import type { CallListQueryDto } from './dto/call-list-query.dto';
import { assertMayRead, regionCondition } from '../common/jurisdiction';
import { withoutUndefined } from '../common/without-undefined';
import { HotlineCall } from './entities/hotline-call.entity';

export interface LoggedCall {
  call: HotlineCall;
  intake: IntakeStatusView;
}

/** Calls on 12348: each one becomes an intake, answered on the spot or followed up as a work order. */
@Injectable()
export class CallsService implements OnModuleInit {
  private readonly logger = new Logger(CallsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intakes: IntakeSubmissionService,
    private readonly pii: PiiProtector,
  ) {}

  onModuleInit(): void {
    // Copy the case code onto the call as soon as the work-order service assigns it.
    this.intakes.onOutcome(async (intake, manager) => {
      if (intake.caseCode === null && intake.workOrderId === null) return;
      // Plain SQL: this runs for every outcome, and TypeORM's update builder cost more than the statement (issue 14).
      await manager.query(
        `UPDATE ${tableOf(manager, HotlineCall)} SET case_code = $2, work_order_id = $3 WHERE intake_id = $1`,
        [intake.intakeId, intake.caseCode, intake.workOrderId],
      );
    });
  }

  /** Hashes a caller number for matching (the same key in every service makes hashes comparable). */
  phoneHash(phone: string): string {
    const normalized = normalizeChinesePhone(phone);
    if (normalized === undefined)
      throw new InvalidInputError([
        { field: 'phone', messages: ['phone must be a mainland China telephone number'], codes: ['isChinesePhone'] },
      ]);
    return this.pii.hash(normalized);
  }

  async log(input: CallCreateDto, agent: AuthUser): Promise<LoggedCall> {
    const phone = normalizeChinesePhone(input.callerPhone);
    const last4 = phoneLastFour(input.callerPhone);
    if (phone === undefined || last4 === undefined) {
      throw new InvalidInputError([
        {
          field: 'callerPhone',
          messages: ['callerPhone must be a mainland China telephone number'],
          codes: ['isChinesePhone'],
        },
      ]);
    }
    const answered = input.outcome === 'answered-on-spot';
    const id = randomUUID();
    const serviceType = input.serviceType ?? (answered ? 'legal-consultation' : undefined);
    const intakeInput: IntakeInput = withoutUndefined({
      platformRecordId: id,
      serviceType,
      description: input.description,
      regionCode: input.regionCode,
      language: input.language,
      urgency: input.urgency,
      vulnerableGroup: input.vulnerableGroup,
      legalDeadlineAt: input.legalDeadlineAt ? new Date(input.legalDeadlineAt).toISOString() : undefined,
      applicant: withoutUndefined({ name: input.callerName?.trim(), phone }),
      relatedCaseCode: input.relatedCaseCode,
      resolution: answered
        ? { kind: 'answered-on-spot' as const, summary: input.answerSummary ?? '', answeredBy: agent.subject }
        : undefined,
      submittedBy: { userId: agent.subject, role: 'hotline-agent' },
    });
    const result = await this.dataSource.transaction(async (manager) => {
      const intake = await this.intakes.submit(manager, intakeInput);
      const call = manager.create(HotlineCall, {
        id,
        agentId: agent.subject,
        callerPhoneHash: this.pii.hash(phone),
        callerPhoneEncrypted: this.pii.encrypt(phone),
        callerPhoneLast4: last4,
        callerPhoneMasked: maskPhone(phone),
        callerNameMasked: maskName(input.callerName) ?? null,
        regionCode: input.regionCode,
        language: input.language,
        serviceType: serviceType ?? null,
        urgency: input.urgency,
        description: input.description,
        outcome: input.outcome,
        answerSummary: answered ? (input.answerSummary ?? null) : null,
        intakeId: intake.intakeId,
        caseCode: null,
        workOrderId: null,
      });
      await manager.insert(HotlineCall, call);
      return { call, intake: IntakeSubmissionService.toStatusView(intake, { kind: 'staff', user: agent }) };
    });
    this.logger.log(
      { callId: id, intakeId: result.intake.intakeId, outcome: input.outcome, agentId: agent.subject },
      'call logged',
    );
    return { call: await this.get(id), intake: result.intake };
  }

  async get(id: string): Promise<HotlineCall> {
    const call = await this.dataSource.getRepository(HotlineCall).findOneBy({ id });
    if (!call) throw new NotFoundError('Call', id);
    return call;
  }

  /** A call the agent may read: one they took, or one in their jurisdiction (403 otherwise). */
  async getFor(id: string, agent: AuthUser): Promise<HotlineCall> {
    const call = await this.get(id);
    if (call.agentId !== agent.subject) assertMayRead(agent, call.regionCode, `Call ${id}`);
    return call;
  }

  async getWithIntake(id: string, agent: AuthUser): Promise<LoggedCall> {
    const call = await this.getFor(id, agent);
    return { call, intake: await this.intakes.status(call.intakeId, { kind: 'staff', user: agent }) };
  }

  async list(query: CallListQueryDto, agent: AuthUser): Promise<{ items: LoggedCall[]; total: number }> {
    const qb = this.dataSource.getRepository(HotlineCall).createQueryBuilder('c');
    this.inScope(qb, agent);
    if (query.agentId)
      qb.andWhere('c.agentId = :agentId', { agentId: query.agentId === 'me' ? agent.subject : query.agentId });
    if (query.outcome) qb.andWhere('c.outcome = :outcome', { outcome: query.outcome });
    if (query.from) qb.andWhere('c.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('c.createdAt < :to', { to: new Date(query.to) });
    const [calls, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: await this.withIntakes(calls, agent), total };
  }

  /** The hotline's own calls from one number, newest first (linked and related codes as `agent` may see them). */
  async listByPhoneHash(
    phoneHash: string,
    limit: number,
    offset: number,
    agent: AuthUser,
  ): Promise<{ items: LoggedCall[]; total: number }> {
    const qb = this.dataSource
      .getRepository(HotlineCall)
      .createQueryBuilder('c')
      .where('c.callerPhoneHash = :phoneHash', { phoneHash });
    this.inScope(qb, agent);
    const [calls, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: await this.withIntakes(calls, agent), total };
  }

  /** Calls in the agent's jurisdiction (by the call's region), plus the calls they took themselves. */
  private inScope(qb: SelectQueryBuilder<HotlineCall>, agent: AuthUser): void {
    const region = regionCondition(agent, 'c.region_code');
    qb.andWhere(`(${region.sql} OR c.agent_id = :scopeAgent)`, { ...region.params, scopeAgent: agent.subject });
  }

  /** The number to dial back, from the latest call made from it (decrypted; callers check the role). */
  async callbackNumber(phoneHash: string): Promise<string | undefined> {
    const latest = await this.dataSource
      .getRepository(HotlineCall)
      .findOne({ where: { callerPhoneHash: phoneHash }, order: { createdAt: 'DESC' } });
    return latest ? this.pii.decrypt(latest.callerPhoneEncrypted) : undefined;
  }

  /** One query for the intake outcomes of a page of calls. */
  private async withIntakes(calls: HotlineCall[], agent: AuthUser): Promise<LoggedCall[]> {
    if (calls.length === 0) return [];
    const intakes = await this.dataSource
      .getRepository(PlatformIntake)
      .findBy({ intakeId: In(calls.map((c) => c.intakeId)) });
    const byId = new Map(
      intakes.map((i) => [i.intakeId, IntakeSubmissionService.toStatusView(i, { kind: 'staff', user: agent })]),
    );
    return calls.map((call) => {
      const intake = byId.get(call.intakeId);
      if (!intake) throw new Error(`call ${call.id} has no intake row`);
      return { call, intake };
    });
  }
}
