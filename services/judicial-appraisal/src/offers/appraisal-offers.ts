import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import { Accepted, HandlerDomain, HandlerKitOptions, HandlerReporter, OpenRequest, Opening } from '@legal/handler-kit';
import type { EntityManager } from 'typeorm';
import { JudicialAppraisalEnv } from '../config/judicial-appraisal.env';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { Entrustment } from '../entrustments/entities/entrustment.entity';
import { entrustmentView } from '../entrustments/entrustment-view';
import { EntrustmentsModule } from '../entrustments/entrustments.module';
import { acceptanceDeadline } from '../entrustments/entrustment-rules';
import { AppraisalOutcome, AppraisalStep, EntrustmentsService, factsOf } from '../entrustments/entrustments.service';
import { HistoryModule } from '../history/history.module';
import { HistoryService } from '../history/history.service';
import { InstitutionsModule } from '../institutions/institutions.module';
import { InstitutionsService } from '../institutions/institutions.service';
import { AppraisalClocks } from '../term/appraisal-clocks';
import { PartnerEntrustment } from '../partner/entities/partner-entrustment.entity';
import { PartnerEntrustmentsService } from '../partner/partner-entrustments.service';
import { AppraisalAcceptDto } from './dto/appraisal-accept.dto';

/**
 * What accepting an offer means in judicial appraisal: the work order's request becomes an entrustment
 * received by the offered institution (received when offered), whose acceptance period starts; staff then
 * decide it (art. 13). Never automatic: only staff can name the entrusting party and the category.
 */
@Injectable()
export class AppraisalOffers implements HandlerDomain<Entrustment, AppraisalAcceptDto> {
  constructor(
    private readonly entrustments: EntrustmentsService,
    private readonly institutions: InstitutionsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<AppraisalStep, AppraisalOutcome>,
  ) {}

  async open(manager: EntityManager, request: OpenRequest<AppraisalAcceptDto>): Promise<Opening<Entrustment>> {
    const { offer, body } = request;
    const direct = await PartnerEntrustmentsService.forOffer(manager, offer.workOrderId);
    if (direct) return this.openDirect(manager, request, direct);
    if (!body) {
      return {
        refused: 'needs-staff',
        reason: 'an entrustment needs staff to name the party and the category',
      };
    }
    const institution = await this.institutions.byOrganisation(manager, offer.organisationId);
    if (!institution) {
      return {
        refused: 'no-institution',
        reason: `no appraisal institution is registered for ${offer.organisationId}`,
      };
    }
    const facts = factsOf(
      body.party,
      {
        category: body.category,
        byLetter: body.byLetter ?? false,
        complexity: body.complexity ?? 'ordinary',
        agreedAcceptanceWorkingDays: body.agreedAcceptanceWorkingDays,
      },
      offer.offeredAt,
    );
    const e = await this.entrustments.register(manager, {
      facts,
      matter: offer.description,
      institution,
      actorId: request.actorId,
      regionCode: offer.regionCode,
      origin: {
        offerId: offer.id,
        workOrderId: offer.workOrderId,
        caseCode: offer.caseCode,
        correlationId: offer.correlationId,
      },
    });
    return { opened: e, subject: e };
  }

  /**
   * The offer for a partner court's own entrustment (its work order came from the court's intake): the
   * entrustment is registered under the court's record id, party and category from the court, never a second one.
   */
  private async openDirect(
    manager: EntityManager,
    request: OpenRequest<AppraisalAcceptDto>,
    direct: PartnerEntrustment,
  ): Promise<Opening<Entrustment>> {
    const { offer, body } = request;
    const institution = await this.institutions.byOrganisation(manager, offer.organisationId);
    if (!institution) {
      return {
        refused: 'no-institution',
        reason: `no appraisal institution is registered for ${offer.organisationId}`,
      };
    }
    const court = { kind: 'court' as const, name: direct.courtName, courtCaseNumber: direct.courtCaseNumber };
    const facts = factsOf(
      court,
      {
        category: direct.category,
        byLetter: body?.byLetter ?? false,
        complexity: body?.complexity ?? 'ordinary',
        agreedAcceptanceWorkingDays: body?.agreedAcceptanceWorkingDays,
      },
      offer.offeredAt,
    );
    const e = await this.entrustments.register(manager, {
      id: direct.id,
      facts,
      matter: direct.matter,
      institution,
      actorId: request.actorId,
      regionCode: offer.regionCode,
      origin: {
        offerId: offer.id,
        workOrderId: offer.workOrderId,
        caseCode: offer.caseCode,
        correlationId: offer.correlationId,
      },
    });
    return { opened: e, subject: e };
  }

  async afterAccepted(manager: EntityManager, accepted: Accepted<Entrustment>): Promise<void> {
    const { offer, matter: e, actorId, now } = accepted;
    const detail =
      `Offer ${offer.id} accepted: entrustment by ${e.partyKind} ${e.partyName} registered at ${e.institutionName}, ` +
      `the institution decides by ${e.acceptanceDueAt.toISOString()}. ${e.acceptanceExplanation}`;
    await this.history.record(manager, { entrustmentId: e.id, step: 'offer-accepted', actorId, detail, at: now });
    await this.reports.progressed(manager, {
      about: e,
      actorId,
      at: now,
      step: 'entrustment-registered',
      detail,
      deadlines: [acceptanceDeadline({ dueAt: e.acceptanceDueAt, explanation: e.acceptanceExplanation })],
    });
  }

  async present(_manager: EntityManager, e: Entrustment, _user: AuthUser): Promise<EntrustmentResponseDto> {
    return entrustmentView(e);
  }
}

/** Judicial appraisal on the handler kit: its offers, dispatch consumer and reports. */
export const appraisalHandler: HandlerKitOptions = {
  handler: 'judicial-appraisal',
  imports: [EntrustmentsModule, InstitutionsModule, HistoryModule],
  domain: AppraisalOffers,
  calendarClocks: AppraisalClocks,
  settings: {
    inject: [JudicialAppraisalEnv],
    useFactory: (env: JudicialAppraisalEnv) => ({ autoAccept: false, sweepIntervalMs: env.OFFER_SWEEP_INTERVAL_MS }),
  },
  api: {
    roles: { read: ['appraiser', 'supervisor', 'admin'], decide: ['appraiser'] },
    summaries: {
      list: 'Work orders offered to judicial appraisal institutions in your jurisdiction',
      accept:
        'Accept an open offer: registers the entrustment (party, category) and starts the art. 13 acceptance period',
    },
    acceptBody: AppraisalAcceptDto,
  },
};
