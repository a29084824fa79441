import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inJurisdiction } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { ReferralAccepted } from '@legal/contracts';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { staffMaySeeWorkOrder, WorkOrderViewService } from '@legal/platform-kit';
import { DataSource, EntityManager } from 'typeorm';
import { clerkOrganisation, OutsideJurisdictionError } from '../common/clerk-organisation';
import { regionOfOrganisationId } from './coordinating-level';
import type { ReferralCreateDto, ReferralRejectDto } from './dto/referral-create.dto';
import type { ReferralQueryDto } from './dto/referral-query.dto';
import { Referral } from './entities/referral.entity';
import { ReferralChainService } from './referral-chain.service';
import { referralEventBase } from './referral-events';

const CLOSED_WORK_ORDER = new Set(['closed', 'cancelled', 'merged', 'rejected']);

/** Referral (转介) at the counter: raise, answer (accept / reject → coordinating level), follow the chain. */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger(ReferralsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: WorkOrderViewService,
    private readonly chain: ReferralChainService,
    private readonly outbox: Outbox,
  ) {}

  async create(input: ReferralCreateDto, clerk: AuthUser, now = new Date()): Promise<Referral> {
    const fromOrganisationId = clerkOrganisation(clerk);
    const toRegionCode = input.toRegionCode ?? regionOfOrganisationId(input.toOrganisationId);
    if (!toRegionCode) {
      throw new InvalidInputError([
        {
          field: 'toRegionCode',
          messages: ['toRegionCode is required when toOrganisationId does not name its region'],
          codes: ['isRegionCode'],
        },
      ]);
    }
    if (input.toOrganisationId === fromOrganisationId) {
      throw new InvalidInputError([
        {
          field: 'toOrganisationId',
          messages: ['a matter cannot be referred to your own organisation'],
          codes: ['notOwnOrganisation'],
        },
      ]);
    }
    const view = await this.views.findByCodeForStaff(input.caseCode, clerk);
    if (!view) throw new NotFoundError('Work order', input.caseCode);
    if (!inJurisdiction(clerk, view.regionCode) && view.organisationId !== fromOrganisationId)
      throw new OutsideJurisdictionError(`Case ${input.caseCode}`);
    if (CLOSED_WORK_ORDER.has(view.status)) {
      throw new ConflictError('work-order-closed', `Case ${input.caseCode} is ${view.status} and cannot be referred`, {
        workOrderStatus: view.status,
      });
    }
    return this.dataSource.transaction((manager) =>
      this.chain.open(
        manager,
        {
          workOrderId: view.workOrderId,
          caseCode: view.caseCode,
          workOrderRegionCode: view.regionCode,
          fromOrganisationId,
          toOrganisationId: input.toOrganisationId,
          toRegionCode,
          reason: input.reason,
          requestedBy: clerk.subject,
          escalatedFromId: null,
        },
        now,
      ),
    );
  }

  async accept(id: string, clerk: AuthUser, now = new Date()): Promise<Referral> {
    return this.dataSource.transaction(async (manager) => {
      const referral = await this.pendingForReceiver(manager, id, clerk);
      referral.status = 'accepted';
      referral.answeredBy = clerk.subject;
      referral.answeredAt = now;
      await manager.save(referral);
      await this.outbox.publish(manager, ReferralAccepted, referralEventBase(referral, now, clerk.subject), {
        subject: referral.workOrderId,
      });
      this.logger.log({ referralId: id, organisationId: referral.toOrganisationId }, 'referral accepted');
      return referral;
    });
  }

  /** Rejects and hands the matter to the coordinating level; answers with the new link. */
  async reject(
    id: string,
    input: ReferralRejectDto,
    clerk: AuthUser,
    now = new Date(),
  ): Promise<{ rejected: Referral; escalated: Referral }> {
    return this.dataSource.transaction(async (manager) => {
      const referral = await this.pendingForReceiver(manager, id, clerk);
      const rejection = { how: 'rejected' as const, reason: input.reason, actorId: clerk.subject, now };
      const escalated = await this.chain.escalate(manager, referral, rejection);
      return { rejected: referral, escalated };
    });
  }

  async get(id: string, clerk: AuthUser): Promise<Referral> {
    const referral = await this.dataSource.getRepository(Referral).findOneBy({ id });
    if (!referral) throw new NotFoundError('Referral', id);
    if (!this.maySee(referral, clerk)) throw new OutsideJurisdictionError(`Referral ${id}`);
    return referral;
  }

  async list(query: ReferralQueryDto, clerk: AuthUser): Promise<{ items: Referral[]; total: number }> {
    const qb = this.dataSource.getRepository(Referral).createQueryBuilder('r');
    if (query.caseCode) {
      await this.assertMaySeeCase(query.caseCode, clerk);
      qb.where('r.caseCode = :caseCode', { caseCode: query.caseCode });
    } else {
      const organisationId = clerkOrganisation(clerk);
      qb.where(
        query.direction === 'outgoing'
          ? 'r.fromOrganisationId = :organisationId'
          : 'r.toOrganisationId = :organisationId',
        { organisationId },
      );
    }
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const order = query.caseCode ? 'ASC' : 'DESC';
    const [items, total] = await qb
      .orderBy('r.createdAt', order)
      .addOrderBy('r.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** A case's chain is visible within the clerk's jurisdiction and to every organisation on it. */
  private async assertMaySeeCase(caseCode: string, clerk: AuthUser): Promise<void> {
    const repo = this.dataSource.getRepository(Referral);
    const view = await this.views.findByCode(caseCode);
    // A complaint about the clerk's organisation does not exist for the clerk (issue 13 finding 7).
    if (view && !staffMaySeeWorkOrder(clerk, view)) throw new NotFoundError('Work order', caseCode);
    const region = view?.regionCode ?? (await repo.findOneBy({ caseCode }))?.workOrderRegionCode;
    if (!region) throw new NotFoundError('Work order', caseCode);
    if (inJurisdiction(clerk, region)) return;
    const org = clerk.organisationId;
    const involved = org
      ? await repo.exists({
          where: [
            { caseCode, fromOrganisationId: org },
            { caseCode, toOrganisationId: org },
            { caseCode, coordinatingOrganisationId: org },
          ],
        })
      : false;
    if (!involved) throw new OutsideJurisdictionError(`Case ${caseCode}`);
  }

  private maySee(referral: Referral, clerk: AuthUser): boolean {
    const org = clerk.organisationId;
    if (
      org &&
      [referral.fromOrganisationId, referral.toOrganisationId, referral.coordinatingOrganisationId].includes(org)
    )
      return true;
    return inJurisdiction(clerk, referral.workOrderRegionCode);
  }

  private async pendingForReceiver(manager: EntityManager, id: string, clerk: AuthUser): Promise<Referral> {
    const organisationId = clerkOrganisation(clerk);
    const referral = await manager.findOne(Referral, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!referral) throw new NotFoundError('Referral', id);
    if (referral.toOrganisationId !== organisationId) {
      throw new DomainError(
        'not-the-receiver',
        `Only ${referral.toOrganisationId} can answer this referral`,
        HttpStatus.FORBIDDEN,
      );
    }
    if (referral.status !== 'pending') {
      throw new ConflictError('referral-answered', `Referral ${id} is already ${referral.status}`, {
        referralStatus: referral.status,
      });
    }
    return referral;
  }
}
