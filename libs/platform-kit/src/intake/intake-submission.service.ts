import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, inJurisdiction } from '@legal/auth';
import { checkEventPayload, IntakeRegistered, IntakeRejected, IntakeSubmitted } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { InvalidInputError, NotFoundError } from '@legal/http';
import { Outbox, PreparedStatement } from '@legal/messaging';
import { currentCorrelationId } from '@legal/observability';
import { PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PLATFORM_KIT_OPTIONS, PlatformKitOptions } from '../platform-kit.options';
import { accessCodeHash, newAccessCode } from './access-code';
import type { IntakeInput, IntakeStatusView, SubmittedIntake } from './intake-input';
import { IntakeStatus, PlatformIntake } from './platform-intake.entity';
import { tableOf } from '../sql';
import { toShanghaiTime } from '../status-text/shanghai-time';

export type IntakeOutcomeListener = (intake: PlatformIntake, manager: EntityManager) => Promise<void>;

/**
 * Who reads an intake's status: `citizen` — the submitter (public status URL, Open311, "my
 * requests"): never another work order's code, never possibly-related codes; `staff` — codes only
 * within the user's jurisdiction (the case code's county); `platform` — everything (internal use).
 */
export type IntakeAudience = { kind: 'citizen' } | { kind: 'staff'; user: AuthUser } | { kind: 'platform' };

/** What the submitter of a duplicate is told instead of the existing work order's code. */
export const LINKED_NOTE =
  'A related request already exists; staff will contact you. 已有相关诉求在办理中，工作人员将与您联系。';
const LINKED_ELSEWHERE_NOTE =
  'Linked to an existing work order outside your jurisdiction; its code is withheld. 已关联到您辖区以外的在办工单。';

/** A case code begins with the county that issued it (一案一码: 6-digit division, date, sequence, check). */
function codeInJurisdiction(user: AuthUser, caseCode: string): boolean {
  const region = /^(\d{6})-/.exec(caseCode)?.[1];
  return region !== undefined && inJurisdiction(user, region);
}

const OUTCOME_STATUS: Record<EventData<typeof IntakeRegistered>['outcome'], IntakeStatus> = {
  created: 'registered',
  'linked-to-existing': 'linked-to-existing',
  'closed-on-spot': 'closed-on-spot',
  triage: 'triage',
};

/** `"column" AS "property", ...` of every intake column, for RETURNING the whole row (built once). */
let intakeColumnList: string | undefined;

