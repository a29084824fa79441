import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import type { Deadline, EventData, WorkOrderChanged } from '@legal/contracts';
import { PreparedStatement } from '@legal/messaging';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { TimelineEntry, WorkOrderView } from './work-order-view.entity';
import { tableOf } from '../sql';
import { staffMaySeeWorkOrder } from './work-order-view.mapper';
import type { PageRequest, WorkOrderViewPage, WorkOrderViewSearch } from './work-order-view.query';

export type WorkOrderChangeListener = (
  view: WorkOrderView,
  previousStatus: string | undefined,
  manager: EntityManager,
) => Promise<void>;

type ChangedData = EventData<typeof WorkOrderChanged>;

const MAX_PAGE = 200;

/** What the applying statement answers: the stored row as it was (null when new) and how it was written. */
interface AppliedRow {
  storedVersion: number | null;
  storedStatus: string | null;
  /** True when the row was inserted, false when updated, null when nothing was written (a repeated entry). */
  inserted: boolean | null;
  timeline: TimelineEntry[] | null;
}

/**
 * The applying statement, built once per table (test instances differ by schema) and run as a named prepared
 * statement: PostgreSQL parses this long statement once per connection instead of once per change.
 */
const applyStatements = new Map<string, PreparedStatement<AppliedRow>>();

/**
 * Applies a change in one statement (issue 14; it was a locked SELECT, then TypeORM's update or insert, whose
 * query building led the platforms' profiles): `stored` locks and reads the row as it was; the upsert inserts
 * a new view, or on a newer version overwrites every column, and on any version merges the entry into the
 * timeline once, in seq order, inside PostgreSQL (the timeline no longer travels to Node and back). An older
 * or repeated version keeps every other column (the CASEs); a repeated entry of one writes nothing (WHERE).
 * The INSERT selects from `stored`, so the lock is taken before the upsert touches the row (a row the upsert had
 * already written would be skipped by FOR UPDATE); every part of one statement sees the same snapshot, so
 * `stored` is the row as it was before this change. `xmax = 0` tells an inserted row from an updated one.
 * Parameters: $1..$n the columns in metadata order, then the entry's seq.
 */
function applyStatement(manager: EntityManager, columns: readonly ColumnMetadata[]): PreparedStatement<AppliedRow> {
  const table = tableOf(manager, WorkOrderView);
  let statement = applyStatements.get(table);
  if (statement === undefined) {
    const name = (property: string): string => columns.find((c) => c.propertyName === property)!.databaseName;
    const key = name('workOrderId');
    const version = name('version');
    const status = name('status');
    const timeline = name('timeline');
    const seq = `$${columns.length + 1}::integer`;
    const hasEntry = `v."${timeline}" @> jsonb_build_array(jsonb_build_object('seq', ${seq}))`;
    const newer = `v."${version}" < EXCLUDED."${version}"`;
    const sets = columns
      .filter((c) => c.databaseName !== key && c.databaseName !== timeline)
      .map(
        (c) =>
          `"${c.databaseName}" = CASE WHEN ${newer} THEN EXCLUDED."${c.databaseName}" ELSE v."${c.databaseName}" END`,
      );
    const sql = `WITH stored AS (
        SELECT "${version}" AS version, "${status}" AS status FROM ${table} WHERE "${key}" = $1 FOR UPDATE
      ), written AS (
        INSERT INTO ${table} AS v (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
        SELECT ${columns.map((_, i) => `$${i + 1}`).join(', ')} FROM (SELECT) one LEFT JOIN stored ON TRUE
        ON CONFLICT ("${key}") DO UPDATE SET
          "${timeline}" = CASE WHEN ${hasEntry} THEN v."${timeline}" ELSE (
            SELECT jsonb_agg(e ORDER BY (e->>'seq')::integer) FROM jsonb_array_elements(v."${timeline}" || EXCLUDED."${timeline}") e
          ) END,
          ${sets.join(',\n          ')}
        WHERE ${newer} OR NOT (${hasEntry})
        RETURNING (xmax = 0) AS inserted, v."${timeline}" AS timeline
      )
      SELECT stored.version AS "storedVersion", stored.status AS "storedStatus", written.inserted, written.timeline
      FROM (SELECT) one LEFT JOIN stored ON TRUE LEFT JOIN written ON TRUE`;
    statement = new PreparedStatement<AppliedRow>(sql);
    applyStatements.set(table, statement);
  }
  return statement;
}

function nextDue(deadlines: Deadline[]): Date | null {
  const running = deadlines
    .filter((d) => d.status === 'running')
    .map((d) => Date.parse(d.dueAt))
    .filter(Number.isFinite);
  return running.length === 0 ? null : new Date(Math.min(...running));
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
    // A plain entity: every column is set here, so TypeORM's plain-object transformer (manager.create) is not needed.
    const view = Object.assign(new WorkOrderView(), {
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
      // A new view's timeline; the statement merges the entry into a stored one.
      timeline: [entry],
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
    const columns = manager.connection.getMetadata(WorkOrderView).columns;
    const driver = manager.connection.driver;
    // Values through TypeORM's own conversion (jsonb as JSON text, dates), as its insert would.
    const values = columns.map((c) => driver.preparePersistentValue(c.getEntityValue(view), c));
    const [row] = await applyStatement(manager, columns).runWith(manager, [...values, entry.seq]);
    if (!row) throw new Error('the work-order view statement answered no row');
    if (row.storedVersion === null && row.inserted !== true)
      // Another transaction inserted the view after this one looked (two consumers of one work order at once,
      // during a rebalance): fail so the change is retried and applied against that row, as before, when the
      // insert failed on the primary key.
      throw new Error(`work-order view ${data.workOrderId} was created concurrently; retry`);
    if (row.storedVersion !== null && row.storedVersion >= data.version) {
      this.logger.debug(
        { workOrderId: data.workOrderId, version: data.version, stored: row.storedVersion },
        'older or repeated version ignored',
      );
      return undefined;
    }
    const previousStatus = row.storedStatus ?? data.previousStatus;
    if (row.timeline) view.timeline = row.timeline;
    for (const listener of this.listeners) await listener(view, previousStatus, manager);
    return view;
  }
}
