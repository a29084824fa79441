import { shanghaiDateTimeOf } from '@legal/domain';
import { checkDuty } from '../organisations/duty-schedule';
import type { Priority } from '../work-orders/entities/work-order.entity';
import type {
  OnDutyRoster,
  OrganisationCandidate,
  RankingResult,
  RoutingRequest,
  RuleSnapshot,
  RuleUse,
  ScoreContribution,
  ScoredCandidate,
  ScoredStaff,
  StaffCandidate,
} from './routing-decision.types';
import type { RoutingRuleKind, RuleParamsByKind } from './routing-rule.types';

const DAY_MS = 24 * 60 * 60 * 1000;

interface TypedRule<K extends RoutingRuleKind> extends RuleSnapshot {
  kind: K;
  params: RuleParamsByKind[K] & Record<string, unknown>;
}

function rulesOf<K extends RoutingRuleKind>(rules: readonly RuleSnapshot[], kind: K): TypedRule<K>[] {
  return rules.filter((r): r is TypedRule<K> => r.kind === kind);
}

const round = (n: number): number => Math.round(n * 100) / 100;

function assessPriority(
  request: RoutingRequest,
  rules: TypedRule<'priority'>[],
): { priority: Priority; reason: string; multiplier: number; rule?: TypedRule<'priority'> } {
  const rule = rules[0];
  if (!rule)
    return {
      priority: request.urgency === 'urgent' ? 'urgent' : 'normal',
      reason: 'no priority rule: urgency as submitted',
      multiplier: 1,
    };
  const p = rule.params;
  const reasons: string[] = [];
  let priority: Priority = 'normal';
  if (request.urgency === 'urgent') reasons.push('marked urgent on intake');
  if (request.legalDeadlineAt) {
    const daysLeft = (Date.parse(request.legalDeadlineAt) - Date.parse(request.decidedAt)) / DAY_MS;
    if (daysLeft < p.urgentWithinDays)
      reasons.push(
        `legal deadline in ${Math.max(0, Math.floor(daysLeft))} day(s) (< ${p.urgentWithinDays}: aid first, review after)`,
      );
  }
  if (reasons.length > 0) priority = 'urgent';
  else if (request.vulnerableGroup && p.vulnerableIsHigh) {
    priority = 'high';
    reasons.push('vulnerable group');
  }
  const multiplier = priority === 'urgent' ? p.urgentMultiplier : priority === 'high' ? p.highMultiplier : 1;
  return { priority, reason: reasons.length > 0 ? reasons.join('; ') : 'normal', multiplier, rule };
}

function contribution(rule: RuleSnapshot, points: number, reason: string): ScoreContribution {
  return { ruleKey: rule.ruleKey, factor: rule.kind, points: round(points), reason };
}

function scoreStaff(
  staff: StaffCandidate,
  request: RoutingRequest,
  rules: {
    timeSlot?: TypedRule<'time-slot'>;
    expertise?: TypedRule<'expertise'>;
    language?: TypedRule<'language'>;
    load?: TypedRule<'load'>;
  },
  weighting: { multiplier: number; onDutyAt?: Date },
): ScoredStaff {
  const { multiplier, onDutyAt } = weighting;
  const base = { staffId: staff.id, name: staff.name };
  const excludedWhy = request.excludedStaff[staff.id];
  if (excludedWhy) return { ...base, score: 0, contributions: [], excluded: excludedWhy };
  if (onDutyAt) {
    const now = checkDuty(staff.onDuty, onDutyAt);
    if (!now.onDuty) return { ...base, score: 0, contributions: [], excluded: `urgent: off duty now (${now.reason})` };
  }
  if (staff.load >= staff.capacity)
    return { ...base, score: 0, contributions: [], excluded: `at capacity (${staff.load}/${staff.capacity})` };
  const contributions: ScoreContribution[] = [];
  const { timeSlot, expertise, language, load } = rules;
  if (timeSlot) {
    const duty = checkDuty(staff.onDuty, new Date(request.arrivedAt));
    const points = duty.onDuty
      ? timeSlot.params.onDutyBonus * multiplier
      : -timeSlot.params.offDutyPenalty * multiplier;
    contributions.push(contribution(timeSlot, points, `${duty.onDuty ? 'on duty' : 'off duty'}: ${duty.reason}`));
  }
  if (expertise) {
    const matches = staff.expertise.filter((tag) => request.topicTags.includes(tag));
    if (matches.length > 0) {
      const points = Math.min(expertise.params.maxBonus, matches.length * expertise.params.perMatchingTag);
      contributions.push(contribution(expertise, points, `expertise ${matches.join(', ')} matches the request`));
    }
  }
  if (language && staff.languages.includes(request.language)) {
    contributions.push(contribution(language, language.params.matchBonus, `speaks ${request.language}`));
  }
  if (load) {
    contributions.push(
      contribution(
        load,
        -load.params.perOpenWorkOrder * staff.load * multiplier,
        `${staff.load} open of capacity ${staff.capacity}`,
      ),
    );
  }
  return { ...base, score: round(contributions.reduce((s, c) => s + c.points, 0)), contributions };
}

