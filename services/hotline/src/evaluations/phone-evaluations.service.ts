import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { EvaluationSubmitted } from '@legal/contracts';
import { ConflictError, NotFoundError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { WorkOrderViewService } from '@legal/platform-kit';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CallbacksService } from '../callbacks/callbacks.service';
import { assertMayRead } from '../common/jurisdiction';
import type { PhoneEvaluationCreateDto } from './dto/phone-evaluation-create.dto';
import { PhoneEvaluation } from './entities/phone-evaluation.entity';

/**
 * Satisfaction evaluation taken on the phone: recorded here, published as EvaluationSubmitted
 * (platform hotline) in the same transaction, and the evaluation-due callback is completed with it.
 */
@Injectable()
export class PhoneEvaluationsService {
  private readonly logger = new Logger(PhoneEvaluationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: WorkOrderViewService,
    private readonly outbox: Outbox,
    private readonly callbacks: CallbacksService,
  ) {}

  async record(input: PhoneEvaluationCreateDto, agent: AuthUser, now = new Date()): Promise<PhoneEvaluation> {
    const view = await this.views.findByCodeForStaff(input.caseCode, agent);
    if (!view) throw new NotFoundError('Work order', input.caseCode);
    assertMayRead(agent, view.regionCode, `Work order ${input.caseCode}`);
    if (view.status !== 'resolved') {
      throw new ConflictError(
        'work-order-not-resolved',
        `Work order ${input.caseCode} is ${view.status}; only a resolved work order can be evaluated`,
        { workOrderStatus: view.status },
      );
    }
    const evaluation = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PhoneEvaluation)
        .values({
          id: randomUUID(),
          workOrderId: view.workOrderId,
          caseCode: view.caseCode,
          score: input.score,
          comment: input.comment ?? null,
          agentId: agent.subject,
        })
        .orIgnore()
        .returning('*')
        .execute();
      const row = (inserted.raw as Record<string, unknown>[])[0];
      if (!row)
        throw new ConflictError(
          'already-evaluated',
          `Work order ${input.caseCode} was already evaluated on the hotline`,
        );
      const saved = await manager.findOneByOrFail(PhoneEvaluation, { workOrderId: view.workOrderId });
      await this.outbox.publish(
        manager,
        EvaluationSubmitted,
        {
          evaluationId: saved.id,
          workOrderId: saved.workOrderId,
          caseCode: saved.caseCode,
          score: saved.score,
          ...(saved.comment ? { comment: saved.comment } : {}),
          platform: 'hotline',
          submittedAt: saved.createdAt.toISOString(),
        },
        { subject: saved.workOrderId },
      );
      await this.callbacks.completeLive(manager, {
        workOrderId: saved.workOrderId,
        reason: 'evaluation-due',
        agentId: agent.subject,
        outcome: 'evaluation-recorded',
        at: now,
      });
      return saved;
    });
    this.logger.log(
      { workOrderId: evaluation.workOrderId, score: evaluation.score, agentId: agent.subject },
      'evaluation recorded on the phone',
    );
    return evaluation;
  }
}
