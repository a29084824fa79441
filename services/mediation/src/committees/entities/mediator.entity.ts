import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Committee } from './committee.entity';

/** A people's mediator (人民调解员) of a committee, with the dispute categories they specialise in. */
@Entity({ name: 'mediator' })
@Index('ix_mediator_committee_id', ['committeeId'])
export class Mediator {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  committeeId!: string;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'fk_mediator_committee' })
  committee?: Committee;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Dispute categories (family, neighbour, labour, property, consumer) this mediator is strong in. */
  @Column({ type: 'text', array: true })
  specialties!: string[];

  /** Open cases at which the mediator counts as fully loaded. */
  @Column({ type: 'int' })
  maxOpenCases!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
