import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OnboardingFacts } from './onboarding-checklist';

/** What onboarding counts, read from the rows as they are now (in the caller's transaction). */
@Injectable()
export class OnboardingRepository {
  async factsOf(
    manager: EntityManager,
    tenantIds: readonly string[],
  ): Promise<Map<string, OnboardingFacts>> {
    const rows: { id: string; windows: number; manager_ready: boolean }[] = await manager.query(
      `SELECT t.id,
              (SELECT count(*)::int FROM service_windows w WHERE w.tenant_id = t.id) AS windows,
              EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                       WHERE m.tenant_id = t.id AND u.status = 'ACTIVE'
                         AND m.roles && ARRAY['CENTER_MANAGER','STATION_STAFF','COUNTY_ADMIN'])
                AS manager_ready
         FROM unnest($1::uuid[]) AS t(id)`,
      [tenantIds],
    );
    return new Map(
      rows.map((row) => [row.id, { managerReady: row.manager_ready, windowCount: row.windows }]),
    );
  }
}
