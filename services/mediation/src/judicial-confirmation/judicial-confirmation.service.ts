import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { addDays, shanghaiDateOf } from '@legal/domain';
import { ConflictError, InvalidInputError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { HistoryService } from '../history/history.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { MediationOutcome, ProgressStep } from '../reports/mediation-reports';
import { JudicialConfirmationRequestDto, JudicialConfirmationResultDto } from './dto/judicial-confirmation-request.dto';
import { JudicialConfirmation } from './entities/judicial-confirmation.entity';

/** Parties apply for judicial confirmation within 30 days of the agreement taking effect (人民调解法 第三十三条). */
const APPLICATION_PERIOD_DAYS = 30;

/** Referral of an agreement to a court for judicial confirmation (司法确认) and the court's answer. */
@Injectable()
export class JudicialConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, MediationOutcome>,
  ) {}

  async request(caseId: string, user: AuthUser, dto: JudicialConfirmationRequestDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const c = await this.cases.lockForStep(manager, caseId, user);
      if (c.status !== 'agreement-reached' || !c.closedAt) {
        throw new ConflictError(
          'no-agreement',
          'Only an agreement reached in mediation can be referred for judicial confirmation',
          { caseStatus: c.status },
        );
      }
      if (await manager.existsBy(JudicialConfirmation, { caseId })) {
        throw new ConflictError(
          'confirmation-requested',
          'Judicial confirmation of this agreement was already requested',
        );
      }
      const agreedOn = shanghaiDateOf(c.closedAt);
      const today = shanghaiDateOf(now);
      if (dto.requestedOn < agreedOn || dto.requestedOn > today) {
        throw new InvalidInputError([
          {
            field: 'requestedOn',
            messages: [`requestedOn must be between the agreement (${agreedOn}) and today (${today})`],
            codes: ['dateRange'],
          },
        ]);
      }
      const lastDay = addDays(agreedOn, APPLICATION_PERIOD_DAYS);
      if (dto.requestedOn > lastDay) {
        throw new ConflictError(
          'confirmation-period-passed',
          `Judicial confirmation must be applied for within ${APPLICATION_PERIOD_DAYS} days of the agreement (by ${lastDay})`,
        );
      }
      await manager.insert(JudicialConfirmation, {
        id: randomUUID(),
        caseId,
        court: dto.court,
        requestedOn: dto.requestedOn,
        requestedBy: user.subject.slice(0, 64),
        result: 'pending',
        decidedOn: null,
        note: null,
        decisionRecordedBy: null,
      });
      const detail = `Agreement referred to ${dto.court} for judicial confirmation on ${dto.requestedOn}`;
      await this.history.record(manager, {
        caseId: c.id,
        step: 'judicial-confirmation-requested',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: c,
        step: 'judicial-confirmation-requested',
        detail,
        deadlines: [],
        actorId: user.subject,
        at: now,
      });
      return this.cases.view(manager, c, user);
    });
  }

  async recordResult(caseId: string, user: AuthUser, dto: JudicialConfirmationResultDto): Promise<CaseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const c = await this.cases.lockForStep(manager, caseId, user);
      const confirmation = await manager.findOneBy(JudicialConfirmation, { caseId });
      if (!confirmation)
        throw new ConflictError('confirmation-not-requested', 'No judicial confirmation was requested for this case');
      if (confirmation.result !== 'pending')
        throw new ConflictError('confirmation-decided', `The court already decided: ${confirmation.result}`);
      const today = shanghaiDateOf(now);
      if (dto.decidedOn < confirmation.requestedOn || dto.decidedOn > today) {
        throw new InvalidInputError([
          {
            field: 'decidedOn',
            messages: [`decidedOn must be between the request (${confirmation.requestedOn}) and today (${today})`],
            codes: ['dateRange'],
          },
        ]);
      }
      Object.assign(confirmation, {
        result: dto.result,
        decidedOn: dto.decidedOn,
        note: dto.note ?? null,
        decisionRecordedBy: user.subject.slice(0, 64),
      });
      await manager.save(confirmation);
      const detail = `${confirmation.court} ${dto.result === 'confirmed' ? 'confirmed' : 'refused to confirm'} the agreement on ${dto.decidedOn}${dto.note ? ` (${dto.note})` : ''}`;
      await this.history.record(manager, {
        caseId: c.id,
        step: 'judicial-confirmation-decided',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: c,
        step: 'judicial-confirmation-decided',
        detail,
        deadlines: [],
        details: { judicialConfirmation: dto.result },
        actorId: user.subject,
        at: now,
      });
      return this.cases.view(manager, c, user);
    });
  }
}
