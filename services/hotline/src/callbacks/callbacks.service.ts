import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { CallbackCompleted } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import { ConflictError, NotFoundError } from '@legal/http';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CallbackTaskCompleteDto } from './dto/callback-task-complete.dto';
import type { CallbackTaskQueryDto } from './dto/callback-task-query.dto';
import { assertMayRead, regionCondition } from '../common/jurisdiction';
import { CallbackTask } from './entities/callback-task.entity';

/**
 * Where a task belongs: the work order's region; a task raised before the read model knew the work order
 * (an overdue deadline first) has none yet, so the case code's county prefix (371324-20261128-…) stands in.
 */
const TASK_REGION = "COALESCE(t.region_code, split_part(t.case_code, '-', 1))";
function taskRegion(task: CallbackTask): string {
  return task.regionCode ?? task.caseCode.split('-')[0] ?? '';
}

/** Who completed a callback task, with what outcome and note, and when. */
interface TaskCompletion {
  agentId: string;
  outcome: string;
  note: string | null;
  at: Date;
}

/** The live task of a work order for `reason` is completed by `agentId` (default time: now). */
export interface LiveTaskCompletion {
  workOrderId: string;
  reason: CallbackTask['reason'];
  agentId: string;
  outcome: string;
  at?: Date;
}

