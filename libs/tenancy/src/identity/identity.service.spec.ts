import { RateLimitedError, UnauthenticatedError } from '@tongban/core';
import { startTenancyServices, TenancyServices } from '../testing/tenancy-services';
import { IdentityService } from './identity.service';
import { parseRefreshToken } from './refresh-token-secret';

/** IdentityService on a real database: logins, rotation, reuse, lock-out, who a job acts as. */
describe('IdentityService', () => {
  let services: TenancyServices;
  let identity: IdentityService;
  const PASSWORD = 'Demo#2026';

  beforeAll(async () => {
    services = await startTenancyServices();
    identity = services.get(IdentityService);
  });
  afterAll(() => services?.close());

  it('logs a demo person in and resolves the actor behind the session', async () => {
    const tokens = await identity.login('liucheng.admin', PASSWORD, '10.1.0.1');
    const [session] = await services.db.query<{ id: string; user_id: string; tid: string }>(
      `SELECT s.id, s.user_id, s.home_tenant_id AS tid FROM sessions s
         JOIN refresh_tokens rt ON rt.session_id = s.id WHERE rt.id = $1`,
      [parseRefreshToken(tokens.refreshToken)!.id],
    );
    const actor = await identity.resolveActor({
      sub: session.user_id,
      sid: session.id,
      tid: session.tid,
    });
    expect(actor).toMatchObject({ username: 'liucheng.admin', roles: ['COUNTY_ADMIN'] });
    expect(actor!.tenant).toMatchObject({ divisionCode: '450222', name: '柳城县' });
  });

  it('refuses a wrong password, then locks the account out', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(identity.login('mashan.manager', 'wrong', '10.1.0.2')).rejects.toBeInstanceOf(
        UnauthenticatedError,
      );
    }
    await expect(identity.login('mashan.manager', PASSWORD, '10.1.0.2')).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    // The lock-out is per account: another person from the same address still logs in.
    await expect(identity.login('village.staff', PASSWORD, '10.1.0.2')).resolves.toHaveProperty(
      'accessToken',
    );
  });

  it('rotates refresh tokens and ends the whole session when one is reused', async () => {
    const first = await identity.login('liucheng.window', PASSWORD, '10.1.0.3');
    const second = await identity.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(identity.refresh(first.refreshToken)).rejects.toBeInstanceOf(UnauthenticatedError);
    // The reuse revoked the family: the newer token no longer works either.
    await expect(identity.refresh(second.refreshToken)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const [session] = await services.db.query<{ revoked_reason: string }>(
      `SELECT s.revoked_reason FROM sessions s JOIN refresh_tokens rt ON rt.session_id = s.id
        WHERE rt.id = $1`,
      [parseRefreshToken(second.refreshToken)!.id],
    );
    expect(session.revoked_reason).toBe('REFRESH_TOKEN_REUSED');
  });

  it('acts for jobs as an active person only', async () => {
    const [user] = await services.db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'liucheng.land'`,
    );
    expect(await identity.actorForJob(user.id)).toMatchObject({ roles: ['WINDOW_STAFF'] });
    await services.db.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [user.id]);
    expect(await identity.actorForJob(user.id)).toBeNull();
  });
});
