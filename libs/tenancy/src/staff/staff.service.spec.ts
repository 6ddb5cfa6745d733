import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  Role,
} from '@tongban/core';
import { startTenancyServices, TenancyServices } from '../testing/tenancy-services';
import { StaffService } from './staff.service';

/** StaffService on a real database: invitations, roles within reach, disabling. */
describe('StaffService', () => {
  let services: TenancyServices;
  let staff: StaffService;
  const ids: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    services = await startTenancyServices();
    staff = services.get(StaffService);
    for (const row of await services.db.query<{ id: string; division_code: string }>(
      `SELECT id, division_code FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
    for (const row of await services.db.query<{ id: string; username: string }>(
      `SELECT id, username FROM users`,
    )) {
      userIds[row.username] = row.id;
    }
  });
  afterAll(() => services?.close());

  it('invites a person with a one-time setup link and an audit event', async () => {
    const { staff: invited, setupLink } = await services.as('mashan.manager', () =>
      staff.invite({
        tenantId: ids['450222203'],
        username: 'mashan.clerk',
        displayName: '马山乡窗口 黄玲',
        roles: [Role.WINDOW_STAFF],
      }),
    );
    expect(invited).toMatchObject({ status: 'INVITED', roles: ['WINDOW_STAFF'], windowIds: [] });
    expect(setupLink.path).toBe(`/setup#${setupLink.token}`);
    const [row] = await services.db.query(
      `SELECT action, details->>'username' AS username FROM audit_events WHERE subject_id = $1`,
      [invited.userId],
    );
    expect(row).toEqual({ action: 'STAFF_INVITED', username: 'mashan.clerk' });
  });

  it('refuses a taken username, a role above the granter, and a role out of place', async () => {
    const invite = (username: string, roles: Role[], tenant = '450222203') =>
      services.as('mashan.manager', () =>
        staff.invite({ tenantId: ids[tenant], username, displayName: 'x', roles }),
      );
    await expect(invite('village.staff', [Role.WINDOW_STAFF])).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(invite('new.supervisor', [Role.SUPERVISOR])).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(invite('new.clerk', [Role.WINDOW_STAFF], '450222203201')).rejects.toBeInstanceOf(
      BadUserInputError,
    );
    // The control: the same granter, a role within reach, in its own township.
    await expect(invite('new.clerk', [Role.WINDOW_STAFF])).resolves.toHaveProperty('setupLink');
  });

  it('disables an account and ends its sessions at once; enables it again', async () => {
    await services.db.query(
      `INSERT INTO sessions (user_id, expires_at, home_tenant_id)
       SELECT id, now() + interval '1 day', home_tenant_id FROM users WHERE username = 'liucheng.land'`,
    );
    const disabled = await services.as('liucheng.admin', () =>
      staff.disable(userIds['liucheng.land']),
    );
    expect(disabled.status).toBe('DISABLED');
    const open = await services.db.query(
      `SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [userIds['liucheng.land']],
    );
    expect(open).toEqual([]);
    const enabled = await services.as('liucheng.admin', () =>
      staff.enable(userIds['liucheng.land']),
    );
    expect(enabled.status).toBe('ACTIVE');
  });

  it('never lets a person change their own account or someone above them', async () => {
    await expect(
      services.as('mashan.manager', () => staff.disable(userIds['mashan.manager'])),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      services.as('mashan.manager', () => staff.disable(userIds['liucheng.admin'])),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      services.as('liucheng.admin', () =>
        staff.setRoles(userIds['village.staff'], [Role.STATION_STAFF]),
      ),
    ).resolves.toMatchObject({ roles: ['STATION_STAFF'] });
  });
});
