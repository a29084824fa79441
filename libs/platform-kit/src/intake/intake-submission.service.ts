import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkEventPayload, IntakeRegistered, IntakeRejected, IntakeSubmitted } from '@legal/contracts';
import { InvalidInputError, NotFoundError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { currentCorrelationId } from '@legal/observability';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PLATFORM_KIT_OPTIONS, PlatformKitOptions } from '../platform-kit.options';
import type { PayloadOf } from '../payload';
import type { IntakeInput, IntakeStatusView } from './intake-input';
import { IntakeStatus, PlatformIntake } from './platform-intake.entity';

export type IntakeOutcomeListener = (intake: PlatformIntake, manager: EntityManager) => Promise<void>;

const OUTCOME_STATUS: Record<PayloadOf<typeof IntakeRegistered>['outcome'], IntakeStatus> = {
  created: 'registered',
  'linked-to-existing': 'linked-to-existing',
  'closed-on-spot': 'closed-on-spot',
  triage: 'triage',
};

/** `/applicant/idCardNumber must match pattern ...` → field `applicant.idCardNumber`. */
function schemaErrorsToFields(errors: string[]): { field: string; messages: string[]; codes: string[] }[] {
  return errors.map((line) => {
    const [pointer = '/', ...rest] = line.split(' ');
    const field = pointer === '/' ? '(body)' : pointer.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    return { field, messages: [rest.join(' ')], codes: ['schema'] };
  });
}

/**
 * Hands requests to the work-order service (outbox, in the caller's transaction) and tracks what
 * became of them (fed by the intake-outcome consumer).
 */
@Injectable()
export class IntakeSubmissionService {
  private readonly logger = new Logger(IntakeSubmissionService.name);
  private readonly outcomeListeners: IntakeOutcomeListener[] = [];

  constructor(
    @Inject(PLATFORM_KIT_OPTIONS) private readonly options: PlatformKitOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Stores the intake row and writes IntakeSubmitted to the outbox, both through `manager`: the
   * caller wraps its own record and this call in one transaction, so either all or nothing lands.
   */
  async submit(manager: EntityManager, input: IntakeInput): Promise<PlatformIntake> {
    const submittedAt = new Date();
    const data: PayloadOf<typeof IntakeSubmitted> = {
      ...input,
      intakeId: randomUUID(),
      platform: this.options.platform,
      submittedAt: submittedAt.toISOString(),
    };
    const check = checkEventPayload(IntakeSubmitted.type, data);
    if (!check.ok) throw new InvalidInputError(schemaErrorsToFields(check.errors), 'The request cannot be submitted as it is');
    const intake = manager.create(PlatformIntake, {
      intakeId: data.intakeId,
      platform: data.platform,
      platformRecordId: data.platformRecordId,
      status: 'submitted',
      serviceType: data.serviceType ?? null,
      regionCode: data.regionCode,
      relatedCaseCode: data.relatedCaseCode ?? null,
      caseCode: null,
      workOrderId: null,
      possiblyRelatedCaseCodes: [],
      rejectionReasons: null,
      submittedAt,
      outcomeAt: null,
    });
    await manager.insert(PlatformIntake, intake);
    await this.outbox.publish(manager, IntakeSubmitted, data, { subject: data.intakeId, correlationId: currentCorrelationId() });
    this.logger.log({ intakeId: data.intakeId, platform: data.platform, serviceType: data.serviceType }, 'intake submitted');
    return intake;
  }

  /** What became of an intake: submitted (waiting), registered with a case code, linked, rejected ... */
  async status(intakeId: string): Promise<IntakeStatusView> {
    const intake = await this.dataSource.getRepository(PlatformIntake).findOneBy({ intakeId, platform: this.options.platform });
    if (!intake) throw new NotFoundError('Intake', intakeId);
    return IntakeSubmissionService.toStatusView(intake);
  }

  async findByRecordId(platformRecordId: string): Promise<PlatformIntake | null> {
    return this.dataSource.getRepository(PlatformIntake).findOneBy({ platformRecordId, platform: this.options.platform });
  }

  /** Runs in the consumer's transaction after an outcome was recorded (e.g. copy the case code to the platform's record). */
  onOutcome(listener: IntakeOutcomeListener): void {
    this.outcomeListeners.push(listener);
  }

  /** @internal Applied by the intake-outcome consumer, inside the inbox transaction. */
  async applyRegistered(manager: EntityManager, data: PayloadOf<typeof IntakeRegistered>, at: Date): Promise<void> {
    const intake = await manager.findOne(PlatformIntake, { where: { intakeId: data.intakeId }, lock: { mode: 'pessimistic_write' } });
    if (!intake) {
      this.logger.warn({ intakeId: data.intakeId }, 'outcome for an intake this platform does not know; ignored');
      return;
    }
    intake.status = OUTCOME_STATUS[data.outcome];
    intake.caseCode = data.caseCode;
    intake.workOrderId = data.workOrderId;
    intake.possiblyRelatedCaseCodes = data.possiblyRelatedCaseCodes;
    intake.rejectionReasons = null;
    intake.outcomeAt = at;
    await manager.save(PlatformIntake, intake);
    for (const listener of this.outcomeListeners) await listener(intake, manager);
  }

  /** @internal */
  async applyRejected(manager: EntityManager, data: PayloadOf<typeof IntakeRejected>, at: Date): Promise<void> {
    const intake = await manager.findOne(PlatformIntake, { where: { intakeId: data.intakeId }, lock: { mode: 'pessimistic_write' } });
    if (!intake) {
      this.logger.warn({ intakeId: data.intakeId }, 'rejection of an intake this platform does not know; ignored');
      return;
    }
    intake.status = 'rejected';
    intake.rejectionReasons = data.reasons;
    intake.outcomeAt = at;
    await manager.save(PlatformIntake, intake);
    for (const listener of this.outcomeListeners) await listener(intake, manager);
  }

  static toStatusView(intake: PlatformIntake): IntakeStatusView {
    return {
      intakeId: intake.intakeId,
      status: intake.status,
      ...(intake.caseCode ? { caseCode: intake.caseCode } : {}),
      ...(intake.workOrderId ? { workOrderId: intake.workOrderId } : {}),
      ...(intake.rejectionReasons ? { rejectionReasons: intake.rejectionReasons } : {}),
      possiblyRelatedCaseCodes: intake.possiblyRelatedCaseCodes,
      submittedAt: intake.submittedAt.toISOString(),
      ...(intake.outcomeAt ? { outcomeAt: intake.outcomeAt.toISOString() } : {}),
    };
  }
}
