import { ConflictError, ForbiddenError, NotFoundError } from '@tongban/core';
import { startTenancyServices, TenancyServices } from '../testing/tenancy-services';
import { ServiceWindowKind } from './service-window-kind';
import { ServiceWindowService } from './service-window.service';

/** ServiceWindowService on a real database: windows, assignments, who may take in where. */
describe('ServiceWindowService', () => {
  let services: TenancyServices;
  let windows: ServiceWindowService;
  const ids: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    services = await startTenancyServices();
    windows = services.get(ServiceWindowService);
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

  it('creates a window with an audit event, and refuses a second with the same code', async () => {
    const created = await services.as('mashan.manager', () =>
      windows.create({
        tenantId: ids['450222203'],
        code: 'C9',
        name: '综合窗口9',
        kind: ServiceWindowKind.COMPREHENSIVE,
      }),
    );
    expect(created).toMatchObject({ code: 'C9', tenantId: ids['450222203'], staffIds: [] });
    const [audit] = await services.db.query(
      `SELECT action FROM audit_events WHERE subject_id = $1`,
      [created.id],
    );
    expect(audit).toEqual({ action: 'WINDOW_CREATED' });
    await expect(
      services.as('mashan.manager', () =>
        windows.create({
          tenantId: ids['450222203'],
          code: 'C9',
          name: 'x',
          kind: ServiceWindowKind.SERVICE,
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('moves an ONBOARDING hall to ACTIVE when its first window completes the checklist', async () => {
    // 大埔镇's first manager is set up in the demo; take its windows away and reopen it.
    await services.db.query(`UPDATE tenants SET status = 'ONBOARDING' WHERE id = $1`, [
      ids['450222100201'],
    ]);
    await services.db.query(
      `INSERT INTO users (username, display_name, password_hash, home_tenant_id)
       VALUES ('heping.staff', '和平村代办员', 'x', $1)`,
      [ids['450222100201']],
    );
    await services.db.query(
      `INSERT INTO memberships (tenant_id, user_id, roles)
       SELECT $1, id, ARRAY['STATION_STAFF'] FROM users WHERE username = 'heping.staff'`,
      [ids['450222100201']],
    );
    await services.as('liucheng.admin', () =>
      windows.create({
        tenantId: ids['450222100201'],
        code: 'D2',
        name: '代办窗口2',
        kind: ServiceWindowKind.COMPREHENSIVE,
      }),
    );
    const [tenant] = await services.db.query(`SELECT status FROM tenants WHERE id = $1`, [
      ids['450222100201'],
    ]);
    expect(tenant).toEqual({ status: 'ACTIVE' });
  });

  it('assigns only members of the hall, and unassigns', async () => {
    const [c2] = await services.db.query<{ id: string }>(
      `SELECT id FROM service_windows WHERE tenant_id = $1 AND code = 'C2'`,
      [ids['450222']],
    );
    await services.as('liucheng.admin', async () => {
      await expect(windows.assign(c2.id, userIds['mashan.manager'])).rejects.toBeInstanceOf(
        NotFoundError,
      );
      const assigned = await windows.assign(c2.id, userIds['liucheng.land']);
      expect(assigned.staffIds).toEqual([userIds['liucheng.land']]);
      expect((await windows.unassign(c2.id, userIds['liucheng.land'])).staffIds).toEqual([]);
    });
  });

  it('lets a window clerk see windows but not create them', async () => {
    await services.as('liucheng.window', async () => {
      const list = await windows.list(ids['450222']);
      expect(list.length).toBe(20);
      await expect(
        windows.create({
          tenantId: ids['450222'],
          code: 'X1',
          name: 'x',
          kind: ServiceWindowKind.SERVICE,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  it('says where a person may take applications in: assigned windows, never charging', async () => {
    const takesIn = (username: string) =>
      services.as(username, async () =>
        (await windows.list(ids['450222']))
          .filter((w) => windows.intakeRefusal(w) === null)
          .map((w) => w.code),
      );
    expect(await takesIn('liucheng.window')).toEqual(['C1']);
    expect(await takesIn('liucheng.admin')).toEqual([]);
  });
});
