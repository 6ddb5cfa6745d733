import { Injectable } from '@nestjs/common';
import { Role, TenantKind } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { OnboardingFacts } from './onboarding-checklist';

/** What onboarding counts, read from the rows as they are now (in the caller's transaction). */
@Injectable()
export class OnboardingRepository {
  async factsOf(
    manager: EntityManager,
    tenantIds: readonly string[],
  ): Promise<Map<string, OnboardingFacts>> {
    const rows: { id: string; kind: TenantKind; windows: number; roles: Role[] }[] =
      await manager.query(
        `SELECT t.id, t.kind,
                (SELECT count(*)::int FROM service_windows w
                  WHERE w.tenant_id = t.id AND w.disabled_at IS NULL) AS windows,
                coalesce((SELECT array_agg(DISTINCT r) FROM memberships m
                            JOIN users u ON u.id = m.user_id, unnest(m.roles) AS r
                           WHERE m.tenant_id = t.id AND u.status = 'ACTIVE'), '{}') AS roles
           FROM tenants t WHERE t.id = ANY($1::uuid[])`,
        [tenantIds],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        { kind: row.kind, activeRoles: row.roles, windowCount: row.windows },
      ]),
    );
  }
}