/**
 * When an urgent matter goes to the on-duty roster: the time-slot rule names its service type among
 * `urgentOnDutyServiceTypes`; the roster is checked at the decision time (not the arrival), since that is when the
 * offer is made.
 */
function onDutyCheckTime(
  request: RoutingRequest,
  priority: Priority,
  timeSlot: TypedRule<'time-slot'> | undefined,
): Date | undefined {
  if (priority !== 'urgent' || !timeSlot) return undefined;
  const types: readonly string[] = timeSlot.params.urgentOnDutyServiceTypes ?? [];
  return types.includes(request.serviceType) ? new Date(request.decidedAt) : undefined;
}

/**
 * Scores every candidate organisation (and its best staff member) for a request under the given rule
 * revisions. An urgent matter of a type the time-slot rule sends to the on-duty roster is offered only to
 * organisations (and staff) on duty at the decision; with nobody on duty, nobody is ranked and the roster says
 * the supervisor queue takes it. Pure: the same request, candidates and rules always give the same ranking, and every
 * point carries the rule it came from and the reason in words.
 */
export function rankCandidates(
  request: RoutingRequest,
  organisations: readonly OrganisationCandidate[],
  rules: readonly RuleSnapshot[],
): RankingResult {
  const rulesUsed: RuleUse[] = [];
  const use = (rule: RuleSnapshot, { matched, effect }: { matched: boolean; effect: string }): void => {
    rulesUsed.push({
      ruleKey: rule.ruleKey,
      revision: rule.revision,
      name: rule.name,
      kind: rule.kind,
      matched,
      effect,
    });
  };

  const priorityRules = rulesOf(rules, 'priority');
  const priority = assessPriority(request, priorityRules);
  if (priority.rule)
    use(priority.rule, {
      matched: priority.priority !== 'normal',
      effect: `priority ${priority.priority}: ${priority.reason}`,
    });

  const handlerRules = rulesOf(rules, 'service-handler');
  const allowedKinds = new Set<string>();
  for (const rule of handlerRules) {
    const matched = rule.params.serviceTypes.includes(request.serviceType);
    if (matched) {
      rule.params.organisationKinds.forEach((k) => allowedKinds.add(k));
      use(rule, {
        matched: true,
        effect: `${request.serviceType} is handled by ${rule.params.organisationKinds.join(', ')}`,
      });
    }
  }

  const jurisdiction = rulesOf(rules, 'jurisdiction')[0];
  const timeSlot = rulesOf(rules, 'time-slot')[0];
  const expertise = rulesOf(rules, 'expertise')[0];
  const language = rulesOf(rules, 'language')[0];
  const load = rulesOf(rules, 'load')[0];
  const complaint = rulesOf(rules, 'complaint-independence')[0];
  const provinceWide = new Set<string>(jurisdiction?.params.provinceWideKinds ?? []);
  const arrivedAt = new Date(request.arrivedAt);

  const ranked: ScoredCandidate[] = [];
  const excluded: ScoredCandidate[] = [];
  const eligible = organisations.filter((o) => allowedKinds.has(o.kind));
  // The local organisation: the lowest eligible one that is not a province-wide duty team.
  const local = [...eligible].filter((o) => !provinceWide.has(o.kind)).sort((a, b) => a.levelsUp - b.levelsUp)[0];
  const localOffDuty = local ? !checkDuty(local.dutyHours, arrivedAt).onDuty : true;
  const onDutyAt = onDutyCheckTime(request, priority.priority, timeSlot);
  const roster: OnDutyRoster | undefined = onDutyAt
    ? { checkedAt: onDutyAt.toISOString(), onDuty: [], offDuty: [], fallback: null }
    : undefined;

  for (const org of organisations) {
    const shell: ScoredCandidate = {
      organisationId: org.id,
      organisationName: org.name,
      kind: org.kind,
      level: org.level,
      regionCode: org.regionCode,
      handler: org.handler,
      score: 0,
      contributions: [],
      staffConsidered: [],
    };
    if (!allowedKinds.has(org.kind)) {
      excluded.push({
        ...shell,
        excluded: `a ${org.kind} does not handle ${request.serviceType} under the service-handler rules`,
      });
      continue;
    }
    if (request.complaintAgainstOrganisationId === org.id) {
      excluded.push({ ...shell, excluded: 'the complaint is about this organisation' });
      continue;
    }
    const excludedWhy = request.excludedOrganisations[org.id];
    if (excludedWhy) {
      excluded.push({ ...shell, excluded: excludedWhy });
      continue;
    }
    if (onDutyAt && roster) {
      const now = checkDuty(org.dutyHours, onDutyAt);
      (now.onDuty ? roster.onDuty : roster.offDuty).push({ organisationId: org.id, reason: now.reason });
      if (!now.onDuty) {
        excluded.push({
          ...shell,
          excluded: `urgent: not on duty now (${now.reason}); urgent ${request.serviceType} matters go to whoever is on duty`,
        });
        continue;
      }
    }
    const contributions: ScoreContribution[] = [];
    if (jurisdiction) {
      const p = jurisdiction.params;
      if (provinceWide.has(org.kind))
        contributions.push(contribution(jurisdiction, p.provinceWideScore, `serves the whole province (${org.kind})`));
      else {
        const reason =
          org.levelsUp === 0
            ? `lowest organisation handling ${request.serviceType} for region ${request.regionCode} (${org.level} ${org.regionCode})`
            : `${org.level} ${org.regionCode} is ${org.levelsUp} level(s) above the lowest level handling ${request.serviceType} for region ${request.regionCode}`;
        contributions.push(contribution(jurisdiction, p.baseScore - p.perLevelPenalty * org.levelsUp, reason));
      }
    }
    if (timeSlot) {
      const duty = checkDuty(org.dutyHours, arrivedAt);
      const p = timeSlot.params;
      const points = duty.onDuty ? p.onDutyBonus * priority.multiplier : -p.offDutyPenalty * priority.multiplier;
      contributions.push(
        contribution(
          timeSlot,
          points,
          `${duty.onDuty ? 'on duty' : 'off duty'} when the request arrived: ${duty.reason}`,
        ),
      );
      if (provinceWide.has(org.kind) && p.dutyTeamServiceTypes.includes(request.serviceType) && localOffDuty) {
        contributions.push(
          contribution(
            timeSlot,
            p.dutyTeamBonus,
            `arrived out of the local organisation's hours: the duty team takes ${request.serviceType}`,
          ),
        );
      }
    }
    const staffRules = { timeSlot, expertise, language, load };
    const staffConsidered = org.staff
      .map((s) => scoreStaff(s, request, staffRules, { multiplier: priority.multiplier, onDutyAt }))
      .sort((a, b) => b.score - a.score || a.staffId.localeCompare(b.staffId));
    const best = staffConsidered.find((s) => s.excluded === undefined);
    if (
      language &&
      request.language !== language.params.defaultLanguage &&
      !org.staff.some((s) => s.languages.includes(request.language))
    ) {
      contributions.push(
        contribution(language, -language.params.noSpeakerPenalty, `no registered staff speaks ${request.language}`),
      );
    }
    if (load) {
      const p = load.params;
      const capacity =
        org.staff.length > 0 ? org.staff.reduce((sum, s) => sum + s.capacity, 0) : p.defaultOrganisationCapacity;
      contributions.push(
        contribution(
          load,
          -p.perOpenWorkOrder * org.load * priority.multiplier,
          `${org.load} open work orders of capacity ${capacity}`,
        ),
      );
      if (org.load >= capacity) contributions.push(contribution(load, -p.overCapacityPenalty, 'at or over capacity'));
    }
    if (best)
      contributions.push({
        ruleKey: 'staff',
        factor: 'expertise',
        points: best.score,
        reason: `best staff member ${best.name} (${best.staffId})`,
      });
    if (complaint && request.complaintAgainstOrganisationId) {
      contributions.push(
        contribution(
          complaint,
          0,
          `independent of ${request.complaintAgainstOrganisationId} (${complaint.params.startLevelsAbove} level(s) above it)`,
        ),
      );
    }
    const score = round(contributions.reduce((sum, c) => sum + c.points, 0));
    ranked.push({ ...shell, score, contributions, staff: best, staffConsidered });
  }

  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      levelOf(organisations, a) - levelOf(organisations, b) ||
      a.organisationId.localeCompare(b.organisationId),
  );
  if (jurisdiction)
    use(jurisdiction, {
      matched: ranked.length > 0,
      effect: ranked[0]
        ? `lowest level first; winner ${ranked[0].level} ${ranked[0].regionCode}`
        : 'no organisation in the jurisdiction chain',
    });
  if (roster) roster.fallback = ranked.length === 0 ? 'supervisor-queue' : null;
  if (timeSlot)
    use(timeSlot, {
      matched: true,
      effect:
        `arrived ${request.arrivedAt}; local organisation ${localOffDuty ? 'off duty' : 'on duty'}` +
        (roster
          ? `; urgent: offered only to whoever is on duty at ${roster.checkedAt} (${roster.onDuty.length} on duty, ` +
            `${roster.offDuty.length} off duty${roster.fallback ? ': nobody, so the supervisor queue' : ''})`
          : ''),
    });
  if (expertise)
    use(expertise, {
      matched: request.topicTags.length > 0,
      effect: `topic tags: ${request.topicTags.join(', ') || 'none'}`,
    });
  if (language)
    use(language, {
      matched: request.language !== language.params.defaultLanguage,
      effect: `language ${request.language}`,
    });
  if (load) use(load, { matched: true, effect: 'open work orders per organisation and staff member (live counters)' });
  if (complaint)
    use(complaint, {
      matched: request.complaintAgainstOrganisationId !== null,
      effect: request.complaintAgainstOrganisationId
        ? `complaint about ${request.complaintAgainstOrganisationId}`
        : 'not a complaint about an organisation',
    });
  return {
    priority: priority.priority,
    priorityReason: priority.reason,
    ranked,
    excluded,
    rulesUsed,
    ...(roster ? { onDutyRoster: roster } : {}),
  };
}