function intakeColumns(manager: EntityManager): string {
  intakeColumnList ??= manager.connection
    .getMetadata(PlatformIntake)
    .columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`)
    .join(', ');
  return intakeColumnList;
}

/** The outcome UPDATEs by text (one per outcome kind and schema), run as named prepared statements (parsed once). */
const outcomeStatements = new Map<string, PreparedStatement<PlatformIntake>>();

function outcomeStatement(text: string): PreparedStatement<PlatformIntake> {
  let statement = outcomeStatements.get(text);
  if (statement === undefined) {
    statement = new PreparedStatement<PlatformIntake>(text);
    outcomeStatements.set(text, statement);
  }
  return statement;
}

/** `/applicant/idCardNumber must match pattern ...` → field `applicant.idCardNumber`. */
function schemaErrorsToFields(errors: string[]): { field: string; messages: string[]; codes: string[] }[] {
  return errors.map((line) => {
    const [pointer = '/', ...rest] = line.split(' ');
    const field =
      pointer === '/'
        ? '(body)'
        : pointer
            .slice(1)
            .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
            .replace(/\//g, '.');
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
    private readonly pii: PiiProtector,
  ) {}

  /**
   * Stores the intake row and writes IntakeSubmitted to the outbox, both through `manager`: the
   * caller wraps its own record and this call in one transaction, so either all or nothing lands.
   * The answer carries the citizen's access code (tracking secret), which exists nowhere else in
   * clear: the caller hands it to the citizen once (web answer, read out on the call, printed slip).
   */
  async submit(manager: EntityManager, input: IntakeInput): Promise<SubmittedIntake> {
    const submittedAt = new Date();
    const accessCode = newAccessCode();
    const data: EventData<typeof IntakeSubmitted> = {
      ...input,
      intakeId: randomUUID(),
      platform: this.options.platform,
      submittedAt: submittedAt.toISOString(),
      accessCodeHash: accessCodeHash(this.pii, accessCode),
    };
    const check = checkEventPayload(IntakeSubmitted.type, data);
    if (!check.ok)
      throw new InvalidInputError(schemaErrorsToFields(check.errors), 'The request cannot be submitted as it is');
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
    await this.outbox.publish(manager, IntakeSubmitted, data, {
      subject: data.intakeId,
      correlationId: currentCorrelationId(),
    });
    this.logger.log(
      { intakeId: data.intakeId, platform: data.platform, serviceType: data.serviceType },
      'intake submitted',
    );
    return Object.assign(intake, { accessCode });
  }

  /** What became of an intake: submitted (waiting), registered with a case code, linked, rejected ... as `audience` may see it. */
  async status(intakeId: string, audience: IntakeAudience = { kind: 'platform' }): Promise<IntakeStatusView> {
    const intake = await this.dataSource
      .getRepository(PlatformIntake)
      .findOneBy({ intakeId, platform: this.options.platform });
    if (!intake) throw new NotFoundError('Intake', intakeId);
    return IntakeSubmissionService.toStatusView(intake, audience);
  }

  async findByRecordId(platformRecordId: string): Promise<PlatformIntake | null> {
    return this.dataSource
      .getRepository(PlatformIntake)
      .findOneBy({ platformRecordId, platform: this.options.platform });
  }

  /** Runs in the consumer's transaction after an outcome was recorded (e.g. copy the case code to the platform's record). */
  onOutcome(listener: IntakeOutcomeListener): void {
    this.outcomeListeners.push(listener);
  }

  /** @internal Applied by the intake-outcome consumer, inside the inbox transaction. */
  async applyRegistered(manager: EntityManager, data: EventData<typeof IntakeRegistered>, at: Date): Promise<void> {
    const intake = await this.recordOutcome(
      manager,
      data.intakeId,
      `status = $2, case_code = $3, work_order_id = $4, possibly_related_case_codes = $5, rejection_reasons = NULL,
       outcome_at = $6`,
      [
        OUTCOME_STATUS[data.outcome],
        data.caseCode,
        data.workOrderId,
        JSON.stringify(data.possiblyRelatedCaseCodes),
        at,
      ],
    );
    if (!intake) {
      this.logger.warn({ intakeId: data.intakeId }, 'outcome for an intake this platform does not know; ignored');
      return;
    }
    for (const listener of this.outcomeListeners) await listener(intake, manager);
  }

  /** @internal */
  async applyRejected(manager: EntityManager, data: EventData<typeof IntakeRejected>, at: Date): Promise<void> {
    const intake = await this.recordOutcome(
      manager,
      data.intakeId,
      `status = 'rejected', rejection_reasons = $2, outcome_at = $3`,
      [JSON.stringify(data.reasons), at],
    );
    if (!intake) {
      this.logger.warn({ intakeId: data.intakeId }, 'rejection of an intake this platform does not know; ignored');
      return;
    }
    for (const listener of this.outcomeListeners) await listener(intake, manager);
  }

  /**
   * Writes an outcome onto the intake in one UPDATE that answers the whole row (issue 14: it was a locked
   * SELECT and TypeORM's update, both through the query builder). The UPDATE locks the row as the SELECT did;
   * undefined when this platform does not know the intake. `sets` uses $2...; jsonb values are passed as JSON text.
   */
  private async recordOutcome(
    manager: EntityManager,
    intakeId: string,
    sets: string,
    values: unknown[],
  ): Promise<PlatformIntake | undefined> {
    const text = `UPDATE ${tableOf(manager, PlatformIntake)} SET ${sets} WHERE intake_id = $1 RETURNING ${intakeColumns(manager)}`;
    const [row] = await outcomeStatement(text).runWith(manager, [intakeId, ...values]);
    return row && Object.assign(new PlatformIntake(), row);
  }

  /**
   * An intake's status for `audience` (default: the platform itself, everything). A linked intake
   * never shows the existing work order to its submitter, and staff see a linked or possibly related
   * code only within their jurisdiction; the access code appears only on the freshly submitted intake.
   */
  static toStatusView(
    intake: PlatformIntake | SubmittedIntake,
    audience: IntakeAudience = { kind: 'platform' },
  ): IntakeStatusView {
    const linked = intake.status === 'linked-to-existing';
    let showWorkOrder = true;
    let related = intake.possiblyRelatedCaseCodes;
    let note: string | undefined;
    if (audience.kind === 'citizen') {
      showWorkOrder = !linked;
      related = [];
      if (linked) note = LINKED_NOTE;
    } else if (audience.kind === 'staff') {
      // The work order its own intake created is always shown to the platform's staff; a linked one only within jurisdiction.
      showWorkOrder = !linked || !intake.caseCode || codeInJurisdiction(audience.user, intake.caseCode);
      related = related.filter((code) => codeInJurisdiction(audience.user, code));
      if (linked && !showWorkOrder) note = LINKED_ELSEWHERE_NOTE;
    }
    const accessCode = 'accessCode' in intake ? intake.accessCode : undefined;
    // Citizens read Beijing time with its offset; staff keep UTC instants.
    const time = (instant: Date): string =>
      audience.kind === 'citizen' ? toShanghaiTime(instant) : instant.toISOString();
    return {
      intakeId: intake.intakeId,
      status: intake.status,
      ...(showWorkOrder && intake.caseCode ? { caseCode: intake.caseCode } : {}),
      ...(showWorkOrder && intake.workOrderId ? { workOrderId: intake.workOrderId } : {}),
      ...(intake.rejectionReasons ? { rejectionReasons: intake.rejectionReasons } : {}),
      possiblyRelatedCaseCodes: related,
      submittedAt: time(intake.submittedAt),
      ...(intake.outcomeAt ? { outcomeAt: time(intake.outcomeAt) } : {}),
      ...(accessCode ? { accessCode } : {}),
      ...(note ? { note } : {}),
    };
  }
}
