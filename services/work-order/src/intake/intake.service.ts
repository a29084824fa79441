import { Injectable, Logger } from '@nestjs/common';
import { CloudEvent, IntakeRegistered, IntakeRejected, workOrderIdForIntake } from '@legal/contracts';
import { shandongRegions } from '@legal/domain';
import { Outbox } from '@legal/messaging';
import { maskName, PiiProtector } from '@legal/privacy';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { CaseCodeService } from '../case-codes/case-code.service';
import { Actor, Trace } from '../common/actor';
import { insertEntityRow } from '../common/entity-sql';
import { queryRows, tableOf } from '../common/sql';
import { ClassifierService } from '../classification/classifier.service';
import { WorkOrderEnv } from '../config/work-order.env';
import { OfferEntity } from '../offers/entities/offer.entity';
import { OfferService } from '../offers/offer.service';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import { storedNameHashes } from '../relations/name-index';
import { RelationFinderService } from '../relations/relation-finder.service';
import { DeadlineService } from '../sla/deadline.service';
import { sealApplicant } from '../work-orders/applicant-sealing';
import { Classification, WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { OPEN_STATUSES } from '../work-orders/work-order-lifecycle';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import { IntakeOutcome, WorkOrderIntakeEntity } from './entities/work-order-intake.entity';
import { CheckedIdentity, checkIntake, IntakeData } from './intake-rules';
import { compareMatters, MatterComparison, matterKeywords } from './matter-similarity';

const PERSON_LOCK_KEY = 737_131;

/** One intake being handled: its data, who submitted it, and the consumer's transaction and trace. */
interface IntakeContext {
  manager: EntityManager;
  data: IntakeData;
  actor: Actor;
  trace: Trace;
  /** The description's jieba words, segmented once per intake (classification, topic tags, dedupe). */
  words: string[];
}

/** A new work order for the intake: the checked identity, its hashes, and how it was classified. */
interface NewWorkOrder {
  checked: CheckedIdentity;
  identity: ReturnType<IntakeService['identity']>;
  classification: Classification;
}

/**
 * 综合受理: turns an intake from any platform into a work order — or links it to the open work order
 * of the same person and service type, or rejects it with reasons. Runs inside the consumer's inbox
 * transaction, so each intake has its effects exactly once.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly pii: PiiProtector,
    private readonly outbox: Outbox,
    private readonly caseCodes: CaseCodeService,
    private readonly classifier: ClassifierService,
    private readonly recorder: WorkOrderRecorder,
    private readonly deadlines: DeadlineService,
    private readonly offers: OfferService,
    private readonly relations: RelationFinderService,
    private readonly env: WorkOrderEnv,
  ) {}

  async handle(event: CloudEvent<IntakeData>, manager: EntityManager): Promise<void> {
    const data = event.data;
    const trace: Trace = { causationId: event.id, correlationId: event.correlationid };
    const check = checkIntake(data, shandongRegions());
    if (!check.ok) {
      if (await this.alreadyRegistered(manager, data.intakeId, [])) return;
      await this.saveIntake(manager, data, null, 'rejected', check.reasons);
      await this.outbox.publish(
        manager,
        IntakeRejected,
        { intakeId: data.intakeId, platform: data.platform, reasons: check.reasons.map((r) => r.slice(0, 300)) },
        { subject: data.intakeId, ...trace },
      );
      this.logger.log({ msg: 'intake rejected', intakeId: data.intakeId, reasons: check.reasons.length });
      return;
    }
    const identity = this.identity(check.identity);
    const actor: Actor = { role: data.submittedBy.role, id: data.submittedBy.userId, platform: data.platform };
    const intake: IntakeContext = { manager, data, actor, trace, words: this.classifier.words(data.description) };
    const classification = this.classify(data, intake.words);
    const needsTriage =
      !data.resolution &&
      classification.source === 'inferred' &&
      classification.confidence < this.env.CLASSIFICATION_MIN_CONFIDENCE;
    // Two intakes of one person are registered one after the other, so neither misses the other's work order.
    const personKeys = data.resolution || needsTriage ? [] : [identity.idCardHash, identity.phoneHash];
    if (await this.alreadyRegistered(manager, data.intakeId, personKeys)) return;

    if (data.resolution) {
      const wo = await this.create(intake, { checked: check.identity, identity, classification }, 'closed-on-spot');
      await this.recorder.record(
        manager,
        wo,
        {
          action: 'closed-on-spot',
          actor: { ...actor, id: data.resolution.answeredBy },
          toStatus: 'closed',
          note: data.resolution.summary,
        },
        trace,
      );
      await this.register(intake, wo, 'closed-on-spot', []);
      return;
    }

    if (!needsTriage) {
      const existing = await this.openDuplicate(
        manager,
        identity,
        classification.ranking[0]?.serviceType ?? data.serviceType,
        intake,
      );
      if (existing) {
        await this.link(intake, existing, identity);
        return;
      }
    }
    const wo = await this.create(
      intake,
      { checked: check.identity, identity, classification },
      needsTriage ? 'triage' : 'created',
    );
    const related = await this.relations.findAndStore(manager, wo, data.applicant.name);
    if (needsTriage) {
      await this.recorder.record(
        manager,
        wo,
        {
          action: 'sent-to-triage',
          actor: { role: 'system', id: 'classifier' },
          toStatus: 'triage',
          note: `service type unclear: best guess ${wo.serviceType} with confidence ${classification.confidence} (< ${this.env.CLASSIFICATION_MIN_CONFIDENCE})`,
          data: { ranking: classification.ranking.slice(0, 3) },
        },
        trace,
      );
      await this.register(intake, wo, 'triage', related);
      return;
    }
    await this.deadlines.startOnRegistration(manager, wo);
    await this.register(intake, wo, 'created', related);
    await this.offers.routeAndOffer(manager, wo, { trigger: 'intake', trace });
  }

  private classify(data: IntakeData, words: readonly string[]): Classification {
    if (data.serviceType)
      return {
        source: 'explicit',
        confidence: 1,
        evidence: [],
        ranking: [{ serviceType: data.serviceType, score: 1 }],
        modelVersion: 'explicit',
      };
    const result = this.classifier.classifyWords(words);
    return {
      source: 'inferred',
      confidence: result.confidence,
      evidence: result.evidence.slice(0, 20),
      ranking: result.ranking.slice(0, 5),
      modelVersion: result.modelVersion,
    };
  }

  private identity(checked: CheckedIdentity): {
    idCardHash: string | null;
    phoneHash: string | null;
    phoneLast4: string | null;
  } {
    return {
      idCardHash: checked.idCardNumber ? this.pii.hash(checked.idCardNumber) : null,
      phoneHash: checked.phone ? this.pii.hash(checked.phone) : null,
      phoneLast4: checked.phone ? checked.phone.slice(-4) : null,
    };
  }

  /**
   * Whether this intake was registered already (a repeat of the same intake id) and, in the same round trip,
   * the person's advisory locks (sorted, so two intakes never take them in opposite orders): the duplicate
   * check that follows runs after any concurrent intake of the same person has committed.
   */
  private async alreadyRegistered(
    manager: EntityManager,
    intakeId: string,
    personKeys: readonly (string | null)[],
  ): Promise<boolean> {
    const keys = personKeys.filter((k): k is string => k !== null);
    const [row] = await queryRows<{ seen: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM ${tableOf(manager, WorkOrderIntakeEntity)} WHERE intake_id = $1) AS seen,
              (SELECT count(pg_advisory_xact_lock($2, hashtext(k)))
                 FROM (SELECT k FROM unnest($3::text[]) AS k ORDER BY k COLLATE "C") AS person) AS locked`,
      [intakeId, PERSON_LOCK_KEY, keys],
    );
    if (row?.seen) this.logger.log({ msg: 'intake already registered', intakeId });
    return row?.seen === true;
  }

  /**
   * The open work order this intake repeats: the same person (ID-card hash; else phone hash when either
   * side lacks an ID card), the same service type, and the same matter (compareMatters: description
   * keywords, county, time) — of several, the most similar. Same-person work orders that are not the
   * same matter become possible relations instead (RelationFinderService).
   */
  private async openDuplicate(
    manager: EntityManager,
    identity: { idCardHash: string | null; phoneHash: string | null },
    serviceType: string | undefined,
    { data, words }: Pick<IntakeContext, 'data' | 'words'>,
  ): Promise<{ workOrder: WorkOrderEntity; comparison: MatterComparison } | undefined> {
    if (!serviceType || (!identity.idCardHash && !identity.phoneHash)) return undefined;
    // An agency's notified-defence notice is a matter of its own (each stage is notified anew): one notice,
    // one work order, which legal aid links to the notice's application (workOrderIdForIntake).
    if (data.platform === 'partner' && data.serviceType === 'notified-defence') return undefined;
    const rows = await queryRows<{ id: string; region_code: string; description: string; received_at: Date }>(
      manager,
      `SELECT id, region_code, description, received_at FROM ${tableOf(manager, WorkOrderEntity)}
       WHERE service_type = $1 AND status = ANY($2)
         AND ((id_card_hash IS NOT NULL AND id_card_hash = $3)
              OR (phone_hash IS NOT NULL AND phone_hash = $4 AND (id_card_hash IS NULL OR $3::char(64) IS NULL)))
       ORDER BY received_at ASC LIMIT 20`,
      [serviceType, [...OPEN_STATUSES], identity.idCardHash, identity.phoneHash],
    );
    const incoming = {
      serviceType,
      regionCode: data.regionCode,
      keywords: matterKeywords(words),
      receivedAt: new Date(Math.min(Date.parse(data.submittedAt), Date.now())),
    };
    let best: { id: string; comparison: MatterComparison } | undefined;
    for (const row of rows) {
      const comparison = compareMatters(incoming, {
        serviceType,
        regionCode: row.region_code,
        keywords: matterKeywords(this.classifier.words(row.description)),
        receivedAt: new Date(row.received_at),
      });
      if (comparison.sameMatter && (!best || comparison.score > best.comparison.score))
        best = { id: row.id, comparison };
    }
    if (!best) return undefined;
    const workOrder = await manager.findOne(WorkOrderEntity, {
      where: { id: best.id },
      lock: { mode: 'pessimistic_write' },
    });
    return workOrder ? { workOrder, comparison: best.comparison } : undefined;
  }

  /**
   * Links a duplicate intake to the open work order. The submitter never gains the work order by it:
   * the platform is told (so staff see where it went), the citizen only that a related request exists.
   * An account is attached only when the intake's phone is the phone that account verified (OTP,
   * token claim) and it is this work order's phone: typing someone else's number attaches nothing.
   */
  private async link(
    intake: IntakeContext,
    { workOrder: wo, comparison }: { workOrder: WorkOrderEntity; comparison: MatterComparison },
    identity: { phoneHash: string | null },
  ): Promise<void> {
    const { manager, data, actor, trace } = intake;
    if (!wo.platforms.includes(data.platform)) wo.platforms = [...wo.platforms, data.platform];
    if (
      !wo.citizenUserId &&
      data.citizenUserId &&
      data.citizenPhoneVerified === true &&
      identity.phoneHash !== null &&
      identity.phoneHash === wo.phoneHash
    ) {
      wo.citizenUserId = data.citizenUserId;
    }
    await this.saveIntake(manager, data, wo.id, 'linked-to-existing', []);
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'intake-linked',
        actor,
        note: `${data.platform} intake ${data.platformRecordId} linked: same person, same matter (${comparison.explanation}), work order still open`,
        data: {
          intakeId: data.intakeId,
          platform: data.platform,
          platformRecordId: data.platformRecordId,
          matter: {
            score: comparison.score,
            keywordOverlap: comparison.keywordOverlap,
            sameCounty: comparison.sameCounty,
          },
        },
      },
      trace,
    );
    await this.register(intake, wo, 'linked-to-existing', []);
  }

  private async create(
    { manager, data, actor, trace, words }: IntakeContext,
    { checked, identity, classification }: NewWorkOrder,
    outcome: 'created' | 'closed-on-spot' | 'triage',
  ): Promise<WorkOrderEntity> {
    const now = new Date();
    const receivedAt = new Date(Math.min(Date.parse(data.submittedAt), now.getTime()));
    const serviceType = data.serviceType ?? classification.ranking[0]?.serviceType ?? 'legal-consultation';
    const complaintAgainst = await this.complaintTarget(manager, checked.relatedCaseCode);
    const wo = manager.create(WorkOrderEntity, {
      id: workOrderIdForIntake(data.intakeId),
      caseCode: await this.caseCodes.issue(manager, data.regionCode, now),
      status: 'received',
      serviceType,
      classification,
      topicTags: this.classifier.topicTagsOf(words),
      regionCode: data.regionCode,
      originPlatform: data.platform,
      platforms: [data.platform],
      description: data.description,
      language: data.language,
      urgency: data.urgency,
      vulnerableGroup: data.vulnerableGroup ?? false,
      legalDeadlineAt: data.legalDeadlineAt ? new Date(data.legalDeadlineAt) : null,
      priority: data.urgency === 'urgent' ? 'urgent' : 'normal',
      applicantSealed: sealApplicant(this.pii, {
        ...data.applicant,
        ...(checked.idCardNumber ? { idCardNumber: checked.idCardNumber } : {}),
        ...(checked.phone ? { phone: checked.phone } : {}),
      }),
      applicantDisplayName: maskName(data.applicant.name)?.slice(0, 20) ?? null,
      ...identity,
      surnameHash: data.applicant.name?.trim() ? this.pii.hash(`surname:${[...data.applicant.name.trim()][0]}`) : null,
      nameHashes: storedNameHashes(this.pii, data.applicant.name),
      citizenUserId: data.citizenUserId ?? null,
      accessCodeHash: data.accessCodeHash ?? null,
      organisationId: null,
      organisationName: null,
      handler: null,
      staffId: null,
      handlerCaseId: null,
      relatedCaseCode: checked.relatedCaseCode ?? null,
      complaintAgainstOrganisationId: complaintAgainst,
      mergedIntoId: null,
      offerFailures: 0,
      reopenCount: 0,
      escalationLevel: 0,
      version: 0,
      timelineHead: '0'.repeat(64),
      receivedAt,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await insertEntityRow(manager, WorkOrderEntity, wo); // every column set above: no query builder (issue 14)
    await this.saveIntake(manager, data, wo.id, outcome, []);
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'received',
        actor,
        at: receivedAt,
        note: `${data.platform} intake ${data.platformRecordId}; service type ${serviceType} (${classification.source}, confidence ${classification.confidence})`,
        data: {
          intakeId: data.intakeId,
          platform: data.platform,
          platformRecordId: data.platformRecordId,
          classification: { source: classification.source, confidence: classification.confidence },
        },
      },
      trace,
    );
    return wo;
  }

  /**
   * The organisation a complaint is about: the one that handled the related case. When the case was
   * resolved, that is the organisation whose accepted offer carried it to its latest resolution (the
   * handling the citizen evaluated), even after a low evaluation reopened the case and another
   * organisation was offered it or accepted it (issue 13 finding 7: the complaint used to be recorded
   * against the new organisation and was shown to the one it named). Never resolved: the last
   * organisation that accepted it; never accepted: the organisation it is offered to.
   */
  private async complaintTarget(manager: EntityManager, relatedCaseCode: string | undefined): Promise<string | null> {
    if (!relatedCaseCode) return null;
    const related = await manager.findOne(WorkOrderEntity, {
      where: { caseCode: relatedCaseCode },
      select: { id: true, organisationId: true },
    });
    if (!related) return null;
    const resolved = await manager.findOne(TimelineEntryEntity, {
      where: { workOrderId: related.id, toStatus: 'resolved' },
      order: { seq: 'DESC' },
      select: { workOrderId: true, seq: true, at: true },
    });
    const handled = await manager.findOne(OfferEntity, {
      where: {
        workOrderId: related.id,
        status: 'accepted',
        ...(resolved ? { answeredAt: LessThanOrEqual(resolved.at) } : {}),
      },
      order: { answeredAt: { direction: 'DESC', nulls: 'LAST' }, offeredAt: 'DESC' },
      select: { id: true, organisationId: true },
    });
    return handled?.organisationId ?? related.organisationId ?? null;
  }

  private async saveIntake(
    manager: EntityManager,
    data: IntakeData,
    workOrderId: string | null,
    outcome: IntakeOutcome,
    reasons: string[],
  ): Promise<void> {
    await insertEntityRow(manager, WorkOrderIntakeEntity, {
      intakeId: data.intakeId,
      workOrderId,
      platform: data.platform,
      platformRecordId: data.platformRecordId,
      submittedAt: new Date(data.submittedAt),
      outcome,
      reasons,
      createdAt: new Date(),
    });
  }

  private async register(
    { manager, data, trace }: IntakeContext,
    wo: WorkOrderEntity,
    outcome: 'created' | 'linked-to-existing' | 'closed-on-spot' | 'triage',
    related: string[],
  ): Promise<void> {
    await this.outbox.publish(
      manager,
      IntakeRegistered,
      {
        intakeId: data.intakeId,
        platform: data.platform,
        workOrderId: wo.id,
        caseCode: wo.caseCode,
        outcome,
        possiblyRelatedCaseCodes: related.slice(0, 20),
      },
      { subject: data.intakeId, ...trace },
    );
  }
}
