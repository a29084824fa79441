import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { assertAllowed, nextState } from '../applications/application-state';
import { ApplicationsService } from '../applications/applications.service';
import type { Application } from '../applications/entities/application.entity';
import { DeadlinesService, toContractDeadline } from '../deadlines/deadlines.service';
import { Lawyer } from '../lawyers/entities/lawyer.entity';
import { CandidateScore, explainChoice, MatterNeeds, rankLawyers, Selection } from '../lawyers/lawyer-selection';
import { HandlerReporter } from '@legal/handler-kit';
import { reportSubject } from '../applications/report-subject';
import { Appointment } from './entities/appointment.entity';

export interface AppointRequest {
  actor: string;
  mode: 'automatic' | 'manual';
  /** An officer's own choice; otherwise the best-ranked lawyer with capacity. */
  lawyerId?: string;
}

/**
 * Appoints lawyers from the roster (expertise, same county else city, load) and releases them when a
 * case ends. Loads change only by conditional updates, so concurrent instances never overfill a lawyer.
 */
@Injectable()
export class AppointmentsService {
  private readonly logger = new Logger(AppointmentsService.name);

  constructor(
    private readonly applications: ApplicationsService,
    private readonly deadlines: DeadlinesService,
    private readonly reports: HandlerReporter,
  ) {}

  /**
   * Appoints a lawyer to a locked application, or returns undefined (automatic mode) when nobody has
   * capacity; manual mode answers 409 then. Illegal now (not granted, not urgent, already appointed) → 409.
   */
  async appoint(
    manager: EntityManager,
    application: Application,
    request: AppointRequest,
  ): Promise<Appointment | undefined> {
    const facts = await this.applications.facts(manager, application);
    assertAllowed('appoint', facts);
    const needs: MatterNeeds = {
      matterRegionCode: application.matterRegionCode,
      expertiseTags: application.expertiseTags,
    };
    const roster = await manager
      .getRepository(Lawyer)
      .createQueryBuilder('l')
      .where('left(l.region_code, 4) = :city', { city: application.matterRegionCode.slice(0, 4) })
      .getMany();
    const selection = rankLawyers(roster, needs);
    const order = request.lawyerId ? await this.manualChoice(manager, request.lawyerId, selection) : selection.ranked;
    const chosen = await this.claimFirst(manager, order);
    if (!chosen) {
      const reason = `no active lawyer with capacity in county ${needs.matterRegionCode.slice(0, 6)} or its city (${selection.excluded.full} at capacity, ${selection.excluded.inactive} inactive)`;
      if (request.mode === 'manual') throw new ConflictError('no-lawyer-available', `Cannot appoint: ${reason}`);
      if (application.appointmentBlockedReason !== reason) {
        application.appointmentBlockedReason = reason;
        await manager.save(application);
      }
      return undefined;
    }
    const now = new Date();
    const providedFirst = application.state !== 'granted';
    const appointment = manager.create(Appointment, {
      id: randomUUID(),
      applicationId: application.id,
      lawyerId: chosen.lawyerId,
      lawyerName: chosen.name,
      lawFirm: chosen.lawFirm,
      appointedAt: now,
      appointedBy: request.actor.slice(0, 64),
      mode: request.mode,
      providedFirst,
      explanation: explainChoice(chosen, selection, needs, { manual: request.lawyerId !== undefined }).slice(0, 2000),
      candidates: selection.ranked.slice(0, 10),
      endedAt: null,
      endReason: null,
    });
    await manager.insert(Appointment, appointment);
    // 先行提供: the appointment clock runs from receipt; the decision clock keeps running.
    if (providedFirst)
      await this.deadlines.start(manager, application.id, 'lawyer-appointment', application.receivedAt);
    const clock = await this.deadlines.complete(manager, application.id, 'lawyer-appointment', now);
    await this.applications.transition(manager, application, {
      to: nextState('appoint', facts),
      action: 'lawyer-appointed',
      actor: request.actor,
      detail: appointment.explanation,
      changes: {
        lawyerId: chosen.lawyerId,
        appointedAt: now,
        providedFirst,
        appointmentBlockedReason: null,
      },
    });
    const decision = providedFirst ? await this.deadlines.find(manager, application.id, 'legal-aid-decision') : null;
    const clocks = [clock, decision].filter((c) => c !== null).map(toContractDeadline);
    const onTime = clock ? ` (due ${clock.dueAt.toISOString()}, ${clock.status})` : '';
    const detail = `Lawyer ${chosen.name} (${chosen.lawFirm}) appointed${providedFirst ? ' before the decision (先行提供); the review follows' : ''}${onTime}`;
    await this.reports.progressed(manager, {
      about: reportSubject(application),
      step: 'lawyer-appointed',
      detail,
      deadlines: clocks,
      actorId: request.actor,
      at: now,
    });
    return appointment;
  }

  /** The case ended (closed, or aid denied after being provided first): the lawyer's load goes down once. */
  async end(manager: EntityManager, applicationId: string, reason: string, at: Date): Promise<void> {
    const result = await manager.update(
      Appointment,
      { applicationId, endedAt: IsNull() },
      { endedAt: at, endReason: reason },
    );
    if (!result.affected) return;
    const appointment = await manager.findOneOrFail(Appointment, { where: { applicationId } });
    await manager
      .createQueryBuilder()
      .update(Lawyer)
      .set({ currentLoad: () => 'current_load - 1' })
      .where('id = :id AND current_load > 0', { id: appointment.lawyerId })
      .execute();
  }

  private async manualChoice(
    manager: EntityManager,
    lawyerId: string,
    selection: Selection,
  ): Promise<CandidateScore[]> {
    const ranked = selection.ranked.find((c) => c.lawyerId === lawyerId);
    if (ranked) return [ranked];
    const lawyer = await manager.findOne(Lawyer, { where: { id: lawyerId } });
    if (!lawyer)
      throw new InvalidInputError([
        { field: 'lawyerId', messages: [`lawyer ${lawyerId} is not on the roster`], codes: ['unknownLawyer'] },
      ]);
    if (!lawyer.active || lawyer.currentLoad >= lawyer.capacity) {
      throw new ConflictError('lawyer-unavailable', `${lawyer.name} is ${lawyer.active ? 'at capacity' : 'inactive'}`);
    }
    throw new ConflictError(
      'lawyer-outside-area',
      `${lawyer.name} practises in ${lawyer.regionCode}, outside the matter's county and city`,
    );
  }

  /** Takes one place of the first candidate that still has one (conditional update; losers try the next). */
  private async claimFirst(manager: EntityManager, candidates: CandidateScore[]): Promise<CandidateScore | undefined> {
    for (const candidate of candidates) {
      const claimed = await manager
        .createQueryBuilder()
        .update(Lawyer)
        .set({ currentLoad: () => 'current_load + 1' })
        .where('id = :id AND active AND current_load < capacity', { id: candidate.lawyerId })
        .returning(['id'])
        .execute();
      if ((claimed.raw as unknown[]).length > 0) return candidate;
      this.logger.debug({ lawyerId: candidate.lawyerId }, 'lawyer filled up meanwhile; trying the next candidate');
    }
    return undefined;
  }
}
