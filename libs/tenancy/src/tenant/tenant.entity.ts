import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TenantKind, TenantStatus } from './tenant-kind';

/** A node of the tenant tree: a province, city, county center, township center or station. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  kind!: TenantKind;

  @Column({ name: 'division_code', type: 'text' })
  divisionCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  status!: TenantStatus;

  /** Ids from the root down to this tenant, inclusive. */
  @Column({ type: 'uuid', array: true })
  path!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
