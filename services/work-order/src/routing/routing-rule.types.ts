import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { ORGANISATION_KINDS, OrganisationKind } from '../organisations/entities/organisation.entity';

export const ROUTING_RULE_KINDS = [
  'service-handler',
  'jurisdiction',
  'time-slot',
  'expertise',
  'language',
  'priority',
  'load',
  'complaint-independence',
] as const;
export type RoutingRuleKind = (typeof ROUTING_RULE_KINDS)[number];

/** Which kinds of organisation handle which service types (the "service type → handler" step). */
export interface ServiceHandlerParams {
  serviceTypes: ServiceType[];
  organisationKinds: OrganisationKind[];
}

/** Lowest organisation for the requester's region first; each level up costs `perLevelPenalty`. */
export interface JurisdictionParams {
  baseScore: number;
  perLevelPenalty: number;
  /** Kinds that serve the whole province whatever the region (the 12348 duty team), and the score they get. */
  provinceWideKinds: OrganisationKind[];
  provinceWideScore: number;
}

/** The time slot the request arrived in, against duty hours; out of hours, the duty team takes some types. */
export interface TimeSlotParams {
  onDutyBonus: number;
  offDutyPenalty: number;
  /** Service types the hotline duty team takes when the request arrives out of the local organisation's hours. */
  dutyTeamServiceTypes: ServiceType[];
  dutyTeamBonus: number;
  /**
   * Service types whose urgent matters go only to organisations (and staff) on duty at the moment of the decision,
   * the 7x24 ones included, instead of an office that opens later; nobody on duty: the supervisor queue. Absent
   * (rule revisions from before it existed): none.
   */
  urgentOnDutyServiceTypes?: ServiceType[];
}

export interface ExpertiseParams {
  perMatchingTag: number;
  maxBonus: number;
}

export interface LanguageParams {
  matchBonus: number;
  /** When no staff member of the organisation is known to speak the request's language (other than the default). */
  noSpeakerPenalty: number;
  defaultLanguage: string;
}

/** How urgent a request is, and how much more the time slot and load weigh for urgent ones. */
export interface PriorityParams {
  /** A legal deadline (limitation period, hearing) closer than this makes the request urgent (先行提供). */
  urgentWithinDays: number;
  /** Vulnerable groups (minors, elderly, disabled, migrant workers claiming wages) get high priority. */
  vulnerableIsHigh: boolean;
  urgentMultiplier: number;
  highMultiplier: number;
}

export interface LoadParams {
  perOpenWorkOrder: number;
  overCapacityPenalty: number;
  /** Capacity of an organisation without registered staff. */
  defaultOrganisationCapacity: number;
}

/** Complaints go to a unit independent of the organisation complained about: never it or its staff; start one level up. */
export interface ComplaintIndependenceParams {
  startLevelsAbove: number;
}

export interface RuleParamsByKind {
  'service-handler': ServiceHandlerParams;
  jurisdiction: JurisdictionParams;
  'time-slot': TimeSlotParams;
  expertise: ExpertiseParams;
  language: LanguageParams;
  priority: PriorityParams;
  load: LoadParams;
  'complaint-independence': ComplaintIndependenceParams;
}

type FieldCheck = (value: unknown) => boolean;
const num: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10000;
const positiveInt: FieldCheck = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000;
const bool: FieldCheck = (v) => typeof v === 'boolean';
const lang: FieldCheck = (v) => typeof v === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(v);
const listOf =
  (allowed: readonly string[], minItems = 0): FieldCheck =>
  (v) =>
    Array.isArray(v) && v.length >= minItems && v.every((x) => typeof x === 'string' && allowed.includes(x));

const optional =
  (check: FieldCheck): FieldCheck =>
  (v) =>
    v === undefined || check(v);

const SHAPES: { [K in RoutingRuleKind]: Record<keyof RuleParamsByKind[K], [FieldCheck, string]> } = {
  'service-handler': {
    serviceTypes: [listOf(SERVICE_TYPES, 1), `a non-empty list of ${SERVICE_TYPES.join(', ')}`],
    organisationKinds: [listOf(ORGANISATION_KINDS, 1), `a non-empty list of ${ORGANISATION_KINDS.join(', ')}`],
  },
  jurisdiction: {
    baseScore: [num, 'a number 0..10000'],
    perLevelPenalty: [num, 'a number 0..10000'],
    provinceWideKinds: [listOf(ORGANISATION_KINDS), 'a list of organisation kinds'],
    provinceWideScore: [num, 'a number 0..10000'],
  },
  'time-slot': {
    onDutyBonus: [num, 'a number 0..10000'],
    offDutyPenalty: [num, 'a number 0..10000'],
    dutyTeamServiceTypes: [listOf(SERVICE_TYPES), 'a list of service types'],
    dutyTeamBonus: [num, 'a number 0..10000'],
    urgentOnDutyServiceTypes: [optional(listOf(SERVICE_TYPES)), 'a list of service types (optional)'],
  },
  expertise: { perMatchingTag: [num, 'a number 0..10000'], maxBonus: [num, 'a number 0..10000'] },
  language: {
    matchBonus: [num, 'a number 0..10000'],
    noSpeakerPenalty: [num, 'a number 0..10000'],
    defaultLanguage: [lang, 'a BCP 47 language tag'],
  },
  priority: {
    urgentWithinDays: [positiveInt, 'an integer 0..1000'],
    vulnerableIsHigh: [bool, 'true or false'],
    urgentMultiplier: [num, 'a number 0..10000'],
    highMultiplier: [num, 'a number 0..10000'],
  },
  load: {
    perOpenWorkOrder: [num, 'a number 0..10000'],
    overCapacityPenalty: [num, 'a number 0..10000'],
    defaultOrganisationCapacity: [positiveInt, 'an integer 0..1000'],
  },
  'complaint-independence': { startLevelsAbove: [positiveInt, 'an integer 0..1000'] },
};

/** Problems with a rule's params, one per field (`params.<field> must be ...`); empty when valid. */
export function ruleParamProblems(
  kind: RoutingRuleKind,
  params: Record<string, unknown>,
): { field: string; message: string }[] {
  const shape = SHAPES[kind] as Record<string, [FieldCheck, string]>;
  const problems: { field: string; message: string }[] = [];
  for (const [field, [check, expected]] of Object.entries(shape)) {
    if (!check(params[field]))
      problems.push({ field: `params.${field}`, message: `params.${field} must be ${expected}` });
  }
  for (const field of Object.keys(params)) {
    if (!(field in shape))
      problems.push({ field: `params.${field}`, message: `params.${field} is not a parameter of ${kind} rules` });
  }
  return problems;
}
