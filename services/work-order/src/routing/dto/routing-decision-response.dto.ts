import { ApiProperty } from '@nestjs/swagger';
import type { RoutingDecisionEntity } from '../entities/routing-decision.entity';

/** One stored routing decision with everything that went into it. */
export class RoutingDecisionDto {
  @ApiProperty({ description: 'Decision id (offers point at it)', example: '0b7e5c1a-7d7e-4a57-9f0e-2f3b4c5d6e7f' })
  id!: string;
  @ApiProperty({
    description: 'What asked for the decision',
    enum: ['intake', 'triage-classified', 'offer-expired', 'offer-rejected', 'reassign', 'reopened'],
    example: 'intake',
  })
  trigger!: string;
  @ApiProperty({ description: 'When', example: '2025-11-28T02:15:01.000Z' })
  decidedAt!: string;
  @ApiProperty({ description: 'offered, assigned (by a supervisor) or no-candidate', example: 'offered' })
  outcome!: string;
  @ApiProperty({ type: String, description: 'Winning organisation', example: 'org-371324-legal-aid', nullable: true })
  winnerOrganisationId!: string | null;
  @ApiProperty({ description: 'Winning staff member', example: null, nullable: true })
  winnerStaffId!: string | null;
  @ApiProperty({
    description: 'Why, naming the rules and factors',
    example:
      'Chose 临沂市兰陵县法律援助中心 (org-371324-legal-aid) with score 110 ... Rules applied: "Legal aid ... go to legal-aid centres" [handler.legal-aid r1] ...',
  })
  explanation!: string;
  @ApiProperty({ description: 'normal, high or urgent', example: 'high' })
  priority!: string;
  @ApiProperty({ description: 'Why that priority', example: 'vulnerable group' })
  priorityReason!: string;
  @ApiProperty({
    description: 'Request as the router saw it',
    example: { serviceType: 'legal-aid', regionCode: '371324101' },
  })
  request!: Record<string, unknown>;
  @ApiProperty({
    type: [Object],
    description: 'Rule revisions applied (snapshot)',
    example: [{ ruleKey: 'jurisdiction', revision: 1, kind: 'jurisdiction' }],
  })
  rules!: Record<string, unknown>[];
  @ApiProperty({
    type: [Object],
    description: 'Which rules matched and their effect',
    example: [{ ruleKey: 'handler.legal-aid', matched: true, effect: 'legal-aid is handled by legal-aid-centre' }],
  })
  rulesUsed!: Record<string, unknown>[];
  @ApiProperty({
    type: [Object],
    description: 'Candidates, best first, with score contributions',
    example: [{ organisationId: 'org-371324-legal-aid', score: 110 }],
  })
  candidates!: Record<string, unknown>[];
  @ApiProperty({
    type: [Object],
    description: 'Organisations ruled out, with why',
    example: [{ organisationId: 'org-371324-notary', excluded: 'a notary-office does not handle legal-aid' }],
  })
  excluded!: Record<string, unknown>[];
  @ApiProperty({
    type: [Object],
    description: 'Divisions searched, nearest first',
    example: [{ code: '371324101', name: '卞庄街道', level: 'township' }],
  })
  jurisdictionChain!: Record<string, unknown>[];
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'Urgent matters sent to whoever is on duty: when checked, organisations on and off duty (with why), and ' +
      'fallback supervisor-queue when nobody was; null for other decisions',
    example: {
      checkedAt: '2026-12-05T15:40:00.000Z',
      onDuty: [{ organisationId: 'org-370000-hotline-duty', reason: 'on duty around the clock (7x24)' }],
      offDuty: [
        {
          organisationId: 'org-371324-mediation',
          reason: 'rest day/holiday 2026-12-05 23:40 outside duty hours (closed)',
        },
      ],
      fallback: null,
    },
  })
  onDutyRoster!: Record<string, unknown> | null;
}

export class RoutingExplanationDto {
  @ApiProperty({ description: 'Case code', example: '371324-20251128-000001-7' })
  caseCode!: string;
  @ApiProperty({ description: 'Decisions, oldest first', type: RoutingDecisionDto, isArray: true })
  decisions!: RoutingDecisionDto[];
}

export function toRoutingDecisionDto(d: RoutingDecisionEntity): RoutingDecisionDto {
  const r = d.record;
  return {
    id: d.id,
    trigger: d.trigger,
    decidedAt: d.decidedAt.toISOString(),
    outcome: d.outcome,
    winnerOrganisationId: d.winnerOrganisationId,
    winnerStaffId: d.winnerStaffId,
    explanation: d.explanation,
    priority: r.priority,
    priorityReason: r.priorityReason,
    request: { ...r.request },
    rules: r.rules.map((x) => ({ ...x })),
    rulesUsed: r.rulesUsed.map((x) => ({ ...x })),
    candidates: r.candidates.map((x) => ({ ...x })),
    excluded: r.excluded.map((x) => ({ ...x })),
    jurisdictionChain: r.jurisdictionChain.map((x) => ({ ...x })),
    onDutyRoster: r.onDutyRoster ? { ...r.onDutyRoster } : null,
  };
}
