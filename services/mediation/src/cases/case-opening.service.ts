import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClassificationService } from '../classification/classification.service';
import type { DisputeCategory } from '../classification/entities/dispute-keyword.entity';
import { chooseCommittee } from '../committees/committee-choice';
import { CommitteesService } from '../committees/committees.service';
import { chooseMediator } from '../committees/mediator-choice';
import { matterFieldsOf, Offer } from '@legal/handler-kit';
import { computeMediationTerm } from '../term/mediation-term';
import { MediationCase } from './entities/mediation-case.entity';

export interface CaseOpeningRequest {
  offer: Offer;
  actorId: string;
  /** Dispute category decided by staff; otherwise the description is classified. */
  explicitCategory: DisputeCategory | undefined;
  /** Automatic acceptance: refuse when every mediator of the committee is fully loaded. */
  requireCapacity: boolean;
  now: Date;
}

export type CaseOpening = { opened: MediationCase } | { refused: 'no-committee' | 'no-capacity'; reason: string };

/**
 * Opens the case of an accepted offer, in the caller's transaction: classifies the dispute, chooses
 * the committee (village, else township, else county) and the mediator (specialty, then load), and
 * starts the 30-day term. With `requireCapacity` (automatic acceptance) it refuses when every
 * mediator of the committee is fully loaded; a staff decision may take the case anyway.
 */
@Injectable()
export class CaseOpeningService {
  constructor(
    private readonly classification: ClassificationService,
    private readonly committees: CommitteesService,
  ) {}

  async open(manager: EntityManager, request: CaseOpeningRequest): Promise<CaseOpening> {
    const { offer, actorId, explicitCategory, requireCapacity, now } = request;
    const category = await this.classification.classify(manager, offer.description, explicitCategory);
    const committeeChoice = chooseCommittee(
      offer.regionCode,
      await this.committees.committeeCandidates(manager, offer.regionCode),
    );
    const committee = committeeChoice.committee;
    if (!committee) return { refused: 'no-committee', reason: committeeChoice.reason };
    const mediatorChoice = chooseMediator(
      await this.committees.lockMediatorCandidates(manager, committee.id),
      category.category ?? undefined,
    );
    const mediator = mediatorChoice.mediator;
    if (!mediator) return { refused: 'no-capacity', reason: `${committee.name}: ${mediatorChoice.reason}` };
    if (requireCapacity && !mediatorChoice.hasCapacity)
      return { refused: 'no-capacity', reason: `${committee.name}: every mediator is at capacity` };
    const term = computeMediationTerm(now, []);
    const row = manager.create(MediationCase, {
      id: randomUUID(),
      ...matterFieldsOf(offer),
      urgency: offer.urgency,
      status: 'assigned',
      disputeCategory: category.category,
      categorySource: category.source,
      categoryKeywords: category.keywords,
      committeeId: committee.id,
      committeeName: committee.name,
      committeeRegionCode: committee.regionCode,
      committeeReason: committeeChoice.reason.slice(0, 1000),
      mediatorId: mediator.id,
      mediatorName: mediator.name,
      mediatorReason: mediatorChoice.reason.slice(0, 1000),
      acceptedAt: now,
      acceptedBy: actorId.slice(0, 64),
      termDueAt: term.dueAt,
      termExplanation: term.explanation,
      termExtensions: [],
      outcome: null,
      outcomeReason: null,
      agreementText: null,
      agreementTerms: null,
      closedAt: null,
      closedBy: null,
    });
    await manager.insert(MediationCase, row);
    return { opened: row };
  }
}
