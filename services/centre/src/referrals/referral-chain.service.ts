import { Injectable, Logger } from '@nestjs/common';
import { ReferralRejected, ReferralRequested } from '@legal/contracts';
import { addWorkingDays } from '@legal/domain';
import { ConflictError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CentreEnv } from '../config/centre.env';
import { coordinatingLevel } from './coordinating-level';
import { Referral } from './entities/referral.entity';
import { referralEventBase } from './referral-events';

export interface NewLink {
  workOrderId: string;
  caseCode: string;
  workOrderRegionCode: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  toRegionCode: string;
  reason: string;
  requestedBy: string | null;
  escalatedFromId: string | null;
}

/** How a pending referral ended before it is referred on: rejected (with the receiver's reason) or expired. */
export interface ReferralEscalation {
  how: 'rejected' | 'expired';
  reason: string;
  /** The receiving clerk; null when nobody answered (the sweeper). */
  actorId: string | null;
  now: Date;
}

/**
 * Writes the links of a referral chain and their events, always inside the caller's transaction:
 * opening a link (ReferralRequested, answer due in N working days) and closing one by rejection or
 * lapse, which opens the next link to the coordinating level (ReferralRejected + ReferralRequested).
 */
@Injectable()
export class ReferralChainService {
  private readonly logger = new Logger(ReferralChainService.name);

  constructor(
    private readonly env: CentreEnv,
    private readonly outbox: Outbox,
  ) {}

  async open(manager: EntityManager, link: NewLink, now: Date): Promise<Referral> {
    const deadline = addWorkingDays(now, this.env.REFERRAL_RESPONSE_WORKING_DAYS);
    const coordinating = coordinatingLevel(
      link.toOrganisationId,
      link.toRegionCode,
      this.env.COORDINATING_ORGANISATION_ID_TEMPLATE,
    );
    const referral = manager.create(Referral, {
      id: randomUUID(),
      ...link,
      status: 'pending',
      respondBy: deadline.dueAt,
      deadlineExplanation: deadline.explanation,
      coordinatingOrganisationId: coordinating?.organisationId ?? null,
      coordinatingRegionCode: coordinating?.regionCode ?? null,
      escalatedToId: null,
      answeredBy: null,
      answeredAt: null,
      answerReason: null,
    });
    const pending = await manager.exists(Referral, { where: { workOrderId: link.workOrderId, status: 'pending' } });
    if (pending)
      throw new ConflictError('referral-pending', `Case ${link.caseCode} already has a referral waiting for an answer`);
    try {
      // The partial unique index is the backstop when two clerks refer the same case at once.
      await manager.insert(Referral, referral);
    } catch (e) {
      if ((e as { code?: string }).code === '23505') {
        throw new ConflictError(
          'referral-pending',
          `Case ${link.caseCode} already has a referral waiting for an answer`,
        );
      }
      throw e;
    }
    await this.outbox.publish(
      manager,
      ReferralRequested,
      {
        ...referralEventBase(referral, now, link.requestedBy),
        reason: link.reason,
        respondBy: referral.respondBy.toISOString(),
      },
      { subject: referral.workOrderId },
    );
    this.logger.log(
      { referralId: referral.id, workOrderId: referral.workOrderId, to: referral.toOrganisationId },
      'referral opened',
    );
    return referral;
  }

  /**
   * Closes a pending link as rejected (with the receiver's reason) or expired (nobody answered by
   * respondBy), and refers the matter on to the coordinating level. The caller holds the row lock.
   */
  async escalate(manager: EntityManager, referral: Referral, answer: ReferralEscalation): Promise<Referral> {
    const { how, reason, actorId, now } = answer;
    if (!referral.coordinatingOrganisationId || !referral.coordinatingRegionCode) {
      throw new ConflictError(
        'referral-top-level',
        `${referral.toOrganisationId} is the top coordinating level and must take the matter`,
      );
    }
    referral.status = how;
    referral.answeredBy = actorId;
    referral.answeredAt = now;
    referral.answerReason = reason;
    await manager.save(referral);
    // Rejection first, then the new link: the work order's timeline shows the chain in order.
    await this.outbox.publish(
      manager,
      ReferralRejected,
      {
        ...referralEventBase(referral, now, actorId),
        reason: reason.slice(0, 1000),
        escalatedToOrganisationId: referral.coordinatingOrganisationId,
      },
      { subject: referral.workOrderId },
    );
    const next = await this.open(
      manager,
      {
        workOrderId: referral.workOrderId,
        caseCode: referral.caseCode,
        workOrderRegionCode: referral.workOrderRegionCode,
        fromOrganisationId: referral.fromOrganisationId,
        toOrganisationId: referral.coordinatingOrganisationId,
        toRegionCode: referral.coordinatingRegionCode,
        reason:
          `Escalated: ${referral.toOrganisationId} ${how === 'rejected' ? 'rejected the referral' : 'did not answer in time'} (${reason})`.slice(
            0,
            1000,
          ),
        requestedBy: null,
        escalatedFromId: referral.id,
      },
      now,
    );
    referral.escalatedToId = next.id;
    await manager.update(Referral, { id: referral.id }, { escalatedToId: next.id });
    this.logger.log(
      { referralId: referral.id, how, escalatedTo: next.toOrganisationId },
      'referral escalated to the coordinating level',
    );
    return next;
  }
}
