import { HANDLER_SERVICES, handlerServiceByCode, handlerServiceFor } from '@legal/contracts';
import type { ServiceType } from '@legal/contracts';
import type { OrganisationKind } from '../organisations/entities/organisation.entity';
import type { RoutingRuleKind, RuleParamsByKind } from './routing-rule.types';

export interface DefaultRule<K extends RoutingRuleKind = RoutingRuleKind> {
  ruleKey: string;
  kind: K;
  name: string;
  params: RuleParamsByKind[K];
}

/**
 * The `service-handler` rule of a handler service, from the service registry: its service types go to
 * organisations of its kind. Rule key `handler.<code>`.
 */
export function handlerRoutingRule(code: string): DefaultRule<'service-handler'> {
  const service = handlerServiceByCode(code);
  if (!service) throw new RangeError(`no handler service with code ${code} in the service registry`);
  const { handler } = service;
  return {
    ruleKey: `handler.${handler.code}`,
    kind: 'service-handler',
    name: handler.routingRuleName,
    params: {
      serviceTypes: [...handler.serviceTypes],
      organisationKinds: [handler.organisation.kind as OrganisationKind],
    },
  };
}

/** The types no handler service of the registry claims: those still go to centres and agencies. */
function withoutHandlerService(types: ServiceType[]): ServiceType[] {
  return types.filter((t) => handlerServiceFor(t) === undefined);
}

/**
 * The first revision of every routing rule, inserted by migration 1764310000100: one `handler.<code>`
 * rule per handler service of the registry, then the rules below. Later changes go through the admin API
 * (new revisions) or a new migration, never an edit here. A handler service added to the registry later
 * gets its rule on schemas created from then on through that migration; an existing schema needs a
 * migration inserting `handlerRoutingRule('<code>')` with ON CONFLICT DO NOTHING (docs/DEVELOPING.md).
 */
export const DEFAULT_ROUTING_RULES: DefaultRule[] = [
  ...HANDLER_SERVICES.map((s) => handlerRoutingRule(s.handler.code)),
  {
    ruleKey: 'handler.consultation',
    kind: 'service-handler',
    name: 'Consultations go to workstations, public legal service centres or the 12348 duty team',
    params: {
      serviceTypes: ['legal-consultation'],
      organisationKinds: [
        'village-legal-service-room',
        'township-workstation',
        'public-legal-service-centre',
        'hotline-duty-team',
      ],
    },
  },
  {
    ruleKey: 'handler.grassroots',
    kind: 'service-handler',
    name: 'Grassroots services and village legal advisers go to village rooms, workstations and centres',
    params: {
      serviceTypes: ['grassroots-legal-service', 'village-legal-adviser'],
      organisationKinds: ['village-legal-service-room', 'township-workstation', 'public-legal-service-centre'],
    },
  },
  {
    ruleKey: 'handler.referral-agencies',
    kind: 'service-handler',
    name: 'Lawyer referral, judicial appraisal and arbitration go to public legal service centres and registered agencies',
    params: {
      // Less the types a handler service of the registry claims (judicial appraisal has one now).
      serviceTypes: withoutHandlerService(['lawyer-referral', 'judicial-appraisal', 'arbitration']),
      organisationKinds: ['public-legal-service-centre', 'external-agency'],
    },
  },
  {
    ruleKey: 'handler.complaint',
    kind: 'service-handler',
    name: 'Complaints go to public legal service centres, the supervision office or the duty team',
    params: {
      serviceTypes: ['complaint'],
      organisationKinds: ['public-legal-service-centre', 'supervision-office', 'hotline-duty-team'],
    },
  },
  {
    ruleKey: 'jurisdiction',
    kind: 'jurisdiction',
    name: 'Lowest organisation for the region first, falling back up the tree',
    params: { baseScore: 100, perLevelPenalty: 25, provinceWideKinds: ['hotline-duty-team'], provinceWideScore: 60 },
  },
  {
    ruleKey: 'time-slot',
    kind: 'time-slot',
    name: 'Time slot: prefer organisations on duty; out of hours the 12348 duty team takes consultations and complaints',
    params: {
      onDutyBonus: 10,
      offDutyPenalty: 15,
      dutyTeamServiceTypes: ['legal-consultation', 'complaint'],
      dutyTeamBonus: 60,
    },
  },
  {
    ruleKey: 'expertise',
    kind: 'expertise',
    name: 'Staff expertise matching the topic of the request',
    params: { perMatchingTag: 15, maxBonus: 30 },
  },
  {
    ruleKey: 'language',
    kind: 'language',
    name: 'Staff who speak the language of the request',
    params: { matchBonus: 5, noSpeakerPenalty: 20, defaultLanguage: 'zh' },
  },
  {
    ruleKey: 'priority',
    kind: 'priority',
    name: 'Priority: close legal deadlines are urgent (aid first, review after); vulnerable groups are high',
    params: { urgentWithinDays: 7, vulnerableIsHigh: true, urgentMultiplier: 3, highMultiplier: 1.5 },
  },
  {
    ruleKey: 'load',
    kind: 'load',
    name: 'Current load against capacity (live counters)',
    params: { perOpenWorkOrder: 0.5, overCapacityPenalty: 30, defaultOrganisationCapacity: 50 },
  },
  {
    ruleKey: 'complaint-independence',
    kind: 'complaint-independence',
    name: 'Complaints are handled independently of the organisation complained about',
    params: { startLevelsAbove: 1 },
  },
];
