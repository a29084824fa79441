import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { HandlerReporter } from '@legal/handler-kit';
import { DomainError, InvalidInputError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { Entrustment } from '../entrustments/entities/entrustment.entity';
import { entrustmentView } from '../entrustments/entrustment-view';
import { AppraisalOutcome, AppraisalStep, EntrustmentsService } from '../entrustments/entrustments.service';
import { HistoryService } from '../history/history.service';
import {
  computeAppraisalTerm,
  decideExtension,
  decidePause,
  decideResume,
  describeResume,
  TermRefusal,
  TermState,
  termDeadline,
} from './appraisal-term';
import { TermExtensionDto } from './dto/term-extension.dto';
import { TermPauseDto, TermResumeDto } from './dto/term-pause.dto';

/** The item code of a pause for materials in the NeedsInfo / InfoReceived reports. */
const SUPPLEMENTARY_MATERIALS = 'supplementary-materials';

/** Pauses for supplementary materials, resumes, and the one extension of the appraisal term. */
@Injectable()
export class TermService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entrustments: EntrustmentsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<AppraisalStep, AppraisalOutcome>,
  ) {}

  pause(id: string, user: AuthUser, dto: TermPauseDto): Promise<EntrustmentResponseDto> {
    return this.step(id, user, 'pause the term', async (manager, e, state, now) => {
      const result = decidePause(state, dto.pausedAt ? new Date(dto.pausedAt) : now, dto.reason, now);
      if ('refused' in result) throw refusal(result, 'pausedAt');
      e.termPauses = [...e.termPauses, result.pause];
      const detail = `Clock paused at ${result.pause.pausedAt} for supplementary materials (art. 29): ${dto.reason}`;
      // The work order shows it waiting for materials from the entrusting party, as the other handlers report it.
      const items = [{ code: SUPPLEMENTARY_MATERIALS, label: dto.reason.slice(0, 200) }];
      await this.reports.needsInfo(manager, { about: e, actorId: user.subject, at: now, items, notice: detail });
      return this.apply(manager, { e, user, now, step: 'term-paused', detail });
    });
  }

  resume(id: string, user: AuthUser, dto: TermResumeDto): Promise<EntrustmentResponseDto> {
    return this.step(id, user, 'resume the term', async (manager, e, state, now) => {
      const result = decideResume(state, dto.resumedAt ? new Date(dto.resumedAt) : now, now);
      if ('refused' in result) throw refusal(result, 'resumedAt');
      const before = computeAppraisalTerm(state);
      e.termPauses = result.pauses;
      const after = computeAppraisalTerm({ ...state, pauses: result.pauses });
      const detail = `Supplementary materials received; ${describeResume(before, after)}`;
      const receivedItems = [SUPPLEMENTARY_MATERIALS];
      await this.reports.infoReceived(manager, { about: e, actorId: user.subject, at: now, receivedItems });
      return this.apply(manager, { e, user, now, step: 'term-resumed', detail });
    });
  }

  /** Only the institution head approves (art. 28); the one extension, at most 30 working days. */
  extend(id: string, user: AuthUser, dto: TermExtensionDto): Promise<EntrustmentResponseDto> {
    return this.step(id, user, 'extend the term', async (manager, e, state, now) => {
      const institution = await this.entrustments.institutionOf(manager, e);
      if (institution.headSubject !== user.subject) {
        const message = `Only the head of ${institution.name} approves an extension (art. 28)`;
        throw new DomainError('not-institution-head', message, HttpStatus.FORBIDDEN);
      }
      const request = { workingDays: dto.workingDays, reason: dto.reason, approvedBy: user.subject.slice(0, 64) };
      const result = decideExtension(state, request, now);
      if ('refused' in result) throw refusal(result, 'workingDays');
      const before = computeAppraisalTerm(state);
      e.termExtension = result.extension;
      const after = computeAppraisalTerm({ ...state, extension: result.extension });
      const detail =
        `Term extended by ${dto.workingDays} working day(s) with the head's approval (${dto.reason}): due ` +
        `${before.dueAt.toISOString()} → ${after.dueAt.toISOString()}`;
      return this.apply(manager, { e, user, now, step: 'term-extended', detail });
    });
  }

  private step(
    id: string,
    user: AuthUser,
    what: string,
    act: (manager: EntityManager, e: Entrustment, state: TermState, now: Date) => Promise<EntrustmentResponseDto>,
  ): Promise<EntrustmentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const e = await this.entrustments.lockForStep(manager, id, user);
      this.entrustments.assertUnderWay(e, what);
      if (!e.agreementAt) throw new Error('an accepted entrustment has an agreement');
      return act(manager, e, { agreementAt: e.agreementAt, pauses: e.termPauses, extension: e.termExtension }, now);
    });
  }

  /** Stores the recomputed term with its explanation, the history line, and reports the step. */
  private async apply(
    manager: EntityManager,
    s: { e: Entrustment; user: AuthUser; now: Date; step: AppraisalStep; detail: string },
  ): Promise<EntrustmentResponseDto> {
    const { e, user, now, step, detail } = s;
    if (!e.agreementAt) throw new Error('an accepted entrustment has an agreement');
    const term = computeAppraisalTerm({ agreementAt: e.agreementAt, pauses: e.termPauses, extension: e.termExtension });
    Object.assign(e, { termDueAt: term.dueAt, termExplanation: term.explanation });
    await manager.save(e);
    await this.history.record(manager, {
      entrustmentId: e.id,
      step,
      actorId: user.subject,
      detail: `${detail}. ${term.explanation}`,
      at: now,
    });
    await this.reports.progressed(manager, {
      about: e,
      actorId: user.subject,
      at: now,
      step,
      detail,
      deadlines: [termDeadline(term)],
    });
    return entrustmentView(e);
  }
}

function refusal(r: TermRefusal, field: string): DomainError {
  if (r.status === 400) return new InvalidInputError([{ field, codes: [r.refused], messages: [r.reason] }], r.reason);
  return new DomainError(r.refused, r.reason, HttpStatus.CONFLICT);
}
