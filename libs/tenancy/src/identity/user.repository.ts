import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** INVITED: no password yet (setup link pending); ACTIVE; DISABLED: may not log in. */
export enum UserStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

/** Accounts: created invited, activated by a setup link, disabled and enabled. */
@Injectable()
export class UserRepository {
  async usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    const [existing] = await manager.query(
      `SELECT 1 FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return Boolean(existing);
  }

  /** A new account without a password; null when the username is taken. */
  async createInvited(
    manager: EntityManager,
    user: { username: string; displayName: string; homeTenantId: string },
  ): Promise<string | null> {
    const [created] = await manager.query(
      `INSERT INTO users (username, display_name, home_tenant_id, status)
       VALUES ($1, $2, $3, 'INVITED') ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
      [user.username, user.displayName, user.homeTenantId],
    );
    return created?.id ?? null;
  }

  async activate(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2, status = 'ACTIVE' WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** A new password for an active account (a reset link was used). */
  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1 AND status = 'ACTIVE'`, [
      userId,
      passwordHash,
    ]);
  }

  async disable(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [userId]);
  }

  /** Back to ACTIVE, or INVITED when the person never set a password. */
  async enable(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET status = CASE WHEN password_hash IS NULL THEN 'INVITED' ELSE 'ACTIVE' END
        WHERE id = $1`,
      [userId],
    );
  }

  /** Holds the account row until the transaction ends (one change of an account at a time). */
  async lock(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  }

  /** Display names by user id, for other domains' lists (who took an application in). */
  async holdersOf(
    manager: EntityManager,
    tenantIds: readonly string[],
    role: string,
  ): Promise<{ tenantId: string; userId: string }[]> {
    return manager.query(
      `SELECT m.tenant_id AS "tenantId", m.user_id AS "userId"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = ANY($1::uuid[]) AND $2 = ANY(m.roles) AND u.status = 'ACTIVE'
        ORDER BY m.tenant_id, m.user_id`,
      [tenantIds, role],
    );
  }

  async isMember(manager: EntityManager, tenantId: string, userId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND m.user_id = $2 AND u.status = 'ACTIVE'`,
      [tenantId, userId],
    );
    return row !== undefined;
  }

  async displayNames(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string }[] = await manager.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
