import { ApiProperty } from '@nestjs/swagger';
import type { OfferEntity } from '../../offers/entities/offer.entity';
import type { DeadlineEntity } from '../../sla/entities/deadline.entity';
import type { SupervisionOrderEntity } from '../../supervision/entities/supervision-order.entity';
import type { TimelineEntryEntity } from '../../work-orders/entities/timeline-entry.entity';
import type { WorkOrderIntakeEntity } from '../../intake/entities/work-order-intake.entity';
import { WorkOrderSummaryDto } from './work-order-summary.dto';

export class TimelineEntryDto {
  @ApiProperty({ description: 'Position in the chain, from 1', example: 1 })
  seq!: number;
  @ApiProperty({ description: 'When', example: '2025-11-28T02:15:00.000Z' })
  at!: string;
  @ApiProperty({ description: 'What happened', example: 'offered' })
  action!: string;
  @ApiProperty({ description: 'Role of who did it (or system / handler service)', example: 'hotline-agent' })
  actorRole!: string;
  @ApiProperty({ type: String, description: 'Who did it', example: 'agent-17', nullable: true })
  actorId!: string | null;
  @ApiProperty({ type: String, description: 'Platform it came from', example: 'hotline', nullable: true })
  platform!: string | null;
  @ApiProperty({ type: String, description: 'Status before', example: 'received', nullable: true })
  fromStatus!: string | null;
  @ApiProperty({ description: 'Status after', example: 'offered' })
  toStatus!: string;
  @ApiProperty({
    type: String,
    description: 'Why, in words',
    example: 'Chose 临沂市兰陵县法律援助中心 ...',
    nullable: true,
  })
  note!: string | null;
  @ApiProperty({ description: 'Structured details', example: { offerId: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e' } })
  data!: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of this entry, chained to the previous one', example: 'a3f1…' })
  hash!: string;
}

export class DeadlineDto {
  @ApiProperty({ description: 'What is due', example: 'legal-aid-decision' })
  kind!: string;
  @ApiProperty({ description: 'Counting rule', example: 'calendar-days' })
  rule!: string;
  @ApiProperty({ type: Number, description: 'Period in the rule units', example: 7, nullable: true })
  units!: number | null;
  @ApiProperty({ description: 'Clock start', example: '2025-11-28T02:15:00.000Z' })
  startAt!: string;
  @ApiProperty({ description: 'Due', example: '2025-12-05T15:59:59.999Z' })
  dueAt!: string;
  @ApiProperty({ description: 'running, paused, met, breached or cancelled', example: 'running' })
  status!: string;
  @ApiProperty({
    description: 'Where the clock comes from: law (statute or service standard), handler, supervision',
    example: 'law',
  })
  source!: string;
  @ApiProperty({
    description: 'How the date was computed',
    example: '法律援助法 (2022): 7 calendar days from 2025-11-28, start day not counted ...',
  })
  explanation!: string;
  @ApiProperty({
    type: [Object],
    description: 'Completed pauses',
    example: [{ pausedAt: '2025-11-29T01:00:00.000Z', resumedAt: '2025-12-01T01:00:00.000Z' }],
  })
  pauses!: { pausedAt: string; resumedAt: string }[];
  @ApiProperty({
    type: [Object],
    description: 'Extensions with reasons',
    example: [{ units: 15, reason: '当事人同意延长', by: 'sup-1', at: '2025-12-01T00:00:00.000Z' }],
  })
  extensions!: { units: number; reason: string; by: string; at: string }[];
}

export class OfferDto {
  @ApiProperty({ description: 'Offer id', example: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e' })
  id!: string;
  @ApiProperty({ description: 'Organisation offered to', example: 'org-371324-legal-aid' })
  organisationId!: string;
  @ApiProperty({ type: String, description: 'Staff member offered to', example: 'staff-lanling-li', nullable: true })
  staffId!: string | null;
  @ApiProperty({ description: 'Attempt number', example: 1 })
  attempt!: number;
  @ApiProperty({ description: 'pending, accepted, rejected, expired or withdrawn', example: 'pending' })
  status!: string;
  @ApiProperty({ description: 'Offered at', example: '2025-11-28T02:15:01.000Z' })
  offeredAt!: string;
  @ApiProperty({ description: 'Expires at', example: '2025-11-28T06:15:01.000Z' })
  expiresAt!: string;
  @ApiProperty({
    type: String,
    description: 'Coded reason of a rejection or expiry',
    example: 'no-capacity',
    nullable: true,
  })
  reasonCode!: string | null;
  @ApiProperty({ description: 'Routing decision that chose it', example: '0b7e…' })
  decisionId!: string;
}

export class IntakeDto {
  @ApiProperty({ description: 'Intake id', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  intakeId!: string;
  @ApiProperty({ description: 'Platform', example: 'portal' })
  platform!: string;
  @ApiProperty({ description: 'Record id on that platform', example: 'web-20251128-0001' })
  platformRecordId!: string;
  @ApiProperty({ description: 'Submitted at', example: '2025-11-28T02:15:00.000Z' })
  submittedAt!: string;
  @ApiProperty({ description: 'created, linked-to-existing, closed-on-spot or triage', example: 'linked-to-existing' })
  outcome!: string;
}

export class SupervisionOrderDto {
  @ApiProperty({ description: 'Supervision order id', example: '5b1e…' })
  id!: string;
  @ApiProperty({
    description: 'supervision-order (督办), overdue-escalation or referral-escalation',
    example: 'supervision-order',
  })
  kind!: string;
  @ApiProperty({ description: 'Why', example: '群众反映久拖未办' })
  reason!: string;
  @ApiProperty({
    type: String,
    description: 'Organisation that must act',
    example: 'org-371324-legal-aid',
    nullable: true,
  })
  organisationId!: string | null;
  @ApiProperty({ description: 'Issued by', example: 'sup-3713' })
  issuedBy!: string;
  @ApiProperty({ type: String, description: 'Its own deadline', example: '2025-12-03T15:59:59.999Z', nullable: true })
  dueAt!: string | null;
  @ApiProperty({ description: 'open or resolved', example: 'open' })
  status!: string;
  @ApiProperty({ description: 'Issued at', example: '2025-11-30T02:00:00.000Z' })
  createdAt!: string;
  @ApiProperty({ type: String, description: 'Resolved at', example: '2025-12-02T08:30:00.000Z', nullable: true })
  resolvedAt!: string | null;
  @ApiProperty({
    type: String,
    description: 'Resolved by (a supervisor, or whoever ended the work order)',
    example: 'sup-3713',
    nullable: true,
  })
  resolvedBy!: string | null;
  @ApiProperty({
    type: String,
    description: 'How it was answered, or `work order <status>` when the matter ended',
    example: '县中心已指派律师并电话回访申请人',
    nullable: true,
  })
  resolution!: string | null;
}

/** GET /work-orders/{code}: the work order with its timeline, deadlines, offers, intakes and supervision. */
export class WorkOrderDetailDto extends WorkOrderSummaryDto {
  @ApiProperty({ description: 'What the citizen asked', example: '在工地干了半年活，老板拖欠工资三万元不给' })
  description!: string;
  @ApiProperty({ description: 'How the service type was decided', example: { source: 'explicit', confidence: 1 } })
  classification!: Record<string, unknown>;
  @ApiProperty({ description: 'Topic tags matched against staff expertise', example: ['labour-dispute'] })
  topicTags!: string[];
  @ApiProperty({ description: 'Language (BCP 47)', example: 'zh' })
  language!: string;
  @ApiProperty({ description: 'Vulnerable group', example: true })
  vulnerableGroup!: boolean;
  @ApiProperty({ type: String, description: "The handler's own case id", example: 'LA-2025-000123', nullable: true })
  handlerCaseId!: string | null;
  @ApiProperty({ description: 'Case this one refers to (complaints)', example: null, nullable: true })
  relatedCaseCode!: string | null;
  @ApiProperty({ description: 'Organisation a complaint is about', example: null, nullable: true })
  complaintAgainstOrganisationId!: string | null;
  @ApiProperty({ description: 'Hash of the newest timeline entry (head of the chain)', example: 'a3f1…' })
  timelineHead!: string;
  @ApiProperty({ description: 'Timeline, oldest first', type: TimelineEntryDto, isArray: true })
  timeline!: TimelineEntryDto[];
  @ApiProperty({ description: 'SLA clocks', type: DeadlineDto, isArray: true })
  deadlines!: DeadlineDto[];
  @ApiProperty({ description: 'Offers, oldest first', type: OfferDto, isArray: true })
  offers!: OfferDto[];
  @ApiProperty({ description: 'Intakes gathered in this work order', type: IntakeDto, isArray: true })
  intakes!: IntakeDto[];
  @ApiProperty({ description: 'Supervision orders and escalations', type: SupervisionOrderDto, isArray: true })
  supervisionOrders!: SupervisionOrderDto[];
}

export function toTimelineEntryDto(e: TimelineEntryEntity): TimelineEntryDto {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    action: e.action,
    actorRole: e.actorRole,
    actorId: e.actorId,
    platform: e.platform,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    data: e.data,
    hash: e.hash,
  };
}

export function toDeadlineDto(d: DeadlineEntity): DeadlineDto {
  return {
    kind: d.kind,
    rule: d.rule,
    units: d.units,
    startAt: d.startAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    status: d.status,
    source: d.source,
    explanation: d.explanation,
    pauses: d.pauses,
    extensions: d.extensions,
  };
}

export function toOfferDto(o: OfferEntity): OfferDto {
  return {
    id: o.id,
    organisationId: o.organisationId,
    staffId: o.staffId,
    attempt: o.attempt,
    status: o.status,
    offeredAt: o.offeredAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    reasonCode: o.reasonCode,
    decisionId: o.decisionId,
  };
}

export function toIntakeDto(i: WorkOrderIntakeEntity): IntakeDto {
  return {
    intakeId: i.intakeId,
    platform: i.platform,
    platformRecordId: i.platformRecordId,
    submittedAt: i.submittedAt.toISOString(),
    outcome: i.outcome,
  };
}

export function toSupervisionOrderDto(s: SupervisionOrderEntity): SupervisionOrderDto {
  return {
    id: s.id,
    kind: s.kind,
    reason: s.reason,
    organisationId: s.organisationId,
    issuedBy: s.issuedBy,
    dueAt: s.dueAt?.toISOString() ?? null,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    resolvedAt: s.resolvedAt?.toISOString() ?? null,
    resolvedBy: s.resolvedBy,
    resolution: s.resolution,
  };
}
