import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { HistoryService } from '../history/history.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { MediationOutcome, ProgressStep } from '../reports/mediation-reports';
import { TermExtensionDto } from './dto/term-extension.dto';
import { computeMediationTerm, termDeadline } from './mediation-term';

/** Extends the 30-day term of an open case; only with a reason, which is kept and reported. */
@Injectable()
export class TermService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, MediationOutcome>,
  ) {}

  async extend(caseId: string, user: AuthUser, dto: TermExtensionDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const c = await this.cases.lockForStep(manager, caseId, user);
      this.cases.assertOpen(c, 'extend the term');
      const extensions = [
        ...c.termExtensions,
        { days: dto.days, reason: dto.reason, by: user.subject.slice(0, 64), at: now.toISOString() },
      ];
      const term = computeMediationTerm(c.acceptedAt, extensions);
      const previous = c.termDueAt;
      Object.assign(c, { termExtensions: extensions, termDueAt: term.dueAt, termExplanation: term.explanation });
      await manager.save(c);
      const detail = `Term extended by ${dto.days} day(s) (${dto.reason}): due ${previous.toISOString()} → ${term.dueAt.toISOString()}`;
      await this.history.record(manager, {
        caseId: c.id,
        step: 'term-extended',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: c,
        step: 'term-extended',
        detail,
        deadlines: [termDeadline(term)],
        actorId: user.subject,
        at: now,
      });
      return this.cases.view(manager, c, user);
    });
  }
}
