import { randomUUID } from 'node:crypto';
import { hashPassword, TenantStatus } from '@tongban/tenancy';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANTS } from './demo-data';

export class DemoSeedRefusedError extends Error {
  constructor() {
    super('Demo data is never seeded when NODE_ENV=production');
    this.name = 'DemoSeedRefusedError';
  }
}

export interface SeedReport {
  tenants: number;
  windows: number;
  users: number;
}

/** Inserts the demo tenants, windows and accounts that are missing; a second run adds nothing. */
export async function seedDemo(dataSource: DataSource, nodeEnv: string): Promise<SeedReport> {
  if (nodeEnv === 'production') throw new DemoSeedRefusedError();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return dataSource.transaction(async (tx) => {
    const report: SeedReport = { tenants: 0, windows: 0, users: 0 };
    const tenants = new Map<string, { id: string; path: string[] }>();

    for (const tenant of DEMO_TENANTS) {
      const parent = tenant.parent ? tenants.get(tenant.parent) : undefined;
      const id = randomUUID();
      const inserted = await tx.query(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (division_code) DO NOTHING RETURNING id`,
        [
          id,
          parent?.id ?? null,
          tenant.kind,
          tenant.code,
          tenant.name,
          TenantStatus.ACTIVE,
          [...(parent?.path ?? []), id],
        ],
      );
      report.tenants += inserted.length;
      const [row] = await tx.query(`SELECT id, path FROM tenants WHERE division_code = $1`, [
        tenant.code,
      ]);
      tenants.set(tenant.code, { id: row.id, path: row.path });

      for (const window of tenant.windows) {
        const added = await tx.query(
          `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
          [row.id, window.code, window.name, window.kind],
        );
        report.windows += added.length;
      }
    }

    for (const account of DEMO_ACCOUNTS) {
      const tenantId = tenants.get(account.tenant)!.id;
      const inserted = await tx.query(
        `INSERT INTO users (username, display_name, password_hash, home_tenant_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
        [account.username, account.displayName, passwordHash, tenantId],
      );
      if (inserted.length === 0) continue;
      report.users += 1;
      await tx.query(`INSERT INTO memberships (tenant_id, user_id, roles) VALUES ($1, $2, $3)`, [
        tenantId,
        inserted[0].id,
        [account.role],
      ]);
    }
    return report;
  });
}
