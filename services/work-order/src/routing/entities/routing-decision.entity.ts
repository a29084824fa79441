import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RoutingDecisionRecord } from '../routing-decision.types';

export type RoutingTrigger =
  'intake' | 'triage-classified' | 'offer-expired' | 'offer-rejected' | 'reassign' | 'reopened' | 'referral';
export type RoutingOutcome = 'offered' | 'assigned' | 'no-candidate';

/** Every routing decision, explained: the request as seen, the rule revisions used, every candidate with its scores, the winner and why. */
@Entity({ name: 'routing_decision' })
@Index('ix_routing_decision_work_order_id', ['workOrderId', 'decidedAt'])
export class RoutingDecisionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_routing_decision' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 24 })
  trigger!: RoutingTrigger;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome!: RoutingOutcome;

  @Column({ type: 'varchar', length: 64, nullable: true })
  winnerOrganisationId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  winnerStaffId!: string | null;

  @Column({ type: 'text' })
  explanation!: string;

  /** Request, rules, candidates (see RoutingDecisionRecord). */
  @Column({ type: 'jsonb' })
  record!: RoutingDecisionRecord;
}
