import { Inject, Injectable } from '@nestjs/common';
import { Actor, applyScope, TenantScope, TenantStatus, UnauthenticatedError } from '@tongban/core';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokenClaims, signAccessToken } from './access-token';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { ActorRow, IdentityRepository } from './identity.repository';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import { issueRefreshToken, parseRefreshToken, secretMatches } from './refresh-token-secret';

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_CREDENTIALS = 'Invalid username or password';
const INVALID_REFRESH_TOKEN = 'Invalid or expired refresh token';

/** Logs people in and out and keeps their sessions: DESIGN.md §2 identity. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly identities: IdentityRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<AuthTokens> {
    const throttle = this.options.loginThrottle;
    // Counted before the password is checked: parallel guesses cannot all reach the check.
    const { remaining } = await throttle.attempt(username, clientAddress);

    const user = await throttle.check(username, clientAddress, async () => {
      const found = await this.identities.findLoginCandidate(
        this.dataSource.manager,
        username.trim(),
      );
      const passwordOk = await verifyPassword(
        found?.password_hash ?? (await decoyPasswordHash()),
        password,
      );
      if (!found?.password_hash || !passwordOk) {
        throw new UnauthenticatedError(INVALID_CREDENTIALS, { remainingAttempts: remaining });
      }
      return found;
    });
    await throttle.succeeded(username, clientAddress);
    // Only someone who knows the password learns why they may not come in.
    if (user.status !== 'ACTIVE') {
      throw new UnauthenticatedError('This account is disabled', { reason: 'ACCOUNT_DISABLED' });
    }
    if (user.suspended) {
      throw new UnauthenticatedError('This service center is suspended', {
        reason: 'TENANT_SUSPENDED',
      });
    }
    return this.startSession(user.id, clientAddress);
  }

  /** Opens a session (a new refresh-token family) for a user who has just proved who they are. */
  async startSession(userId: string, clientAddress: string): Promise<AuthTokens> {
    return this.dataSource.transaction(async (tx) => {
      const session = await this.identities.openSession(
        tx,
        userId,
        this.options.refreshTokenTtlSeconds,
        clientAddress,
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
      const row = await this.identities.lockRefreshToken(tx, parsed.id);
      if (!row || !secretMatches(parsed.secret, row.token_hash)) return { ok: false } as const;
      if (row.revoked_at) return { ok: false } as const;
      if (row.used_at) {
        await this.identities.revokeSession(tx, row.session_id, 'REFRESH_TOKEN_REUSED');
        return { ok: false } as const;
      }
      if (row.expired || row.moved) return { ok: false } as const;
      const claims = { sub: row.user_id, sid: row.session_id, tid: row.home_tenant_id };
      if (!(await this.loadActor(tx, claims))) return { ok: false } as const;

      const ttl = this.options.refreshTokenTtlSeconds;
      await this.identities.useRefreshToken(tx, parsed.id, row.session_id, ttl);
      return { ok: true, tokens: await this.issueTokens(tx, claims) } as const;
    });
    // Thrown after the transaction so a family revocation above is committed.
    if (!outcome.ok) throw new UnauthenticatedError(INVALID_REFRESH_TOKEN);
    return outcome.tokens;
  }

  logout(sessionId: string): Promise<void> {
    return this.identities.revokeSession(this.dataSource.manager, sessionId, 'LOGOUT');
  }

  /**
   * Ends the session a refresh token belongs to, without an access token (the browser's
   * logout, whose access token may have expired). An unknown or forged token ends nothing.
   */
  async logoutWithRefreshToken(refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return;
    await this.dataSource.transaction(async (tx) => {
      const row = await this.identities.lockRefreshToken(tx, parsed.id);
      if (row && secretMatches(parsed.secret, row.token_hash)) {
        await this.identities.revokeSession(tx, row.session_id, 'LOGOUT');
      }
    });
  }

  get refreshTokenTtlSeconds(): number {
    return this.options.refreshTokenTtlSeconds;
  }

  /**
   * The actor behind a verified access token, or null when the session was revoked, the user
   * disabled or the tenant suspended since the token was issued.
   */
  resolveActor(claims: AccessTokenClaims): Promise<Actor | null> {
    return this.loadActor(this.dataSource.manager, claims);
  }

  /** Deletes refresh tokens and sessions nobody can use any more. */
  purgeExpiredSessions(): Promise<{ refreshTokens: number; sessions: number }> {
    return this.dataSource.transaction((tx) => this.identities.purgeExpired(tx));
  }

  /**
   * The actor a background job acts as: the user's roles in their home tenant, read in that
   * tenant's scope. Null when the user is gone, disabled or their tenant suspended.
   */
  async actorForJob(actorId: string): Promise<Actor | null> {
    const homeTenantId = await this.identities.homeTenantOf(this.dataSource.manager, actorId);
    if (!homeTenantId) return null;
    const row = await this.scope.runIn(
      { tenantId: homeTenantId, visibility: 'tenant', actorId },
      (manager) => this.identities.actorOfUser(manager, actorId),
    );
    return toActor(row, 'job');
  }

  private async issueTokens(tx: EntityManager, claims: AccessTokenClaims): Promise<AuthTokens> {
    const keys = this.options.signingKeys;
    if (!keys) throw new Error('this process has no signing keys and issues no access tokens');
    const token = issueRefreshToken();
    await this.identities.insertRefreshToken(tx, {
      id: token.id,
      sessionId: claims.sid,
      hash: token.hash,
      ttlSeconds: this.options.refreshTokenTtlSeconds,
    });
    return {
      accessToken: signAccessToken(claims, keys, this.options.accessTokenTtlSeconds),
      refreshToken: token.value,
      expiresIn: this.options.accessTokenTtlSeconds,
    };
  }

  /**
   * Loads the actor in the scope of the token's tenant: memberships are tenant-owned rows
   * under row-level security, and a user moved to another tenant no longer matches.
   */
  private async loadActor(
    manager: EntityManager,
    claims: AccessTokenClaims,
  ): Promise<Actor | null> {
    const { sub: userId, sid: sessionId, tid: tenantId } = claims;
    const scope = { tenantId, visibility: 'tenant', actorId: userId } as const;
    const query = (m: EntityManager) =>
      this.identities.actorOfSession(m, { sessionId, userId, tenantId });
    // Inside a transaction already (refresh): set the scope there; otherwise open one.
    const row = manager.queryRunner?.isTransactionActive
      ? (await applyScope(manager, scope), await query(manager))
      : await this.scope.runIn(scope, query);
    return toActor(row, sessionId);
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
