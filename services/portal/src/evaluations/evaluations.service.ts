import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluationSubmitted } from '@legal/contracts';
import { ConflictError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { CitizenKeys } from '../common/citizen-identity';
import { TrackingService } from '../tracking/tracking.service';
import type { EvaluationCreateDto } from './dto/evaluation-create.dto';
import type { EvaluationResponseDto } from './dto/evaluation-response.dto';
import { PortalEvaluation } from './entities/portal-evaluation.entity';

/** The work-order service reopens a work order evaluated at or below this score. */
export const REOPENING_SCORE = 2;

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505';
}

/** Satisfaction evaluation: once per resolved work order, published as EvaluationSubmitted. */
@Injectable()
export class EvaluationsService {
  private readonly logger = new Logger(EvaluationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tracking: TrackingService,
    private readonly outbox: Outbox,
  ) {}

  async evaluate(dto: EvaluationCreateDto, citizen: CitizenKeys | undefined): Promise<EvaluationResponseDto> {
    const { view, verifiedBy } = await this.tracking.verify(dto.caseCode, { accessCode: dto.accessCode, citizen });
    if (view.status !== 'resolved') {
      throw new ConflictError(
        'work-order-not-resolved',
        `Work order ${view.caseCode} is ${view.status}; only a resolved work order can be evaluated`,
        { workOrderStatus: view.status },
      );
    }
    if (await this.dataSource.getRepository(PortalEvaluation).existsBy({ workOrderId: view.workOrderId })) {
      throw new ConflictError('already-evaluated', `Work order ${view.caseCode} has already been evaluated`);
    }
    const evaluation: PortalEvaluation = Object.assign(new PortalEvaluation(), {
      id: randomUUID(),
      workOrderId: view.workOrderId,
      caseCode: view.caseCode,
      score: dto.score,
      comment: dto.comment ?? null,
      workOrderVersion: view.version,
      citizenUserId: verifiedBy === 'account' ? (citizen?.userId ?? null) : null,
      verifiedBy,
      createdAt: new Date(),
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(PortalEvaluation, evaluation);
        await this.outbox.publish(
          manager,
          EvaluationSubmitted,
          {
            evaluationId: evaluation.id,
            workOrderId: evaluation.workOrderId,
            caseCode: evaluation.caseCode,
            score: evaluation.score,
            ...(evaluation.comment ? { comment: evaluation.comment } : {}),
            platform: 'portal',
            submittedAt: evaluation.createdAt.toISOString(),
          },
          { subject: evaluation.workOrderId },
        );
      });
    } catch (e) {
      // Two evaluations racing past the check above: the unique index keeps the first.
      if (isUniqueViolation(e))
        throw new ConflictError('already-evaluated', `Work order ${view.caseCode} has already been evaluated`);
      throw e;
    }
    this.logger.log({ workOrderId: view.workOrderId, score: dto.score }, 'evaluation submitted');
    return {
      evaluationId: evaluation.id,
      workOrderId: evaluation.workOrderId,
      caseCode: evaluation.caseCode,
      score: evaluation.score,
      ...(evaluation.comment ? { comment: evaluation.comment } : {}),
      submittedAt: evaluation.createdAt.toISOString(),
      reopens: evaluation.score <= REOPENING_SCORE,
    };
  }
}
