import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { HandlerReporter } from '@legal/handler-kit';
import { DomainError } from '@legal/http';
import { DataSource } from 'typeorm';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { entrustmentView, termOf } from '../entrustments/entrustment-view';
import { AppraisalOutcome, AppraisalStep, EntrustmentsService } from '../entrustments/entrustments.service';
import { HistoryService } from '../history/history.service';
import { InstitutionsService } from '../institutions/institutions.service';
import { termDeadline } from '../term/appraisal-term';
import { AppraisersAssignDto } from './dto/appraisers-assign.dto';
import { assignAppraisers } from './appraiser-assignment';

/** Designates the two appraisers of an accepted entrustment (art. 19); a later designation replaces it. */
@Injectable()
export class AppraisersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entrustments: EntrustmentsService,
    private readonly institutions: InstitutionsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<AppraisalStep, AppraisalOutcome>,
  ) {}

  async assign(id: string, user: AuthUser, dto: AppraisersAssignDto): Promise<EntrustmentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const e = await this.entrustments.lockForStep(manager, id, user);
      this.entrustments.assertUnderWay(e, 'designate appraisers');
      const candidates = await this.institutions.appraisersOf(manager, e.institutionCode);
      const result = assignAppraisers({
        chosenIds: dto.appraiserIds,
        institutionCode: e.institutionCode,
        category: e.category,
        candidates,
      });
      if ('refused' in result) throw new DomainError(result.refused, result.reason, HttpStatus.UNPROCESSABLE_ENTITY);
      e.appraisers = result.assigned.map((a) => ({ id: a.id, name: a.name, licenceNumber: a.licenceNumber }));
      e.appraisersExplanation = result.explanation.slice(0, 1000);
      await manager.save(e);
      await this.history.record(manager, {
        entrustmentId: e.id,
        step: 'appraisers-assigned',
        actorId: user.subject,
        detail: result.explanation,
        at: now,
      });
      const term = termOf(e);
      await this.reports.progressed(manager, {
        about: e,
        actorId: user.subject,
        at: now,
        step: 'appraisers-assigned',
        detail: result.explanation,
        deadlines: term ? [termDeadline(term)] : [],
      });
      return entrustmentView(e);
    });
  }
}
