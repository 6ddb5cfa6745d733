import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export enum ServiceWindowKind {
  /** A department's own window (e.g. 国土窗口). */
  SERVICE = 'SERVICE',
  /** A comprehensive window (综合窗口) taking in items of many departments. */
  COMPREHENSIVE = 'COMPREHENSIVE',
  CHARGING = 'CHARGING',
  COMPLAINT = 'COMPLAINT',
}

/** Charging and complaint windows take no applications in. */
export function takesInApplications(kind: ServiceWindowKind): boolean {
  return kind === ServiceWindowKind.SERVICE || kind === ServiceWindowKind.COMPREHENSIVE;
}

/** A window (窗口) of a service hall. */
@Entity({ name: 'service_windows' })
export class ServiceWindowEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  /** The number shown above the window, unique in the hall. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: ServiceWindowKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
