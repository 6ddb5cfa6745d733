import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OwnSupervisionSettings, SettingsLayer } from './supervision-settings';

const COLUMNS = `tenant_id AS "tenantId", yellow_share::float8 AS "yellowShare",
  yellow_working_days::float8 AS "yellowWorkingDays",
  rectification_working_days AS "rectificationWorkingDays",
  default_rating_after_days AS "defaultRatingAfterDays", default_rating AS "defaultRating",
  rate_at_acceptance AS "rateAtAcceptance", complaint_working_days AS "complaintWorkingDays"`;

/** Each tenant's own supervision settings (tenant-owned; readable below the owner). */
@Injectable()
export class SupervisionSettingsRepository {
  /** The layers of the tenants on `path` (root first) that set anything. */
  async layers(manager: EntityManager, path: readonly string[]): Promise<SettingsLayer[]> {
    const rows: ({ tenantId: string } & OwnSupervisionSettings)[] = await manager.query(
      `SELECT ${COLUMNS} FROM supervision_settings WHERE tenant_id = ANY($1::uuid[])`,
      [path],
    );
    const byTenant = new Map(rows.map(({ tenantId, ...own }) => [tenantId, own]));
    return path.flatMap((tenantId) => {
      const own = byTenant.get(tenantId);
      return own ? [{ tenantId, own }] : [];
    });
  }

  async save(
    manager: EntityManager,
    tenantId: string,
    own: OwnSupervisionSettings,
    updatedBy: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO supervision_settings (tenant_id, yellow_share, yellow_working_days,
         rectification_working_days, default_rating_after_days, default_rating,
         rate_at_acceptance, updated_by, complaint_working_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id) DO UPDATE SET
         yellow_share = EXCLUDED.yellow_share,
         yellow_working_days = EXCLUDED.yellow_working_days,
         rectification_working_days = EXCLUDED.rectification_working_days,
         default_rating_after_days = EXCLUDED.default_rating_after_days,
         default_rating = EXCLUDED.default_rating,
         rate_at_acceptance = EXCLUDED.rate_at_acceptance,
         complaint_working_days = EXCLUDED.complaint_working_days,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        tenantId,
        own.yellowShare,
        own.yellowWorkingDays,
        own.rectificationWorkingDays,
        own.defaultRatingAfterDays,
        own.defaultRating,
        own.rateAtAcceptance,
        updatedBy,
        own.complaintWorkingDays,
      ],
    );
  }
}
