import { Injectable } from '@nestjs/common';
import type { Role, TenantKind, TenantStatus } from '@tongban/core';
import { EntityManager } from 'typeorm';

/** The person, their membership in their home tenant and that tenant, as one row. */
export interface ActorRow {
  user_id: string;
  username: string;
  display_name: string;
  user_status: string;
  roles: Role[] | null;
  tenant_id: string;
  tenant_name: string;
  tenant_kind: TenantKind;
  division_code: string;
  tenant_status: TenantStatus;
  tenant_path: string[];
  session_revoked_at: Date | null;
}

export interface RefreshTokenRow {
  token_hash: Buffer;
  used_at: Date | null;
  expired: boolean;
  session_id: string;
  user_id: string;
  revoked_at: Date | null;
  home_tenant_id: string;
  moved: boolean;
}

// A tenant below a suspended one counts as suspended (suspension covers the whole subtree).
const ACTOR_COLUMNS = `u.id AS user_id, u.username, u.display_name, u.status AS user_status, m.roles,
       t.id AS tenant_id, t.name AS tenant_name, t.kind AS tenant_kind, t.division_code,
       CASE WHEN EXISTS (SELECT 1 FROM tenants a
                          WHERE a.id = ANY (t.path) AND a.status = 'SUSPENDED')
            THEN 'SUSPENDED' ELSE t.status END AS tenant_status,
       t.path AS tenant_path`;

/**
 * Users, sessions and refresh tokens: platform-wide identity tables (no row-level security;
 * memberships are tenant-owned and read in the scope of the user's tenant).
 */
@Injectable()
export class IdentityRepository {
  /**
   * A user by username (any case) with what stops them logging in: their account's status,
   * and whether their tenant or one above it is suspended (suspension covers the subtree).
   */
  async findLoginCandidate(
    manager: EntityManager,
    username: string,
  ): Promise<
    { id: string; password_hash: string | null; status: string; suspended: boolean } | undefined
  > {
    const [user] = await manager.query(
      `SELECT u.id, u.password_hash, u.status,
              EXISTS (SELECT 1 FROM tenants a WHERE a.id = ANY (t.path) AND a.status = 'SUSPENDED')
                AS suspended
         FROM users u
         JOIN tenants t ON t.id = u.home_tenant_id
        WHERE lower(u.username) = lower($1)`,
      [username],
    );
    return user;
  }

  async openSession(
    manager: EntityManager,
    userId: string,
    ttlSeconds: number,
    clientAddress: string,
  ): Promise<{ id: string; home_tenant_id: string }> {
    const [session] = await manager.query(
      `INSERT INTO sessions (user_id, expires_at, client_address, home_tenant_id)
       SELECT id, now() + make_interval(secs => $2), $3, home_tenant_id FROM users WHERE id = $1
       RETURNING id, home_tenant_id`,
      [userId, ttlSeconds, clientAddress],
    );
    return session;
  }

  async insertRefreshToken(
    manager: EntityManager,
    token: { id: string; sessionId: string; hash: Buffer; ttlSeconds: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [token.id, token.sessionId, token.hash, token.ttlSeconds],
    );
  }

  /** The refresh token and its session, locked until the transaction ends. */
  async lockRefreshToken(
    manager: EntityManager,
    tokenId: string,
  ): Promise<RefreshTokenRow | undefined> {
    const [row] = await manager.query(
      `SELECT rt.token_hash, rt.used_at, rt.expires_at < now() AS expired,
              s.id AS session_id, s.user_id, s.revoked_at, u.home_tenant_id,
              s.home_tenant_id IS DISTINCT FROM u.home_tenant_id AS moved
         FROM refresh_tokens rt
         JOIN sessions s ON s.id = rt.session_id
         JOIN users u ON u.id = s.user_id
        WHERE rt.id = $1
        FOR UPDATE OF rt, s`,
      [tokenId],
    );
    return row;
  }

  async useRefreshToken(
    manager: EntityManager,
    tokenId: string,
    sessionId: string,
    ttlSeconds: number,
  ): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [tokenId]);
    await manager.query(
      `UPDATE sessions SET expires_at = now() + make_interval(secs => $2) WHERE id = $1`,
      [sessionId, ttlSeconds],
    );
  }

  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /** Ends every open session of a user (disabled accounts lose access at once). */
  async revokeSessionsOfUser(
    manager: EntityManager,
    userId: string,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  /**
   * Ends every open session of the people whose home is the tenant or a tenant below it,
   * provided the tenant is suspended (suspension covers the subtree). Accounts are
   * platform-wide rows: this reaches the whole subtree whatever the caller's scope.
   */
  async revokeSessionsOfSuspendedSubtree(
    manager: EntityManager,
    tenantId: string,
  ): Promise<number> {
    const [, revoked] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'TENANT_SUSPENDED'
        WHERE revoked_at IS NULL
          AND user_id IN (SELECT u.id FROM users u JOIN tenants t ON t.id = u.home_tenant_id
                           WHERE t.path @> ARRAY[$1::uuid])
          AND EXISTS (SELECT 1 FROM tenants WHERE id = $1 AND status = 'SUSPENDED')`,
      [tenantId],
    );
    return revoked;
  }

  /** The actor behind a session, in the scope of the token's tenant (set by the caller). */
  async actorOfSession(
    manager: EntityManager,
    claims: { sessionId: string; userId: string; tenantId: string },
  ): Promise<ActorRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${ACTOR_COLUMNS}, s.revoked_at AS session_revoked_at
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN tenants t ON t.id = u.home_tenant_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.tenant_id = u.home_tenant_id
        WHERE s.id = $1 AND s.user_id = $2 AND u.home_tenant_id = $3`,
      [claims.sessionId, claims.userId, claims.tenantId],
    );
    return row;
  }

  /** A user with their roles in their home tenant (scope of that tenant set by the caller). */
  async actorOfUser(manager: EntityManager, userId: string): Promise<ActorRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${ACTOR_COLUMNS}, NULL AS session_revoked_at
         FROM users u
         JOIN tenants t ON t.id = u.home_tenant_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.tenant_id = u.home_tenant_id
        WHERE u.id = $1`,
      [userId],
    );
    return row;
  }

  async homeTenantOf(manager: EntityManager, userId: string): Promise<string | null> {
    const [user] = await manager.query(`SELECT home_tenant_id FROM users WHERE id = $1`, [userId]);
    return user?.home_tenant_id ?? null;
  }

  /** Deletes refresh tokens and sessions nobody can use any more. */
  async purgeExpired(manager: EntityManager): Promise<{ refreshTokens: number; sessions: number }> {
    const [, refreshTokens] = await manager.query(
      `DELETE FROM refresh_tokens WHERE expires_at < now()`,
    );
    const [, sessions] = await manager.query(
      `DELETE FROM sessions WHERE expires_at < now() OR revoked_at < now() - interval '1 day'`,
    );
    return { refreshTokens, sessions };
  }
}
