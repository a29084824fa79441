import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { ConflictError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { CaseStatus, MediationCase } from '../cases/entities/mediation-case.entity';
import { HistoryService } from '../history/history.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { MediationOutcome, ProgressStep } from '../reports/mediation-reports';
import { MediationSession } from '../sessions/entities/mediation-session.entity';
import { termDeadline } from '../term/mediation-term';
import { AgreementCreateDto } from './dto/agreement-create.dto';
import { CaseClosureDto } from './dto/case-closure.dto';

/** The three ways a mediation ends; each closes the case and reports Resolved with its outcome. */
/** How a case closes: its final status, the reported outcome, why, and the summary for the record. */
interface Closing {
  status: CaseStatus;
  outcome: MediationOutcome;
  reason: string | null;
  summary: string;
}

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, MediationOutcome>,
  ) {}

  async recordAgreement(caseId: string, user: AuthUser, dto: AgreementCreateDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.cases.lockForStep(manager, caseId, user);
      this.cases.assertOpen(c, 'record an agreement');
      if (c.status !== 'in-mediation') {
        throw new ConflictError(
          'no-session-held',
          'An agreement is reached at a session: record a held session first',
          { caseStatus: c.status },
        );
      }
      c.agreementText = dto.agreementText;
      c.agreementTerms = dto.terms.map((t) =>
        t.dueDate ? { description: t.description, dueDate: t.dueDate } : { description: t.description },
      );
      const summary = `Agreement reached before ${c.committeeName} (mediator ${c.mediatorName}) with ${dto.terms.length} term(s)`;
      return this.close(manager, c, user, {
        status: 'agreement-reached',
        outcome: 'agreement-reached',
        reason: null,
        summary,
      });
    });
  }

  async recordFailure(caseId: string, user: AuthUser, dto: CaseClosureDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.cases.lockForStep(manager, caseId, user);
      this.cases.assertOpen(c, 'record a failed mediation');
      return this.close(manager, c, user, {
        status: 'failed',
        outcome: 'mediation-failed',
        reason: dto.reason,
        summary: `Mediation failed: ${dto.reason}`,
      });
    });
  }

  async recordWithdrawal(caseId: string, user: AuthUser, dto: CaseClosureDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.cases.lockForStep(manager, caseId, user);
      this.cases.assertOpen(c, 'record a withdrawal');
      return this.close(manager, c, user, {
        status: 'withdrawn',
        outcome: 'withdrawn',
        reason: dto.reason,
        summary: `Mediation withdrawn: ${dto.reason}`,
      });
    });
  }

  private async close(
    manager: EntityManager,
    c: MediationCase,
    user: AuthUser,
    closing: Closing,
  ): Promise<CaseResponseDto> {
    const { status, outcome, reason, summary } = closing;
    const now = new Date();
    Object.assign(c, { status, outcome, outcomeReason: reason, closedAt: now, closedBy: user.subject.slice(0, 64) });
    await manager.save(c);
    const cancelled = await manager.update(
      MediationSession,
      { caseId: c.id, status: 'scheduled' },
      { status: 'cancelled' },
    );
    const term = termDeadline({ dueAt: c.termDueAt, explanation: c.termExplanation }, now);
    const detail = `${summary}; mediation term ${term.status}${cancelled.affected ? `; ${cancelled.affected} scheduled session(s) cancelled` : ''}`;
    await this.history.record(manager, { caseId: c.id, step: outcome, actorId: user.subject, detail, at: now });
    await this.reports.resolved(manager, {
      about: c,
      outcome,
      summary: detail,
      details: { mediationOutcome: outcome },
      actorId: user.subject,
      at: now,
    });
    return this.cases.view(manager, c, user);
  }
}
