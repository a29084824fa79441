import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { WorkOrderTransferredTo12345 } from '@legal/contracts';
import type { EventData, WorkOrderStatus } from '@legal/contracts';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { PiiProtector } from '@legal/privacy';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanSee } from '../common/access';
import type { Actor } from '../common/actor';
import { OfferService, OfferTarget } from '../offers/offer.service';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { LoadCounterService } from '../routing/load-counter.service';
import { DeadlineService } from '../sla/deadline.service';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { assertTransition, canTransition, TERMINAL_STATUSES } from '../work-orders/work-order-lifecycle';
import { unsealApplicant } from '../work-orders/applicant-sealing';
import { lockWorkOrderByCode } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import type {
  EscalateDto,
  ExtendDeadlineDto,
  ReassignDto,
  ResolveSupervisionOrderDto,
  TransferOutDto,
} from './dto/supervisor-actions.dto';

/** The timeline action of a 12348 matter transferred out to the 12345 hotline (the work order closes). */
export const TRANSFERRED_TO_12345 = 'transferred-to-12345';
import type { WorkOrderActionResultDto } from '../work-orders/dto/work-order-action-result.dto';
import { SupervisionService } from './supervision.service';
import { Coverage12345Projection } from './coverage-12345.projection';

/** Supervisor actions: reassign, escalate with a 督办 and resolve it, cancel, close, reject, extend a deadline. Each in one transaction; a refused action changes nothing. */
@Injectable()
export class SupervisorActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: WorkOrderRecorder,
    private readonly offers: OfferService,
    private readonly deadlines: DeadlineService,
    private readonly supervision: SupervisionService,
    private readonly loads: LoadCounterService,
    private readonly outbox: Outbox,
    private readonly pii: PiiProtector,
  ) {}

  reassign(user: AuthUser, code: string, dto: ReassignDto): Promise<WorkOrderActionResultDto> {
    return this.act(user, code, async (manager, wo, actor) => {
      if (!dto.organisationId && dto.staffId)
        throw new InvalidInputError([
          { field: 'staffId', messages: ['staffId needs organisationId'], codes: ['requires:organisationId'] },
        ]);
      assertTransition(wo.caseCode, wo.status, 'offered');
      const target = dto.organisationId ? await this.target(manager, wo, dto.organisationId, dto.staffId) : undefined;
      const current = wo.organisationId;
      await this.offers.withdrawCurrent(manager, wo, 'reassigned');
      wo.offerFailures = 0;
      if (target) {
        await this.offers.offerTo(manager, wo, target, { trigger: 'reassign', actor, reason: dto.reason });
      } else {
        await this.offers.routeAndOffer(manager, wo, {
          trigger: 'reassign',
          actor,
          note: `Reassigned by a supervisor: ${dto.reason}.`,
          excludeOrganisations: current ? { [current]: `reassigned away by a supervisor: ${dto.reason}` } : {},
        });
      }
      return {};
    });
  }

  escalate(user: AuthUser, code: string, dto: EscalateDto): Promise<WorkOrderActionResultDto> {
    return this.act(user, code, async (manager, wo, actor) => {
      if (TERMINAL_STATUSES.includes(wo.status))
        throw new ConflictError(
          'illegal-transition',
          `Work order ${wo.caseCode} is ${wo.status}; it cannot be escalated`,
        );
      if (dto.organisationId && !(await manager.findOne(OrganisationEntity, { where: { id: dto.organisationId } }))) {
        throw new InvalidInputError([
          {
            field: 'organisationId',
            messages: [`organisation ${dto.organisationId} does not exist`],
            codes: ['exists'],
          },
        ]);
      }
      const order = await this.supervision.escalate(manager, wo, {
        kind: 'supervision-order',
        reason: dto.reason,
        actor,
        organisationId: dto.organisationId,
        dueInDays: dto.dueInDays,
      });
      return { supervisionOrderId: order.id };
    });
  }

  resolveSupervisionOrder(
    user: AuthUser,
    code: string,
    orderId: string,
    dto: ResolveSupervisionOrderDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.act(user, code, async (manager, wo, actor) => {
      const order = await this.supervision.resolve(manager, wo, { orderId, resolution: dto.resolution, actor });
      return { supervisionOrderId: order.id };
    });
  }

  cancel(user: AuthUser, code: string, reason: string): Promise<WorkOrderActionResultDto> {
    return this.end(user, code, 'cancelled', reason);
  }

  close(user: AuthUser, code: string, reason: string): Promise<WorkOrderActionResultDto> {
    return this.end(user, code, 'closed', reason);
  }

  /**
   * 12348 → 12345: a matter that belongs to the 12345 government service hotline is transferred out. The
   * work order closes as transferred (offers withdrawn, clocks cancelled); the timeline step
   * `transferred-to-12345` carries the summary for 12345 and is shown to the citizen; identity puts it on
   * the 12345 partner's feed. A work order that cannot close from its status (offered, accepted, in
   * progress ...) is first taken back into the supervisor queue, a step of its own on the timeline; a
   * terminal one answers 409 illegal-transition. When no active 12345 client covers the matter's region (identity's
   * coverage, projected), 409 no-12345-coverage and nothing changes. The handover for identity
   * (legal.workorder.transferred-out.v1) follows the closing change in the same transaction; it carries the caller's
   * name and phone, sealed for identity, only when the caller consented to 12345's callback.
   */
  transferTo12345(user: AuthUser, code: string, dto: TransferOutDto): Promise<WorkOrderActionResultDto> {
    return this.act(user, code, async (manager, wo, actor) => {
      if (TERMINAL_STATUSES.includes(wo.status)) assertTransition(wo.caseCode, wo.status, 'closed');
      if ((await Coverage12345Projection.covering(manager, wo.regionCode)).length === 0) {
        throw new ConflictError(
          'no-12345-coverage',
          `No active 12345 hotline client covers region ${wo.regionCode}: the matter would reach no one; nothing was changed`,
          { regionCode: wo.regionCode },
        );
      }
      const holder = { organisationId: wo.organisationId, staffId: wo.staffId };
      await this.offers.withdrawCurrent(manager, wo, 'cancelled');
      await this.deadlines.cancelAll(manager, wo, new Date());
      if (!canTransition(wo.status, 'closed')) {
        const why = 'taken back from its handler to transfer it to the 12345 hotline';
        await this.recorder.record(manager, wo, {
          action: 'sent-to-supervisor-queue',
          actor,
          toStatus: 'supervisor-queue',
          note: why,
        });
      }
      const note =
        `转至12345政务服务便民热线办理 (transferred to the 12345 hotline): ${dto.reason} — ${dto.summary}`.slice(
          0,
          2000,
        );
      await this.recorder.record(manager, wo, {
        action: TRANSFERRED_TO_12345,
        actor,
        toStatus: 'closed',
        note,
        data: { reason: dto.reason, ...(dto.callerConsent ? { callerConsent: dto.callerConsent.given } : {}) },
      });
      await this.outbox.publish(manager, WorkOrderTransferredTo12345, this.handover(wo, dto, note), {
        subject: wo.id,
      });
      await this.loads.refresh(manager, holder.organisationId, holder.staffId);
      return {};
    });
  }

  /** What identity tells 12345: the matter, the consent as given, and the contact only with consent. */
  private handover(
    wo: WorkOrderEntity,
    dto: TransferOutDto,
    summary: string,
  ): EventData<typeof WorkOrderTransferredTo12345> {
    const consent = dto.callerConsent;
    const applicant = consent?.given ? unsealApplicant(this.pii, wo.applicantSealed) : {};
    const caller = {
      ...(applicant.name ? { name: applicant.name.slice(0, 100) } : {}),
      ...(applicant.phone ? { phone: applicant.phone } : {}),
    };
    return {
      workOrderId: wo.id,
      caseCode: wo.caseCode,
      status: wo.status,
      serviceType: wo.serviceType,
      regionCode: wo.regionCode,
      summary,
      transferredAt: new Date().toISOString(),
      ...(consent
        ? {
            consent: {
              given: consent.given,
              obtainedAt: new Date(consent.obtainedAt).toISOString(),
              method: consent.method,
            },
          }
        : {}),
      ...(Object.keys(caller).length > 0 ? { caller } : {}),
    };
  }

  reject(user: AuthUser, code: string, reason: string): Promise<WorkOrderActionResultDto> {
    return this.end(user, code, 'rejected', reason);
  }

  extendDeadline(
    user: AuthUser,
    code: string,
    kind: string,
    dto: ExtendDeadlineDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.act(user, code, async (manager, wo, actor) => {
      const deadline = await this.deadlines.extend(manager, wo, { kind, units: dto.units, reason: dto.reason, actor });
      await this.recorder.record(manager, wo, {
        action: 'deadline-extended',
        actor,
        note: `${kind} extended by ${dto.units}: ${dto.reason}; now due ${deadline.dueAt.toISOString()}`,
        data: { kind, units: dto.units, dueAt: deadline.dueAt.toISOString() },
      });
      return {};
    });
  }

  private end(
    user: AuthUser,
    code: string,
    to: Extract<WorkOrderStatus, 'cancelled' | 'closed' | 'rejected'>,
    reason: string,
  ): Promise<WorkOrderActionResultDto> {
    return this.act(user, code, async (manager, wo, actor) => {
      assertTransition(wo.caseCode, wo.status, to);
      const holder = { organisationId: wo.organisationId, staffId: wo.staffId };
      await this.offers.withdrawCurrent(manager, wo, 'cancelled');
      await this.deadlines.cancelAll(manager, wo, new Date());
      await this.recorder.record(manager, wo, { action: to, actor, toStatus: to, note: reason });
      await this.loads.refresh(manager, holder.organisationId, holder.staffId);
      return {};
    });
  }

  private async target(
    manager: EntityManager,
    wo: WorkOrderEntity,
    organisationId: string,
    staffId: string | undefined,
  ): Promise<OfferTarget> {
    const checked = await this.offers.checkTarget(manager, wo, organisationId, staffId);
    if ('problems' in checked) throw new InvalidInputError(checked.problems);
    return checked.target;
  }

  private async act(
    user: AuthUser,
    code: string,
    action: (manager: EntityManager, wo: WorkOrderEntity, actor: Actor) => Promise<{ supervisionOrderId?: string }>,
  ): Promise<WorkOrderActionResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const wo = await lockWorkOrderByCode(manager, code);
      if (!wo) throw new NotFoundError('Work order', code);
      assertCanSee(user, wo);
      const actor: Actor = {
        role: user.roles.includes('supervisor') ? 'supervisor' : (user.roles[0] ?? 'staff'),
        id: user.subject,
      };
      const extra = await action(manager, wo, actor);
      return {
        caseCode: wo.caseCode,
        status: wo.status,
        version: wo.version,
        organisationId: wo.organisationId,
        ...extra,
      };
    });
  }
}
