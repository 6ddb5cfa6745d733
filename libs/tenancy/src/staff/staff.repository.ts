import { Injectable } from '@nestjs/common';
import { Role } from '@tongban/core';
import { EntityManager } from 'typeorm';
import type { UserStatus } from '../identity/user.repository';

export interface StaffRecord {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  status: UserStatus;
  roles: Role[];
  windowIds: string[];
  tenantPath: string[];
}

const STAFF_QUERY = `
  SELECT u.id AS "userId", m.tenant_id AS "tenantId", u.username, u.display_name AS "displayName",
         u.status, m.roles, t.path AS "tenantPath",
         coalesce((SELECT array_agg(a.window_id ORDER BY a.window_id) FROM window_assignments a
                    WHERE a.tenant_id = m.tenant_id AND a.user_id = u.id), '{}') AS "windowIds"
    FROM memberships m JOIN users u ON u.id = m.user_id JOIN tenants t ON t.id = m.tenant_id`;

/** Staff: people's memberships of tenants (under row-level security) with their accounts. */
@Injectable()
export class StaffRepository {
  listOf(manager: EntityManager, tenantIds: readonly string[]): Promise<StaffRecord[]> {
    return manager.query(`${STAFF_QUERY} WHERE m.tenant_id = ANY($1::uuid[]) ORDER BY u.username`, [
      tenantIds,
    ]);
  }

  /** A person's membership of their home tenant, if in scope. */
  async find(manager: EntityManager, userId: string): Promise<StaffRecord | undefined> {
    const [staff] = await manager.query(
      `${STAFF_QUERY} WHERE m.user_id = $1 AND m.tenant_id = u.home_tenant_id`,
      [userId],
    );
    return staff;
  }

  async addMembership(
    manager: EntityManager,
    membership: { tenantId: string; userId: string; roles: Role[] },
  ): Promise<void> {
    await manager.query(`INSERT INTO memberships (tenant_id, user_id, roles) VALUES ($1, $2, $3)`, [
      membership.tenantId,
      membership.userId,
      membership.roles,
    ]);
  }

  async setRoles(
    manager: EntityManager,
    membership: { tenantId: string; userId: string; roles: Role[] },
  ): Promise<void> {
    await manager.query(`UPDATE memberships SET roles = $3 WHERE tenant_id = $1 AND user_id = $2`, [
      membership.tenantId,
      membership.userId,
      membership.roles,
    ]);
  }
}
