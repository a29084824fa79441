import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import {
  Accepted,
  HandlerDomain,
  HandlerKitOptions,
  HandlerReporter,
  OpenRequest,
  Opening,
  settingsFromEnv,
} from '@legal/handler-kit';
import type { EntityManager } from 'typeorm';
import { CaseOpeningService } from '../cases/case-opening.service';
import { CasesModule } from '../cases/cases.module';
import { CasesService } from '../cases/cases.service';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { MediationCase } from '../cases/entities/mediation-case.entity';
import { MediationEnv } from '../config/mediation.env';
import { HistoryModule } from '../history/history.module';
import { HistoryService } from '../history/history.service';
import type { MediationOutcome, ProgressStep } from '../reports/mediation-reports';
import { termDeadline } from '../term/mediation-term';
import { MediationTermClocks } from '../term/mediation-term-clocks';
import { OfferAcceptDto } from './dto/offer-accept.dto';

/**
 * What accepting an offer means in mediation: the case opens with its committee, mediator and 30-day
 * term; the history and the `committee-assigned` report follow OfferAccepted.
 */
@Injectable()
export class MediationOffers implements HandlerDomain<MediationCase, OfferAcceptDto> {
  constructor(
    private readonly caseOpening: CaseOpeningService,
    private readonly cases: CasesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, MediationOutcome>,
  ) {}

  async open(manager: EntityManager, request: OpenRequest<OfferAcceptDto>): Promise<Opening<MediationCase>> {
    const opening = await this.caseOpening.open(manager, {
      offer: request.offer,
      actorId: request.actorId,
      explicitCategory: request.body?.disputeCategory,
      requireCapacity: request.automatic,
      now: request.now,
    });
    return 'refused' in opening ? opening : { opened: opening.opened, subject: opening.opened };
  }

  async afterAccepted(manager: EntityManager, accepted: Accepted<MediationCase>): Promise<void> {
    const { offer, matter: c, actorId, automatic, now } = accepted;
    const detail =
      `Committee ${c.committeeName} (${c.committeeRegionCode}): ${c.committeeReason}. ` +
      `Mediator ${c.mediatorName}: ${c.mediatorReason}. ` +
      `Dispute category: ${c.disputeCategory ?? 'unclassified'} (${c.categorySource}).`;
    const acceptedDetail = `Offer ${offer.id} accepted${automatic ? ' automatically' : ''}`;
    const accepting = { caseId: c.id, step: 'offer-accepted', actorId, detail: acceptedDetail, at: now };
    const assigned = { caseId: c.id, step: 'committee-assigned', actorId, detail, at: now };
    // Both steps in one statement (issue 14); the acceptance still lists first.
    await this.history.recordAll(manager, [accepting, assigned]);
    await this.reports.progressed(manager, {
      about: c,
      step: 'committee-assigned',
      detail,
      deadlines: [termDeadline({ dueAt: c.termDueAt, explanation: c.termExplanation })],
      actorId,
      at: now,
    });
  }

  present(manager: EntityManager, c: MediationCase, user: AuthUser): Promise<CaseResponseDto> {
    return this.cases.view(manager, c, user);
  }
}

/** Mediation on the handler kit: its offers, dispatch consumer and reports. */
export const mediationHandler: HandlerKitOptions = {
  handler: 'mediation',
  imports: [CasesModule, HistoryModule],
  domain: MediationOffers,
  calendarClocks: MediationTermClocks,
  settings: settingsFromEnv(MediationEnv),
  api: {
    roles: { read: ['mediator', 'supervisor', 'admin'], decide: ['mediator', 'supervisor'] },
    summaries: {
      list: 'Work orders offered to mediation in your jurisdiction',
      accept:
        'Accept an open offer: opens the case, assigns committee and mediator, starts the 30-day term ' +
        '(409 if withdrawn or expired)',
    },
    acceptBody: OfferAcceptDto,
  },
};