function levelOf(organisations: readonly OrganisationCandidate[], candidate: ScoredCandidate): number {
  return organisations.find((o) => o.id === candidate.organisationId)?.levelsUp ?? 0;
}

/** One paragraph naming the winner, the rules that decided and the points. */
export function explainWinner(result: RankingResult, request: RoutingRequest): string {
  const winner = result.ranked[0];
  const roster = result.onDutyRoster;
  const rosterNote = roster
    ? ` Urgent: only whoever is on duty at ${shanghaiDateTimeOf(new Date(roster.checkedAt))} Asia/Shanghai was considered ` +
      `(${roster.onDuty.length} organisation(s) on duty, ${roster.offDuty.length} off duty)` +
      (roster.fallback ? '; nobody is on duty, so the supervisor queue takes it.' : '.')
    : '';
  if (!winner) {
    return `No organisation can take ${request.serviceType} for region ${request.regionCode}: ${result.excluded.length} excluded (${result.excluded.map((e) => `${e.organisationId}: ${e.excluded ?? ''}`).join('; ') || 'none registered'}).${rosterNote}`;
  }
  const rules = result.rulesUsed.filter((r) => r.matched).map((r) => `"${r.name}" [${r.ruleKey} r${r.revision}]`);
  const factors = winner.contributions.map(
    (c) => `${c.factor} ${c.points >= 0 ? '+' : ''}${c.points} (${c.reason}) [${c.ruleKey}]`,
  );
  const staff = winner.staff ? `, staff ${winner.staff.name} (${winner.staff.staffId})` : '';
  const runnerUp = result.ranked[1]
    ? ` Runner-up ${result.ranked[1].organisationName} scored ${result.ranked[1].score}.`
    : '';
  return (
    `Chose ${winner.organisationName} (${winner.organisationId})${staff} with score ${winner.score} among ${result.ranked.length} candidate(s); ` +
    `priority ${result.priority} (${result.priorityReason}). Rules applied: ${rules.join(', ')}. Factors: ${factors.join('; ')}.${runnerUp}${rosterNote}`
  );
}
