import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { applyScope, TenantScope } from '../context/tenant-scope';
import { UnauthenticatedError } from '../errors';
import { TenantStatus } from '../tenant/tenant-kind';
import { AccessTokenClaims, signAccessToken } from './access-token';
import { Actor } from './actor';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import { issueRefreshToken, parseRefreshToken, secretMatches } from './refresh-token-secret';
import { Role } from './role';

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_CREDENTIALS = 'Invalid username or password';
const INVALID_REFRESH_TOKEN = 'Invalid or expired refresh token';

interface ActorRow {
  user_id: string;
  username: string;
  display_name: string;
  user_status: string;
  roles: Role[] | null;
  tenant_id: string;
  tenant_name: string;
  tenant_kind: Actor['tenant']['kind'];
  division_code: string;
  tenant_status: TenantStatus;
  tenant_path: string[];
  session_revoked_at: Date | null;
}

/** Logs people in and out and keeps their sessions: DESIGN.md §2 identity. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<AuthTokens> {
    const throttle = this.options.loginThrottle;
    await throttle.assertAllowed(username, clientAddress);

    const user: { id: string; password_hash: string } | undefined = (
      await this.dataSource.query(
        `SELECT u.id, u.password_hash
           FROM users u
           JOIN tenants t ON t.id = u.home_tenant_id
          WHERE lower(u.username) = lower($1)
            AND u.status = 'ACTIVE' AND t.status <> 'SUSPENDED'`,
        [username.trim()],
      )
    )[0];
    const passwordOk = await verifyPassword(
      user?.password_hash ?? (await decoyPasswordHash()),
      password,
    );
    if (!user || !passwordOk) {
      await throttle.recordFailure(username, clientAddress);
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    await throttle.recordSuccess(username);
    return this.startSession(user.id, clientAddress);
  }

  /** Opens a session (a new refresh-token family) for a user who has just proved who they are. */
  async startSession(userId: string, clientAddress: string): Promise<AuthTokens> {
    return this.dataSource.transaction(async (tx) => {
      const [session] = await tx.query(
        `INSERT INTO sessions (user_id, expires_at, client_address, home_tenant_id)
         SELECT id, now() + make_interval(secs => $2), $3, home_tenant_id FROM users WHERE id = $1
         RETURNING id, home_tenant_id`,
        [userId, this.options.refreshTokenTtlSeconds, clientAddress],
      );
      return this.issueTokens(tx, { sub: userId, sid: session.id, tid: session.home_tenant_id });
    });
  }

  /**
   * Rotates a refresh token. A token that was already used means it leaked (or a client
   * raced itself): the whole session is revoked, so every token of the family stops working.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new UnauthenticatedError(INVALID_REFRESH_TOKEN);

    const outcome = await this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT rt.token_hash, rt.used_at, rt.expires_at < now() AS expired,
                s.id AS session_id, s.user_id, s.revoked_at, u.home_tenant_id,
                s.home_tenant_id IS DISTINCT FROM u.home_tenant_id AS moved
           FROM refresh_tokens rt
           JOIN sessions s ON s.id = rt.session_id
           JOIN users u ON u.id = s.user_id
          WHERE rt.id = $1
          FOR UPDATE OF rt, s`,
        [parsed.id],
      );
      if (!row || !secretMatches(parsed.secret, row.token_hash)) return { ok: false } as const;
      if (row.revoked_at) return { ok: false } as const;
      if (row.used_at) {
        await tx.query(
          `UPDATE sessions SET revoked_at = now(), revoked_reason = 'REFRESH_TOKEN_REUSED'
            WHERE id = $1`,
          [row.session_id],
        );
        return { ok: false } as const;
      }
      if (row.expired || row.moved) return { ok: false } as const;
      const actor = await this.loadActor(tx, {
        sub: row.user_id,
        sid: row.session_id,
        tid: row.home_tenant_id,
      });
      if (!actor) return { ok: false } as const;

      await tx.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [parsed.id]);
      await tx.query(
        `UPDATE sessions SET expires_at = now() + make_interval(secs => $2) WHERE id = $1`,
        [row.session_id, this.options.refreshTokenTtlSeconds],
      );
      const claims = { sub: row.user_id, sid: row.session_id, tid: row.home_tenant_id };
      return { ok: true, tokens: await this.issueTokens(tx, claims) } as const;
    });
    // Thrown after the transaction so a family revocation above is committed.
    if (!outcome.ok) throw new UnauthenticatedError(INVALID_REFRESH_TOKEN);
    return outcome.tokens;
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'LOGOUT'
        WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /**
   * The actor behind a verified access token, or null when the session was revoked, the user
   * disabled or the tenant suspended since the token was issued.
   */
  resolveActor(claims: AccessTokenClaims): Promise<Actor | null> {
    return this.loadActor(this.dataSource.manager, claims);
  }

  /** Deletes refresh tokens and sessions nobody can use any more. */
  async purgeExpiredSessions(): Promise<{ refreshTokens: number; sessions: number }> {
    return this.dataSource.transaction(async (tx) => {
      const [, tokens] = await tx.query(`DELETE FROM refresh_tokens WHERE expires_at < now()`);
      const [, sessions] = await tx.query(
        `DELETE FROM sessions
          WHERE expires_at < now() OR revoked_at < now() - interval '1 day'`,
      );
      return { refreshTokens: tokens, sessions };
    });
  }

  private async issueTokens(tx: EntityManager, claims: AccessTokenClaims) {
    const token = issueRefreshToken();
    await tx.query(
      `INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [token.id, claims.sid, token.hash, this.options.refreshTokenTtlSeconds],
    );
    return {
      accessToken: signAccessToken(
        claims,
        this.options.signingKeys,
        this.options.accessTokenTtlSeconds,
      ),
      refreshToken: token.value,
      expiresIn: this.options.accessTokenTtlSeconds,
    };
  }

  /**
   * Loads the actor in the scope of the token's tenant: memberships are tenant-owned rows
   * under row-level security, and a user moved to another tenant no longer matches.
   */
  /**
   * The actor a background job acts as: the user's roles in their home tenant, read in that
   * tenant's scope. Null when the user is gone, disabled or their tenant suspended.
   */
  async actorForJob(actorId: string): Promise<Actor | null> {
    const [user] = await this.dataSource.query(`SELECT home_tenant_id FROM users WHERE id = $1`, [
      actorId,
    ]);
    if (!user) return null;
    const rows: ActorRow[] = await this.scope.runIn(
      { tenantId: user.home_tenant_id, visibility: 'tenant', actorId },
      (m) =>
        m.query(
          `SELECT u.id AS user_id, u.username, u.display_name, u.status AS user_status, m.roles,
                  t.id AS tenant_id, t.name AS tenant_name, t.kind AS tenant_kind,
                  t.division_code, t.status AS tenant_status, t.path AS tenant_path,
                  NULL AS session_revoked_at
             FROM users u
             JOIN tenants t ON t.id = u.home_tenant_id
             LEFT JOIN memberships m ON m.user_id = u.id AND m.tenant_id = u.home_tenant_id
            WHERE u.id = $1`,
          [actorId],
        ),
    );
    return toActor(rows[0], 'job');
  }

  private async loadActor(
    manager: EntityManager,
    claims: AccessTokenClaims,
  ): Promise<Actor | null> {
    const { sub: userId, sid: sessionId, tid: tenantId } = claims;
    const query = (m: EntityManager): Promise<ActorRow[]> =>
      m.query(
        `SELECT u.id AS user_id, u.username, u.display_name, u.status AS user_status, m.roles,
              t.id AS tenant_id, t.name AS tenant_name, t.kind AS tenant_kind,
              t.division_code, t.status AS tenant_status, t.path AS tenant_path,
              s.revoked_at AS session_revoked_at
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN tenants t ON t.id = u.home_tenant_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.tenant_id = u.home_tenant_id
        WHERE s.id = $1 AND s.user_id = $2 AND u.home_tenant_id = $3`,
        [sessionId, userId, tenantId],
      );
    // Inside a transaction already (refresh): set the scope there; otherwise open one.
    const rows = manager.queryRunner?.isTransactionActive
      ? (await applyScope(manager, { tenantId, visibility: 'tenant', actorId: userId }),
        await query(manager))
      : await this.scope.runIn({ tenantId, visibility: 'tenant', actorId: userId }, query);
    return toActor(rows[0], sessionId);
  }
}

function toActor(row: ActorRow | undefined, sessionId: string): Actor | null {
  if (
    !row ||
    row.session_revoked_at ||
    row.user_status !== 'ACTIVE' ||
    row.tenant_status === TenantStatus.SUSPENDED ||
    !row.roles?.length
  ) {
    return null;
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    sessionId,
    roles: row.roles,
    tenant: {
      id: row.tenant_id,
      name: row.tenant_name,
      kind: row.tenant_kind,
      divisionCode: row.division_code,
      status: row.tenant_status,
      path: row.tenant_path,
    },
  };
}
