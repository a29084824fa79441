import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import {
  Accepted,
  CapacityCheck,
  HandlerDomain,
  HandlerKitOptions,
  Offer,
  matterFieldsOf,
  OpenRequest,
  Opening,
  settingsFromEnv,
} from '@legal/handler-kit';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { Application } from '../applications/entities/application.entity';
import { CertificateClocks } from '../clock/certificate-clocks';
import { NotarizationEnv } from '../config/notarization.env';
import { HistoryModule } from '../history/history.module';
import { HistoryService } from '../history/history.service';
import { OfficesModule } from '../offices/offices.module';
import { OfficesService } from '../offices/offices.service';

/**
 * What accepting an offer means in notarization: the application opens, awaiting the applicant's
 * matter and materials (the 15-working-day clock starts only when they are accepted). The office is
 * recorded the first time an offer names it; automatic acceptance respects its capacity.
 */
@Injectable()
export class NotarizationOffers implements HandlerDomain<Application> {
  constructor(
    private readonly offices: OfficesService,
    private readonly applications: ApplicationsService,
    private readonly history: HistoryService,
  ) {}

  async received(manager: EntityManager, offer: Offer): Promise<void> {
    await this.offices.ensure(manager, offer.organisationId, offer.organisationName, offer.organisationRegionCode);
  }

  async capacity(manager: EntityManager, offer: Offer): Promise<CapacityCheck> {
    const office = await this.offices.lockAndCheckCapacity(manager, offer.organisationId);
    const reason = `${offer.organisationName} has ${office.open} open applications (capacity ${office.max})`;
    return { hasCapacity: office.hasCapacity, reason };
  }

  async open(manager: EntityManager, request: OpenRequest<unknown>): Promise<Opening<Application>> {
    const { offer, actorId, now } = request;
    const application = manager.create(Application, {
      id: randomUUID(),
      ...matterFieldsOf(offer),
      requestReceivedAt: offer.receivedAt,
      status: 'awaiting-application',
      offerAcceptedAt: now,
      offerAcceptedBy: actorId.slice(0, 64),
      matterCode: null,
      matterName: null,
      feeFen: null,
      submittedAt: null,
      submittedBy: null,
      clockStatus: 'not-started',
      clockDueAt: null,
      clockExplanation: null,
      clockPausedAt: null,
      clockPauses: [],
      reviewerId: null,
      reviewStartedAt: null,
      certificateNumber: null,
      certificateCopies: null,
      refusalReason: null,
      closedAt: null,
      closedBy: null,
    });
    await manager.insert(Application, application);
    return { opened: application, subject: application };
  }

  async afterAccepted(manager: EntityManager, accepted: Accepted<Application>): Promise<void> {
    const { offer, matter, actorId, automatic, now } = accepted;
    const detail =
      `Offer ${offer.id} accepted${automatic ? ' automatically' : ''} by ${offer.organisationName}; ` +
      "waiting for the applicant's matter and materials";
    await this.history.record(manager, { applicationId: matter.id, step: 'offer-accepted', actorId, detail, at: now });
  }

  present(manager: EntityManager, application: Application, user: AuthUser): Promise<ApplicationResponseDto> {
    return this.applications.view(manager, application, user);
  }
}

/** Notarization on the handler kit: its offers, dispatch consumer and reports. */
export const notarizationHandler: HandlerKitOptions = {
  handler: 'notarization',
  imports: [ApplicationsModule, OfficesModule, HistoryModule],
  domain: NotarizationOffers,
  calendarClocks: CertificateClocks,
  settings: settingsFromEnv(NotarizationEnv),
  api: {
    roles: { read: ['notary', 'supervisor', 'admin'], decide: ['notary', 'supervisor'] },
    summaries: {
      list: 'Work orders offered to notarization in your jurisdiction',
      accept:
        "Accept an open offer: opens the application, awaiting the applicant's matter and materials " +
        '(409 if withdrawn or expired)',
    },
  },
};
