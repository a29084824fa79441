import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RoutingRuleKind } from '../routing-rule.types';

/**
 * A routing rule revision. Rules are data: editing a rule writes a new revision and supersedes the
 * old one, so past decisions (which also snapshot the revisions they used) keep their meaning.
 */
@Entity({ name: 'routing_rule' })
@Index('ux_routing_rule_key_revision', ['ruleKey', 'revision'], { unique: true })
@Index('ux_routing_rule_current', ['ruleKey'], { unique: true, where: '"superseded_at" IS NULL' })
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_routing_rule' })
  id!: string;

  /** Stable name of the rule across revisions, e.g. `handler.legal-aid`. */
  @Column({ type: 'varchar', length: 64 })
  ruleKey!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: RoutingRuleKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}
