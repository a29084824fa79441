import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { ConflictError, NotFoundError } from '@legal/http';
import { DataSource, In } from 'typeorm';
import { assertCanSee } from '../common/access';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { findVisibleWorkOrder } from '../work-orders/visible-work-order';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import type { RelationDto } from './dto/relation.dto';
import { PossibleRelationEntity } from './entities/possible-relation.entity';

function canSee(user: AuthUser, wo: Parameters<typeof assertCanSee>[1]): boolean {
  try {
    assertCanSee(user, wo);
    return true;
  } catch {
    return false;
  }
}

/** "Possibly related" work orders: listed with a work order, confirmed or dismissed by a person. */
@Injectable()
export class RelationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: WorkOrderRecorder,
  ) {}

  async list(user: AuthUser, code: string): Promise<RelationDto[]> {
    const manager = this.dataSource.manager;
    const wo = await findVisibleWorkOrder(manager, user, code);
    const rows = await manager.find(PossibleRelationEntity, {
      where: [{ workOrderId: wo.id }, { relatedWorkOrderId: wo.id }],
      order: { createdAt: 'ASC' },
    });
    const ids = [...new Set(rows.flatMap((r) => [r.workOrderId, r.relatedWorkOrderId]))];
    const others = await manager.find(WorkOrderEntity, {
      where: { id: In(ids) },
      select: {
        id: true,
        caseCode: true,
        regionCode: true,
        organisationId: true,
        complaintAgainstOrganisationId: true,
      },
    });
    // Only relations to work orders the caller may see themselves: a related work order in another
    // area is not named to them (issue 13: jurisdiction on every route that takes an id).
    const visible = new Map(others.filter((w) => w.id === wo.id || canSee(user, w)).map((w) => [w.id, w.caseCode]));
    return rows.flatMap((r) => {
      const otherId = r.workOrderId === wo.id ? r.relatedWorkOrderId : r.workOrderId;
      if (!visible.has(otherId)) return [];
      return [
        {
          id: r.id,
          caseCode: wo.caseCode,
          relatedCaseCode: visible.get(otherId) ?? otherId,
          reason: r.reason,
          score: r.score,
          status: r.status,
          decidedBy: r.decidedBy,
          createdAt: r.createdAt.toISOString(),
        },
      ];
    });
  }

  /** Confirms or dismisses a pending relation; a confirmation goes on the timeline of both work orders. */
  async decide(
    user: AuthUser,
    id: string,
    status: 'confirmed' | 'dismissed',
    note: string | undefined,
  ): Promise<RelationDto> {
    return this.dataSource.transaction(async (manager) => {
      const relation = await manager.findOne(PossibleRelationEntity, { where: { id } });
      if (!relation) throw new NotFoundError('Relation', id);
      const [first, second] = [relation.workOrderId, relation.relatedWorkOrderId].sort();
      const a = await lockWorkOrder(manager, first);
      const b = await lockWorkOrder(manager, second);
      if (!a || !b) throw new NotFoundError('Relation', id);
      // Deciding writes both timelines: the caller must see both work orders.
      assertCanSee(user, a);
      assertCanSee(user, b);
      const locked = await manager.findOneOrFail(PossibleRelationEntity, { where: { id } });
      if (locked.status !== 'pending')
        throw new ConflictError('relation-decided', `Relation ${id} is already ${locked.status}`);
      locked.status = status;
      locked.decidedBy = user.subject.slice(0, 64);
      locked.decidedAt = new Date();
      await manager.save(PossibleRelationEntity, locked);
      const actor = { role: user.roles[0] ?? 'staff', id: user.subject };
      if (status === 'confirmed') {
        for (const [self, other] of [
          [a, b],
          [b, a],
        ] as const) {
          await this.recorder.record(manager, self, {
            action: 'relation-confirmed',
            actor,
            note: `related to ${other.caseCode} (${locked.reason})${note ? `: ${note}` : ''}`,
            data: { relationId: id, relatedCaseCode: other.caseCode },
          });
        }
      }
      const self = locked.workOrderId === a.id ? a : b;
      const other = self === a ? b : a;
      return {
        id,
        caseCode: self.caseCode,
        relatedCaseCode: other.caseCode,
        reason: locked.reason,
        score: locked.score,
        status: locked.status,
        decidedBy: locked.decidedBy,
        createdAt: locked.createdAt.toISOString(),
      };
    });
  }
}