/** The hotline callback queue: list, claim (one agent at a time), release, complete. */
@Injectable()
export class CallbacksService {
  private readonly logger = new Logger(CallbacksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async list(
    query: CallbackTaskQueryDto,
    agent: AuthUser,
    now = new Date(),
  ): Promise<{ items: CallbackTask[]; total: number }> {
    const qb = this.dataSource.getRepository(CallbackTask).createQueryBuilder('t');
    qb.where('t.status IN (:...statuses)', {
      statuses: query.status && query.status.length > 0 ? query.status : ['open', 'claimed'],
    });
    const region = regionCondition(agent, TASK_REGION);
    qb.andWhere(region.sql, region.params);
    if (query.reason && query.reason.length > 0) qb.andWhere('t.reason IN (:...reasons)', { reasons: query.reason });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? 't.dueAt < :now' : 't.dueAt >= :now', { now });
    if (query.claimedBy)
      qb.andWhere('t.claimedBy = :claimedBy', {
        claimedBy: query.claimedBy === 'me' ? agent.subject : query.claimedBy,
      });
    if (query.caseCode) qb.andWhere('t.caseCode = :caseCode', { caseCode: query.caseCode });
    const [items, total] = await qb
      .orderBy('t.dueAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<CallbackTask> {
    const task = await this.dataSource.getRepository(CallbackTask).findOneBy({ id });
    if (!task) throw new NotFoundError('Callback task', id);
    return task;
  }

  /** A task the agent may see: in their jurisdiction (by the work order's region; 403 otherwise). */
  async getFor(id: string, agent: AuthUser): Promise<CallbackTask> {
    const task = await this.get(id);
    assertMayRead(agent, taskRegion(task), `Callback task ${id}`);
    return task;
  }

  /** Tasks of these work orders or this phone (caller history) in the agent's jurisdiction, newest first. */
  async forCaller(workOrderIds: string[], phoneHash: string, agent: AuthUser): Promise<CallbackTask[]> {
    const region = regionCondition(agent, TASK_REGION);
    const qb = this.dataSource.getRepository(CallbackTask).createQueryBuilder('t');
    if (workOrderIds.length > 0)
      qb.where('(t.workOrderId IN (:...workOrderIds) OR t.phoneHash = :phoneHash)', { workOrderIds, phoneHash });
    else qb.where('t.phoneHash = :phoneHash', { phoneHash });
    return qb.andWhere(region.sql, region.params).orderBy('t.createdAt', 'DESC').take(200).getMany();
  }

  /** Takes the task for this agent; claiming one's own task again is harmless. */
  async claim(id: string, agent: AuthUser, now = new Date()): Promise<CallbackTask> {
    await this.getFor(id, agent);
    const result = await this.dataSource
      .createQueryBuilder()
      .update(CallbackTask)
      .set({ status: 'claimed', claimedBy: agent.subject, claimedAt: now })
      .where("id = :id AND (status = 'open' OR (status = 'claimed' AND claimed_by = :me))", { id, me: agent.subject })
      .execute();
    const task = await this.get(id);
    if (!result.affected) throw this.cannotTouch(task, agent);
    this.logger.log({ taskId: id, agentId: agent.subject }, 'callback claimed');
    return task;
  }

  /** Gives a claimed task back to the queue (e.g. the agent's shift ends). */
  async release(id: string, agent: AuthUser): Promise<CallbackTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockedMine(manager, id, agent);
      task.status = 'open';
      task.claimedBy = null;
      task.claimedAt = null;
      await manager.save(task);
      this.logger.log({ taskId: id, agentId: agent.subject }, 'callback released');
      return task;
    });
  }

  async complete(id: string, input: CallbackTaskCompleteDto, agent: AuthUser, now = new Date()): Promise<CallbackTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockedMine(manager, id, agent);
      const completion = { agentId: agent.subject, outcome: input.outcome, note: input.note ?? null, at: now };
      return this.finish(manager, task, completion);
    });
  }

  /** Completes the live task of a work order for `reason`, if any (e.g. an evaluation recorded on the phone). */
  async completeLive(manager: EntityManager, live: LiveTaskCompletion): Promise<void> {
    const { workOrderId, reason, agentId, outcome, at = new Date() } = live;
    const where = { workOrderId, reason, status: In(['open', 'claimed']) };
    const task = await manager.findOne(CallbackTask, { where, lock: { mode: 'pessimistic_write' } });
    if (task) await this.finish(manager, task, { agentId, outcome, note: null, at });
  }

  private async finish(manager: EntityManager, task: CallbackTask, completion: TaskCompletion): Promise<CallbackTask> {
    const { agentId, outcome, note, at } = completion;
    task.status = 'completed';
    task.completedBy = agentId;
    task.completedAt = at;
    task.outcome = outcome;
    task.note = note;
    await manager.save(task);
    // For oversight's callback timeliness: codes and times only, in the completion's transaction.
    await this.outbox.publish(
      manager,
      CallbackCompleted,
      {
        callbackId: task.id,
        workOrderId: task.workOrderId,
        caseCode: task.caseCode,
        reason: task.reason,
        raisedAt: task.createdAt.toISOString(),
        dueAt: task.dueAt.toISOString(),
        completedAt: at.toISOString(),
        outcome,
      },
      { subject: task.workOrderId },
    );
    this.logger.log({ taskId: task.id, agentId, outcome }, 'callback completed');
    return task;
  }

  private async lockedMine(manager: EntityManager, id: string, agent: AuthUser): Promise<CallbackTask> {
    const task = await manager.findOne(CallbackTask, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task) throw new NotFoundError('Callback task', id);
    assertMayRead(agent, taskRegion(task), `Callback task ${id}`);
    const supervisor = agent.roles.includes('supervisor');
    if (task.status !== 'claimed' || (task.claimedBy !== agent.subject && !supervisor))
      throw this.cannotTouch(task, agent);
    return task;
  }

  private cannotTouch(task: CallbackTask, agent: AuthUser): ConflictError {
    if (task.status === 'completed' || task.status === 'cancelled') {
      return new ConflictError('callback-closed', `Callback task ${task.id} is already ${task.status}`, {
        taskStatus: task.status,
      });
    }
    if (task.status === 'claimed' && task.claimedBy !== agent.subject) {
      return new ConflictError('callback-claimed-by-another', `Callback task ${task.id} was claimed by another agent`, {
        claimedBy: task.claimedBy,
      });
    }
    return new ConflictError(
      'callback-not-claimed',
      `Claim callback task ${task.id} before completing or releasing it`,
      { taskStatus: task.status },
    );
  }
}
