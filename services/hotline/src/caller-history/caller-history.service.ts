import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import { maskPhone } from '@legal/domain';
import { toWorkOrderViewResponse, WorkOrderViewService } from '@legal/platform-kit';
import type { WorkOrderViewPage } from '@legal/platform-kit';
import { CallbacksService } from '../callbacks/callbacks.service';
import { regionCondition } from '../common/jurisdiction';
import { CallbackTaskResponseDto } from '../callbacks/dto/callback-task-response.dto';
import { toCallResponse } from '../calls/call-response.mapper';
import { CallsService } from '../calls/calls.service';
import type { CallerHistoryResponseDto } from './dto/caller-history-response.dto';

/**
 * Caller history: by the keyed hash of a phone number, every request of that citizen on any
 * platform (the work-order read model), the hotline's own calls, and the callbacks owed.
 */
@Injectable()
export class CallerHistoryService {
  constructor(
    private readonly views: WorkOrderViewService,
    private readonly calls: CallsService,
    private readonly callbacks: CallbacksService,
  ) {}

  async forPhone(phone: string, limit: number, offset: number, agent: AuthUser): Promise<CallerHistoryResponseDto> {
    const caller = { phoneHash: this.calls.phoneHash(phone), phoneMasked: maskPhone(phone) };
    return this.forHash(caller, { limit, offset }, agent);
  }

  /** The history of whoever made a logged call, without the agent typing the number again. */
  async forCall(callId: string, limit: number, offset: number, agent: AuthUser): Promise<CallerHistoryResponseDto> {
    const call = await this.calls.getFor(callId, agent);
    const caller = { phoneHash: call.callerPhoneHash, phoneMasked: call.callerPhoneMasked };
    return this.forHash(caller, { limit, offset }, agent);
  }

  /**
   * The caller's work orders on every platform that lie in the agent's jurisdiction (by the work
   * order's region): a city supervisor never sees the rest of the province's history and notes.
   */
  private workOrdersInScope(
    phoneHash: string,
    limit: number,
    offset: number,
    agent: AuthUser,
  ): Promise<WorkOrderViewPage> {
    const region = regionCondition(agent, 'v.region_code');
    return this.views.search({ limit, offset, viewer: agent }, (qb) =>
      qb.andWhere('v.phone_hash = :phoneHash', { phoneHash }).andWhere(region.sql, region.params),
    );
  }

  private async forHash(
    { phoneHash, phoneMasked }: { phoneHash: string; phoneMasked: string },
    { limit, offset }: { limit: number; offset: number },
    agent: AuthUser,
    now = new Date(),
  ): Promise<CallerHistoryResponseDto> {
    const [workOrders, calls] = await Promise.all([
      this.workOrdersInScope(phoneHash, limit, offset, agent),
      this.calls.listByPhoneHash(phoneHash, limit, offset, agent),
    ]);
    const tasks = await this.callbacks.forCaller(
      workOrders.items.map((v) => v.workOrderId),
      phoneHash,
      agent,
    );
    return {
      phoneMasked,
      workOrders: {
        items: workOrders.items.map((v) => toWorkOrderViewResponse(v, { kind: 'staff', user: agent }, { now })),
        total: workOrders.total,
      },
      calls: { items: calls.items.map(toCallResponse), total: calls.total },
      callbackTasks: tasks.map((t) => CallbackTaskResponseDto.from(t, now)),
      limit,
      offset,
    };
  }
}
