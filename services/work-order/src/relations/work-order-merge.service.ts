import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { normalizeCaseCode } from '@legal/domain';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanSee } from '../common/access';
import type { Actor } from '../common/actor';
import { OfferService } from '../offers/offer.service';
import { LoadCounterService } from '../routing/load-counter.service';
import { DeadlineService } from '../sla/deadline.service';
import type { WorkOrderActionResultDto } from '../work-orders/dto/work-order-action-result.dto';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { assertTransition, TERMINAL_STATUSES } from '../work-orders/work-order-lifecycle';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import type { MergeDto } from './dto/merge.dto';
import { PossibleRelationEntity } from './entities/possible-relation.entity';

/**
 * Merges a duplicate into the work order that carries on (合并): the duplicate's pending offer is
 * withdrawn and its clocks cancelled, it ends as `merged` pointing at the other, whose platforms grow
 * by the duplicate's; both timelines say so. Only work orders known to be about the same person (same
 * ID-card or phone hash, or a possible relation nobody dismissed) can be merged.
 */
@Injectable()
export class WorkOrderMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: WorkOrderRecorder,
    private readonly offers: OfferService,
    private readonly deadlines: DeadlineService,
    private readonly loads: LoadCounterService,
  ) {}

  merge(user: AuthUser, code: string, dto: MergeDto): Promise<WorkOrderActionResultDto> {
    // Validated by the DTO already; normalised to the stored form here.
    const intoCode = normalizeCaseCode(dto.intoCaseCode) ?? dto.intoCaseCode;
    if (intoCode === code)
      throw new InvalidInputError([
        { field: 'intoCaseCode', messages: ['a work order cannot be merged into itself'], codes: ['notSelf'] },
      ]);
    return this.dataSource.transaction(async (manager) => {
      const { source, target } = await this.lockPair(manager, code, intoCode);
      assertCanSee(user, source);
      assertCanSee(user, target);
      if (TERMINAL_STATUSES.includes(target.status))
        throw new ConflictError(
          'merge-target-ended',
          `Work order ${target.caseCode} is ${target.status}; merge into an open one`,
        );
      assertTransition(source.caseCode, source.status, 'merged');
      const relation = await this.relationBetween(manager, source, target);
      if (!relation && !samePerson(source, target)) {
        throw new ConflictError(
          'not-duplicates',
          `${source.caseCode} and ${target.caseCode} are not known to be about the same person (no shared ID card or phone, no possible relation)`,
        );
      }
      if (relation?.status === 'dismissed')
        throw new ConflictError(
          'not-duplicates',
          `The relation between ${source.caseCode} and ${target.caseCode} was dismissed by ${relation.decidedBy ?? 'staff'}`,
        );

      const actor: Actor = {
        role: user.roles.includes('supervisor') ? 'supervisor' : (user.roles[0] ?? 'staff'),
        id: user.subject,
      };
      const now = new Date();
      const holder = { organisationId: source.organisationId, staffId: source.staffId };
      if (relation && relation.status === 'pending') {
        await manager.update(
          PossibleRelationEntity,
          { id: relation.id },
          { status: 'confirmed', decidedBy: user.subject.slice(0, 64), decidedAt: now },
        );
      }
      await this.offers.withdrawPending(manager, source, 'cancelled');
      await this.deadlines.cancelAll(manager, source, now);
      source.mergedIntoId = target.id;
      await this.recorder.record(manager, source, {
        action: 'merged',
        actor,
        toStatus: 'merged',
        note: `merged into ${target.caseCode}: ${dto.reason}`,
        data: { intoCaseCode: target.caseCode },
      });
      target.platforms = [...new Set([...target.platforms, ...source.platforms])];
      target.vulnerableGroup ||= source.vulnerableGroup;
      await this.recorder.record(manager, target, {
        action: 'duplicate-merged',
        actor,
        note: `${source.caseCode} merged into this work order: ${dto.reason}`,
        data: { fromCaseCode: source.caseCode },
      });
      await this.loads.refresh(manager, holder.organisationId, holder.staffId);
      return {
        caseCode: source.caseCode,
        status: source.status,
        version: source.version,
        organisationId: source.organisationId,
        mergedIntoCaseCode: target.caseCode,
      };
    });
  }

  /** Both rows locked, in id order so two opposite merges cannot deadlock. */
  private async lockPair(
    manager: EntityManager,
    code: string,
    intoCode: string,
  ): Promise<{ source: WorkOrderEntity; target: WorkOrderEntity }> {
    const ids = await manager.find(WorkOrderEntity, {
      where: [{ caseCode: code }, { caseCode: intoCode }],
      select: { id: true, caseCode: true },
    });
    const sourceId = ids.find((w) => w.caseCode === code)?.id;
    const targetId = ids.find((w) => w.caseCode === intoCode)?.id;
    if (!sourceId) throw new NotFoundError('Work order', code);
    if (!targetId) throw new NotFoundError('Work order', intoCode);
    const locked = new Map<string, WorkOrderEntity>();
    for (const id of [sourceId, targetId].sort()) {
      const wo = await lockWorkOrder(manager, id);
      if (wo) locked.set(id, wo);
    }
    const source = locked.get(sourceId);
    const target = locked.get(targetId);
    if (!source || !target) throw new NotFoundError('Work order', source ? intoCode : code);
    return { source, target };
  }

  private async relationBetween(
    manager: EntityManager,
    a: WorkOrderEntity,
    b: WorkOrderEntity,
  ): Promise<PossibleRelationEntity | undefined> {
    const found = await manager.findOne(PossibleRelationEntity, {
      where: [
        { workOrderId: a.id, relatedWorkOrderId: b.id },
        { workOrderId: b.id, relatedWorkOrderId: a.id },
      ],
    });
    return found ?? undefined;
  }
}

function samePerson(a: WorkOrderEntity, b: WorkOrderEntity): boolean {
  return (
    (a.idCardHash !== null && a.idCardHash === b.idCardHash) || (a.phoneHash !== null && a.phoneHash === b.phoneHash)
  );
}
