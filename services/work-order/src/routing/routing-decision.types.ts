import type { Handler, ServiceType } from '@legal/contracts';
import type { RegionLevel } from '@legal/domain';
import type { DutySchedule } from '../organisations/duty-schedule';
import type { OrganisationKind } from '../organisations/entities/organisation.entity';
import type { Priority } from '../work-orders/entities/work-order.entity';
import type { RoutingRuleKind } from './routing-rule.types';

/** A rule revision as it was applied (copied into the decision). */
export interface RuleSnapshot {
  id: string;
  ruleKey: string;
  revision: number;
  kind: RoutingRuleKind;
  name: string;
  params: Record<string, unknown>;
}

/** What the router knows about the request when it decides. */
export interface RoutingRequest {
  serviceType: ServiceType;
  regionCode: string;
  language: string;
  urgency: 'normal' | 'urgent';
  vulnerableGroup: boolean;
  legalDeadlineAt: string | null;
  topicTags: string[];
  /** When the request arrived: its time slot decides on-duty checks. */
  arrivedAt: string;
  /** When the decision is taken (deadline distances are measured from here). */
  decidedAt: string;
  complaintAgainstOrganisationId: string | null;
  /** Organisations and staff ruled out (already tried, rejected, complained about, previous handler...), with why. */
  excludedOrganisations: Record<string, string>;
  excludedStaff: Record<string, string>;
}

export interface StaffCandidate {
  id: string;
  name: string;
  expertise: string[];
  languages: string[];
  capacity: number;
  onDuty: DutySchedule;
  load: number;
}

export interface OrganisationCandidate {
  id: string;
  name: string;
  kind: OrganisationKind;
  level: RegionLevel;
  regionCode: string;
  handler: Handler;
  dutyHours: DutySchedule;
  /** 0 = the lowest division of the requester's chain that has an organisation level, 1 = one above ... */
  levelsUp: number;
  load: number;
  staff: StaffCandidate[];
}

/** One factor of a score: which rule, how many points, and why in words. */
export interface ScoreContribution {
  ruleKey: string;
  factor: RoutingRuleKind;
  points: number;
  reason: string;
}

export interface ScoredStaff {
  staffId: string;
  name: string;
  score: number;
  contributions: ScoreContribution[];
  excluded?: string;
}

export interface ScoredCandidate {
  organisationId: string;
  organisationName: string;
  kind: OrganisationKind;
  level: RegionLevel;
  regionCode: string;
  handler: Handler;
  score: number;
  contributions: ScoreContribution[];
  staff?: ScoredStaff;
  staffConsidered: ScoredStaff[];
  excluded?: string;
}

export interface RuleUse {
  ruleKey: string;
  revision: number;
  name: string;
  kind: RoutingRuleKind;
  matched: boolean;
  effect: string;
}

/**
 * An urgent matter offered only to whoever is on duty at the decision (time-slot rule, urgentOnDutyServiceTypes):
 * when that was checked, who was on duty and who was not (organisation ids, with why).
 */
export interface OnDutyRoster {
  checkedAt: string;
  onDuty: { organisationId: string; reason: string }[];
  offDuty: { organisationId: string; reason: string }[];
  /** Nobody on duty: the supervisor queue takes the matter. */
  fallback: 'supervisor-queue' | null;
}

export interface RankingResult {
  priority: Priority;
  priorityReason: string;
  ranked: ScoredCandidate[];
  excluded: ScoredCandidate[];
  rulesUsed: RuleUse[];
  /** Set when the matter went to the on-duty roster (urgent, of a type the time-slot rule names). */
  onDutyRoster?: OnDutyRoster;
}

/** What is stored for every decision and returned by GET /work-orders/{code}/routing. */
export interface RoutingDecisionRecord {
  request: RoutingRequest;
  rules: RuleSnapshot[];
  rulesUsed: RuleUse[];
  priority: Priority;
  priorityReason: string;
  candidates: ScoredCandidate[];
  excluded: ScoredCandidate[];
  jurisdictionChain: { code: string; name: string; level: RegionLevel }[];
  /** Urgent matters routed to whoever was on duty (absent on decisions before it existed and for other matters). */
  onDutyRoster?: OnDutyRoster;
}
