import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Matter } from './matter.entity';

/** One item of a matter's checklist of required materials (证明材料清单). */
@Entity({ name: 'matter_material' })
export class MatterMaterial {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  matterCode!: string;

  @ManyToOne(() => Matter, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'matter_code', foreignKeyConstraintName: 'fk_matter_material_matter' })
  matter?: Matter;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  /** Whether a signed commitment (告知承诺制) may replace this proof. */
  @Column({ type: 'boolean' })
  commitmentAllowed!: boolean;

  @Column({ type: 'int' })
  sortOrder!: number;
}
