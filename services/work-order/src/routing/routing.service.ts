import { Injectable } from '@nestjs/common';
import { Region, RegionLevel, shandongRegions } from '@legal/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Handler } from '@legal/contracts';
import type { OrganisationKind } from '../organisations/entities/organisation.entity';
import type { DutySchedule } from '../organisations/duty-schedule';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { StaffEntity } from '../organisations/entities/staff.entity';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { RoutingDecisionEntity, RoutingTrigger } from './entities/routing-decision.entity';
import { LoadCounterService } from './load-counter.service';
import type { OrganisationCandidate, RoutingRequest, RuleSnapshot, ScoredCandidate } from './routing-decision.types';
import type { ComplaintIndependenceParams, JurisdictionParams } from './routing-rule.types';
import { RoutingRulesService } from './routing-rules.service';
import { explainWinner, rankCandidates } from './routing-score';
import { queryRows, tableOf } from '../common/sql';
import { insertEntityRow } from '../common/entity-sql';

export interface RoutingOptions {
  trigger: RoutingTrigger;
  /** Organisations and staff that must not get this work order now, with the reason (shown in the decision). */
  excludedOrganisations?: Record<string, string>;
  excludedStaff?: Record<string, string>;
}

export interface RoutingOutcome {
  decision: RoutingDecisionEntity;
  winner: ScoredCandidate | undefined;
  /** The winner's duty hours as read for the decision (the offer's expiry follows them). */
  winnerDutyHours: DutySchedule | undefined;
}

/** An active organisation that handles the type, with its active staff, as one row of the candidates statement. */
interface CandidateRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  level: RegionLevel;
  regionCode: string;
  handler: Handler;
  dutyHours: DutySchedule;
  staff: {
    id: string;
    name: string;
    expertise: string[];
    languages: string[];
    capacity: number;
    onDuty: DutySchedule;
  }[];
}

/**
 * 统筹分配: builds the candidates (organisations along the requester's jurisdiction chain that handle
 * the type, with their staff and live load), ranks them under the current rule revisions, and stores
 * the whole decision with its explanation.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly loads: LoadCounterService,
  ) {}

  async decide(manager: EntityManager, wo: WorkOrderEntity, options: RoutingOptions): Promise<RoutingOutcome> {
    const decidedAt = new Date();
    const rules = await this.rules.currentSnapshots(manager);
    const chain = await this.chainFor(manager, wo, rules);
    const organisations = await this.candidates(manager, wo, chain, rules);
    const request: RoutingRequest = {
      serviceType: wo.serviceType,
      regionCode: wo.regionCode,
      language: wo.language,
      urgency: wo.urgency,
      vulnerableGroup: wo.vulnerableGroup,
      legalDeadlineAt: wo.legalDeadlineAt?.toISOString() ?? null,
      topicTags: wo.topicTags,
      arrivedAt: wo.receivedAt.toISOString(),
      decidedAt: decidedAt.toISOString(),
      complaintAgainstOrganisationId: wo.complaintAgainstOrganisationId,
      excludedOrganisations: options.excludedOrganisations ?? {},
      excludedStaff: options.excludedStaff ?? {},
    };
    const result = rankCandidates(request, organisations, rules);
    const winner = result.ranked[0];
    const decision = manager.create(RoutingDecisionEntity, {
      id: randomUUID(),
      workOrderId: wo.id,
      trigger: options.trigger,
      decidedAt,
      outcome: winner ? 'offered' : 'no-candidate',
      winnerOrganisationId: winner?.organisationId ?? null,
      winnerStaffId: winner?.staff?.staffId ?? null,
      explanation: explainWinner(result, request),
      record: {
        request,
        rules,
        rulesUsed: result.rulesUsed,
        priority: result.priority,
        priorityReason: result.priorityReason,
        candidates: result.ranked,
        excluded: result.excluded,
        jurisdictionChain: chain.map((r) => ({ code: r.code, name: r.name, level: r.level })),
        ...(result.onDutyRoster ? { onDutyRoster: result.onDutyRoster } : {}),
      },
    });
    await insertEntityRow(manager, RoutingDecisionEntity, decision);
    wo.priority = result.priority;
    const winnerDutyHours = organisations.find((o) => o.id === winner?.organisationId)?.dutyHours;
    return { decision, winner, winnerDutyHours };
  }

  /**
   * Divisions to search, nearest first. For a complaint about an organisation the search starts
   * above that organisation's own division (the supervising level), so it never judges itself.
   */
  private async chainFor(manager: EntityManager, wo: WorkOrderEntity, rules: RuleSnapshot[]): Promise<Region[]> {
    const registry = shandongRegions();
    if (wo.complaintAgainstOrganisationId) {
      const against = await manager.findOne(OrganisationEntity, { where: { id: wo.complaintAgainstOrganisationId } });
      const independence = rules.find((r) => r.kind === 'complaint-independence')?.params as
        ComplaintIndependenceParams | undefined;
      if (against) return registry.jurisdictionChain(against.regionCode).slice(independence?.startLevelsAbove ?? 1);
    }
    return registry.jurisdictionChain(wo.regionCode);
  }

  private async candidates(
    manager: EntityManager,
    wo: WorkOrderEntity,
    chain: Region[],
    rules: RuleSnapshot[],
  ): Promise<OrganisationCandidate[]> {
    const jurisdiction = rules.find((r) => r.kind === 'jurisdiction')?.params as JurisdictionParams | undefined;
    const wideKinds = jurisdiction?.provinceWideKinds ?? [];
    const codes = chain.map((r) => r.code);
    if (codes.length === 0) return [];
    // One statement for the organisations and their active staff (was a built query and a find, issue 14).
    const organisationTable = tableOf(manager, OrganisationEntity);
    const staffTable = tableOf(manager, StaffEntity);
    const orgs = await queryRows<CandidateRow>(
      manager,
      `SELECT o.id, o.name, o.kind, o.level, o.region_code AS "regionCode", o.handler, o.duty_hours AS "dutyHours",
         COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'expertise', s.expertise,
                     'languages', s.languages, 'capacity', s.capacity, 'onDuty', s.on_duty))
                   FROM ${staffTable} s WHERE s.organisation_id = o.id AND s.active), '[]'::json) AS staff
       FROM ${organisationTable} o
       WHERE o.active AND $1 = ANY(o.service_types) AND (o.region_code = ANY($2) OR o.kind = ANY($3))`,
      [wo.serviceType, codes, wideKinds],
    );
    const staff = orgs.flatMap((o) => o.staff);
    const loads = await this.loads.loads(
      orgs.map((o) => o.id),
      staff.map((s) => s.id),
    );
    const depth = (o: CandidateRow): number => codes.indexOf(o.regionCode);
    const local = orgs.filter((o) => !wideKinds.includes(o.kind) && depth(o) >= 0).map(depth);
    const lowest = local.length > 0 ? Math.min(...local) : 0;
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      level: o.level,
      regionCode: o.regionCode,
      handler: o.handler,
      dutyHours: o.dutyHours,
      levelsUp: wideKinds.includes(o.kind) ? 0 : Math.max(0, depth(o) - lowest),
      load: loads.organisations.get(o.id) ?? 0,
      staff: o.staff.map((s) => ({
        id: s.id,
        name: s.name,
        expertise: s.expertise,
        languages: s.languages,
        capacity: s.capacity,
        onDuty: s.onDuty,
        load: loads.staff.get(s.id) ?? 0,
      })),
    }));
  }
}
