import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import type { Deadline, EventData, WorkOrderChanged } from '@legal/contracts';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { TimelineEntry, WorkOrderView } from './work-order-view.entity';
import { staffMaySeeWorkOrder } from './work-order-view.mapper';
import type { PageRequest, WorkOrderViewPage, WorkOrderViewSearch } from './work-order-view.query';

export type WorkOrderChangeListener = (
  view: WorkOrderView,
  previousStatus: string | undefined,
  manager: EntityManager,
) => Promise<void>;

type ChangedData = EventData<typeof WorkOrderChanged>;

const MAX_PAGE = 200;

/** The columns of a stored view that applying a change reads. */
interface StoredHead {
  workOrderId: string;
  version: number;
  status: string;
  timeline: TimelineEntry[];
}

function viewTable(manager: EntityManager): string {
  const metadata = manager.connection.getMetadata(WorkOrderView);
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema}"."${metadata.tableName}"`;
}

/** TypeORM's raw query answers `[rows, count]` for some statements and plain rows for others. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}

function nextDue(deadlines: Deadline[]): Date | null {
  const running = deadlines
    .filter((d) => d.status === 'running')
    .map((d) => Date.parse(d.dueAt))
    .filter(Number.isFinite);
  return running.length === 0 ? null : new Date(Math.min(...running));
}

function mergeEntry(timeline: TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  if (timeline.some((e) => e.seq === entry.seq)) return timeline;
  return [...timeline, entry].sort((a, b) => a.seq - b.seq);
}

function clampPage(page: PageRequest): PageRequest {
  return {
    limit: Math.min(Math.max(1, Math.trunc(page.limit)), MAX_PAGE),
    offset: Math.max(0, Math.trunc(page.offset)),
  };
}

/**
 * This platform's read model of work orders, fed by `workorder.changed`. Applying is idempotent
 * (a timeline entry is kept once, by seq) and ordered (an older version never overwrites a newer one).
 */
