import { BadUserInputError, ConflictError, TenantKind, TenantStatus } from '@tongban/core';
import { IdentityService } from '../identity/identity.service';
import { startTenancyServices, TenancyServices } from '../testing/tenancy-services';
import { ServiceWindowKind } from '../windows/service-window-kind';
import { OnboardingService } from './onboarding.service';
import { TenantStatusService } from './tenant-status.service';

/** Onboarding on a real database: preview, opening a hall, setup, suspension. */
describe('OnboardingService and TenantStatusService', () => {
  let services: TenancyServices;
  let onboarding: OnboardingService;
  let status: TenantStatusService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    services = await startTenancyServices();
    onboarding = services.get(OnboardingService);
    status = services.get(TenantStatusService);
    for (const row of await services.db.query<{ id: string; division_code: string }>(
      `SELECT id, division_code FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
  });
  afterAll(() => services?.close());

  const request = (divisionCode: string, username: string) => ({
    parentId: ids['450222'],
    kind: TenantKind.TOWNSHIP,
    divisionCode,
    name: '东泉镇',
    windows: [{ code: 'C1', name: '综合窗口1', kind: ServiceWindowKind.COMPREHENSIVE }],
    manager: { username, displayName: '东泉镇政务服务中心主任' },
  });

  it('previews every problem at once and writes nothing', async () => {
    const before = await services.db.query(`SELECT count(*) FROM tenants`);
    const plan = await services.as('liucheng.admin', () =>
      onboarding.preview({ ...request('450222203', 'mashan.manager'), name: ' ' }),
    );
    expect(plan.problems).toEqual([
      { code: 'NAME_EMPTY', message: 'The name must not be empty' },
      {
        code: 'DIVISION_CODE_IN_USE',
        message: 'Division code 450222203 is already used by 马山乡',
      },
      { code: 'USERNAME_TAKEN', message: 'The username mashan.manager is taken' },
    ]);
    expect(await services.db.query(`SELECT count(*) FROM tenants`)).toEqual(before);
  });

  it('refuses a code whose range would overlap another tenant’s, naming the tenant', async () => {
    // A station directly under the county, with the code of a village of township 450222107.
    await services.db.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       SELECT g, p.id, 'VILLAGE', '450222107201', '渡口村', 'ACTIVE', p.path || g
         FROM gen_random_uuid() g, tenants p WHERE p.division_code = '450222'`,
    );
    const holds = await services.as('liucheng.admin', () =>
      onboarding.preview(request('450222107', 'duko.manager')),
    );
    expect(holds.problems).toEqual([
      {
        code: 'DIVISION_RANGE_HOLDS_CODE',
        message: 'Division code 450222107 would hold the code 450222107201 of 渡口村',
      },
    ]);
    const station = {
      ...request('450222203209', 'tunli.agent'),
      kind: TenantKind.VILLAGE,
      name: '屯里村',
    };
    const inside = await services.as('liucheng.admin', () => onboarding.preview(station));
    expect(inside.problems).toEqual([
      {
        code: 'DIVISION_CODE_IN_RANGE',
        message: 'Division code 450222203209 lies in the range of 马山乡 (450222203)',
      },
    ]);
    await expect(
      services.as('liucheng.admin', () => onboarding.onboard(station)),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { codes: ['DIVISION_CODE_IN_RANGE'] },
    });
    // Below its own township the same code is fine: the township is an ancestor.
    const below = await services.as('liucheng.admin', () =>
      onboarding.preview({ ...station, parentId: ids['450222203'] }),
    );
    expect(below.problems).toEqual([]);
  });

  it('opens a township ONBOARDING with its windows and first manager; setup makes it ACTIVE', async () => {
    const { tenant, setupLink } = await services.as('liucheng.admin', () =>
      onboarding.onboard(request('450222105', 'dongquan.manager')),
    );
    expect(tenant).toMatchObject({ status: TenantStatus.ONBOARDING, divisionCode: '450222105' });
    expect(tenant.path).toEqual([...(await pathOf('450222')), tenant.id]);
    const tokens = await onboarding.completeSetup(setupLink.token, 'a-long-password', '10.2.0.1');
    expect(tokens.accessToken).toEqual(expect.any(String));
    const [row] = await services.db.query(`SELECT status FROM tenants WHERE id = $1`, [tenant.id]);
    expect(row).toEqual({ status: 'ACTIVE' });
    await expect(
      onboarding.completeSetup(setupLink.token, 'a-long-password', '10.2.0.1'),
    ).rejects.toBeInstanceOf(BadUserInputError);
    await expect(
      services.get(IdentityService).login('dongquan.manager', 'a-long-password', '10.2.0.1'),
    ).resolves.toHaveProperty('refreshToken');
  });

  it('suspends a tenant (its sessions revoked by the job) and reactivates it', async () => {
    await services.db.query(
      `INSERT INTO sessions (user_id, expires_at, home_tenant_id)
       SELECT id, now() + interval '1 day', home_tenant_id FROM users WHERE username = 'mashan.manager'`,
    );
    const suspended = await services.as('liucheng.admin', () =>
      status.suspend(ids['450222203'], '整改'),
    );
    expect(suspended.status).toBe(TenantStatus.SUSPENDED);
    await services.jobsIdle();
    const open = await services.db.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE u.username = 'mashan.manager' AND s.revoked_at IS NULL`,
    );
    expect(open).toEqual([]);
    await expect(
      services.as('liucheng.admin', () => status.suspend(ids['450222203'], 'again')),
    ).rejects.toBeInstanceOf(ConflictError);
    const back = await services.as('liucheng.admin', () => status.reactivate(ids['450222203']));
    expect(back.status).toBe(TenantStatus.ACTIVE);
  });

  async function pathOf(code: string): Promise<string[]> {
    const [row] = await services.db.query<{ path: string[] }>(
      `SELECT path FROM tenants WHERE division_code = $1`,
      [code],
    );
    return row.path;
  }
});