@Injectable()
export class WorkOrderViewService {
  private readonly logger = new Logger(WorkOrderViewService.name);
  private readonly listeners: WorkOrderChangeListener[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo(): Repository<WorkOrderView> {
    return this.dataSource.getRepository(WorkOrderView);
  }

  /** Runs after every applied change, in the same transaction (e.g. the hotline creates callback tasks). */
  onChange(listener: WorkOrderChangeListener): void {
    this.listeners.push(listener);
  }

  async findByCode(caseCode: string): Promise<WorkOrderView | null> {
    return this.repo.findOneBy({ caseCode });
  }

  /**
   * A work order as a staff member may look it up: null (the caller answers 404) for a complaint about
   * the caller's own organisation, as if it did not exist. Jurisdiction is still the caller's to check.
   */
  async findByCodeForStaff(caseCode: string, user: AuthUser): Promise<WorkOrderView | null> {
    const view = await this.findByCode(caseCode);
    return view && staffMaySeeWorkOrder(user, view) ? view : null;
  }

  async findById(workOrderId: string): Promise<WorkOrderView | null> {
    return this.repo.findOneBy({ workOrderId });
  }

  async listByPhoneHash(phoneHash: string, page: PageRequest): Promise<WorkOrderViewPage> {
    return this.search({ ...page }, (qb) => qb.andWhere('v.phone_hash = :phoneHash', { phoneHash }));
  }

  async listByCitizenUserId(citizenUserId: string, page: PageRequest): Promise<WorkOrderViewPage> {
    return this.search({ ...page }, (qb) => qb.andWhere('v.citizen_user_id = :citizenUserId', { citizenUserId }));
  }

  /** A citizen's work orders: signed in with this user id, or asked with this phone (either matches). */
  async listByCitizen(citizen: { userId?: string; phoneHash?: string }, page: PageRequest): Promise<WorkOrderViewPage> {
    if (!citizen.userId && !citizen.phoneHash) return { items: [], total: 0, ...clampPage(page) };
    return this.search({ ...page }, (qb) => {
      const clauses: string[] = [];
      if (citizen.userId) clauses.push('v.citizen_user_id = :userId');
      if (citizen.phoneHash) clauses.push('v.phone_hash = :phoneHash');
      return qb.andWhere(`(${clauses.join(' OR ')})`, { userId: citizen.userId, phoneHash: citizen.phoneHash });
    });
  }

  async search(
    filter: WorkOrderViewSearch,
    extra?: (qb: ReturnType<Repository<WorkOrderView>['createQueryBuilder']>) => unknown,
  ): Promise<WorkOrderViewPage> {
    const { limit, offset } = clampPage(filter);
    const qb = this.repo.createQueryBuilder('v');
    const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
    if (filter.status !== undefined) qb.andWhere('v.status IN (:...statuses)', { statuses: list(filter.status) });
    if (filter.serviceType !== undefined)
      qb.andWhere('v.service_type IN (:...serviceTypes)', { serviceTypes: list(filter.serviceType) });
    if (filter.regionPrefix)
      qb.andWhere("v.region_code LIKE :regionPrefix ESCAPE '\\'", {
        regionPrefix: `${filter.regionPrefix.replace(/[\\%_]/g, '\\$&')}%`,
      });
    if (filter.organisationIds !== undefined) {
      if (filter.organisationIds.length === 0) return { items: [], total: 0, limit, offset };
      qb.andWhere('v.organisation_id IN (:...organisationIds)', { organisationIds: filter.organisationIds });
    }
    if (filter.overdue !== undefined) {
      const now = filter.now ?? new Date();
      const overdue = '(v.deadline_breached OR (v.next_due_at IS NOT NULL AND v.next_due_at < :now))';
      qb.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { now });
    }
    if (filter.from) qb.andWhere('v.received_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('v.received_at < :to', { to: filter.to });
    const viewer = filter.viewer;
    if (viewer && !viewer.roles.includes('admin') && viewer.organisationId) {
      qb.andWhere(
        '(v.complaint_against_organisation_id IS NULL OR v.complaint_against_organisation_id <> :viewerOrganisation)',
        { viewerOrganisation: viewer.organisationId },
      );
    }
    extra?.(qb);
    const [items, total] = await qb
      .orderBy('v.receivedAt', 'DESC')
      .addOrderBy('v.workOrderId', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, limit, offset };
  }

  /**
   * @internal Applies one change through the consumer's transaction. Returns the view when this
   * change advanced it, undefined when it was older than what is stored (its entry is still kept).
   */
  async apply(
    manager: EntityManager,
    data: ChangedData,
    appliedAt: Date = new Date(),
  ): Promise<WorkOrderView | undefined> {
    const entry: TimelineEntry = { ...data.entry, status: data.status };
    // Only what applying needs, locked: the whole entity through TypeORM's query builder cost more than the rest.
    const [existing] = rowsOf<StoredHead>(
      await manager.query(
        `SELECT work_order_id AS "workOrderId", version, status, timeline FROM ${viewTable(manager)}
         WHERE work_order_id = $1 FOR UPDATE`,
        [data.workOrderId],
      ),
    );
    if (existing && existing.version >= data.version) {
      const merged = mergeEntry(existing.timeline, entry);
      if (merged !== existing.timeline)
        await manager.update(WorkOrderView, { workOrderId: existing.workOrderId }, { timeline: merged });
      this.logger.debug(
        { workOrderId: data.workOrderId, version: data.version, stored: existing.version },
        'older or repeated version ignored',
      );
      return undefined;
    }
    const previousStatus = existing?.status ?? data.previousStatus;
    const view = manager.create(WorkOrderView, {
      workOrderId: data.workOrderId,
      caseCode: data.caseCode,
      version: data.version,
      status: data.status,
      serviceType: data.serviceType,
      regionCode: data.regionCode,
      organisationId: data.organisationId ?? null,
      organisationName: data.organisationName ?? null,
      handler: data.handler ?? null,
      staffId: data.staffId ?? null,
      deadlines: data.deadlines,
      timeline: mergeEntry(existing?.timeline ?? [], entry),
      nextDueAt: nextDue(data.deadlines),
      deadlineBreached: data.deadlines.some((d) => d.status === 'breached'),
      phoneHash: data.citizen.phoneHash ?? null,
      phoneLast4: data.citizen.phoneLast4 ?? null,
      idCardHash: data.citizen.idCardHash ?? null,
      citizenUserId: data.citizen.userId ?? null,
      citizenDisplayName: data.citizen.displayName ?? null,
      accessCodeHash: data.citizen.accessCodeHash ?? null,
      platforms: data.platforms,
      originPlatform: data.originPlatform,
      relatedCaseCode: data.relatedCaseCode ?? null,
      complaintAgainstOrganisationId: data.complaintAgainstOrganisationId ?? null,
      receivedAt: new Date(data.receivedAt),
      updatedAt: new Date(data.entry.at),
      projectedAt: appliedAt,
    });
    // Insert or update as the lookup found it (save() would look the row up a second time).
    if (existing) {
      const { workOrderId, ...changes } = view;
      await manager.update(WorkOrderView, { workOrderId }, changes);
    } else {
      await manager.insert(WorkOrderView, view);
    }
    for (const listener of this.listeners) await listener(view, previousStatus, manager);
    return view;
  }
}
