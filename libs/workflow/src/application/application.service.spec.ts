import { ConflictError, ForbiddenError, NotFoundError, BadUserInputError } from '@tongban/core';
import { startTenancyServices, TenancyServices } from '@tongban/tenancy/testing';
import { WorkflowModule } from '../workflow.module';
import { ApplicationService } from './application.service';
import { residentIdCheckCharacter } from './resident-id-number';

/** ApplicationService on a real database: intake, who reads what, masking, paging. */
describe('ApplicationService', () => {
  let services: TenancyServices;
  let applications: ApplicationService;
  const windows: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  const applicant = {
    name: '黎明辉',
    idNumber: '45022219880808123' + residentIdCheckCharacter('45022219880808123'),
    phone: '13807729876',
  };
  const intake = (windowKey: string) => ({
    windowId: windows[windowKey],
    itemCode: '00013112800001',
    applicant,
  });

  beforeAll(async () => {
    services = await startTenancyServices([WorkflowModule]);
    applications = services.get(ApplicationService);
    for (const row of await services.db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    )) {
      windows[row.key] = row.id;
    }
    for (const row of await services.db.query<{ id: string; division_code: string }>(
      `SELECT id, division_code FROM tenants`,
    )) {
      tenants[row.division_code] = row.id;
    }
  });
  afterAll(() => services?.close());

  it('takes an application in at the clerk’s window with the next receipt number and an event', async () => {
    const first = await services.as('liucheng.window', () =>
      applications.submit(intake('450222/C1')),
    );
    const second = await services.as('liucheng.window', () =>
      applications.submit(intake('450222/C1')),
    );
    expect(first).toMatchObject({
      status: 'SUBMITTED',
      tenantName: '柳城县',
      windowName: '综合窗口1',
      submittedByName: '综合窗口 韦丽',
      applicant: { ...applicant, masked: false },
    });
    expect(first.receiptNumber).toMatch(/^LC-\d{8}-\d{4}$/);
    expect(Number(second.receiptNumber.slice(-4))).toBe(Number(first.receiptNumber.slice(-4)) + 1);
    const events = await services.db.query(
      `SELECT from_status, to_status FROM application_events WHERE application_id = $1`,
      [first.id],
    );
    expect(events).toEqual([{ from_status: null, to_status: 'SUBMITTED' }]);
  });

  it('refuses another clerk’s window, a charging window, a foreign window and bad input', async () => {
    await expect(
      services.as('liucheng.window', () => applications.submit(intake('450222/01'))),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      services.as('mashan.manager', () => applications.submit(intake('450222/C1'))),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Even a clerk assigned to the charging window takes nothing in there.
    await services.db.query(
      `INSERT INTO window_assignments (tenant_id, window_id, user_id)
       SELECT w.tenant_id, w.id, u.id FROM service_windows w, users u
        WHERE w.id = $1 AND u.username = 'liucheng.window'`,
      [windows['450222/F1']],
    );
    await expect(
      services.as('liucheng.window', () => applications.submit(intake('450222/F1'))),
    ).rejects.toBeInstanceOf(BadUserInputError);
    await expect(
      services.as('liucheng.window', () =>
        applications.submit({
          ...intake('450222/C1'),
          applicant: { ...applicant, idNumber: '450222198808081230' },
        }),
      ),
    ).rejects.toBeInstanceOf(BadUserInputError);
  });

  it('refuses intake in a hall that is not ACTIVE', async () => {
    await services.db.query(
      `UPDATE tenants SET status = 'ONBOARDING' WHERE division_code = '450222203201'`,
    );
    await expect(
      services.as('village.staff', () => applications.submit(intake('450222203201/D1'))),
    ).rejects.toBeInstanceOf(ConflictError);
    await services.db.query(
      `UPDATE tenants SET status = 'ACTIVE' WHERE division_code = '450222203201'`,
    );
    await expect(
      services.as('village.staff', () => applications.submit(intake('450222203201/D1'))),
    ).resolves.toMatchObject({ receiptNumber: expect.stringMatching(/^MSC-/) });
  });

  it('lists for each reader exactly what their role reaches', async () => {
    const receipts = async (username: string, filter = {}) =>
      services.as(username, async () =>
        (await applications.list(filter, 200, null)).nodes.map((a) => a.windowName),
      );
    const clerk = await receipts('liucheng.window');
    expect(new Set(clerk)).toEqual(new Set(['综合窗口1']));
    const land = await receipts('liucheng.land');
    expect(new Set(land)).toEqual(new Set(['国土资源窗口']));
    const manager = await services.as('mashan.manager', async () =>
      (await applications.list({}, 200, null)).nodes.map((a) => a.tenantName),
    );
    expect(new Set(manager)).toEqual(new Set(['马山乡', '马山村便民服务站']));
    const county = await services.as('liucheng.admin', () =>
      applications.list({ tenantId: tenants['450222203'] }, 200, null),
    );
    expect(new Set(county.nodes.map((a) => a.tenantName))).toEqual(
      new Set(['马山乡', '马山村便民服务站']),
    );
  });

  it('masks personal data for the city official, and pages newest first', async () => {
    const page = await services.as('liuzhou.city', () => applications.list({}, 2, null));
    expect(page.nodes).toHaveLength(2);
    for (const node of page.nodes) {
      expect(node.applicant.masked).toBe(true);
      expect(node.applicant.name).toMatch(/^.\*+$/);
    }
    const next = await services.as('liuzhou.city', () =>
      applications.list({}, 200, page.endCursor),
    );
    const all = [...page.nodes, ...next.nodes];
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const times = all.map((a) => a.submittedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await expect(
      services.as('liuzhou.city', () => applications.list({}, 2, 'not-a-cursor')),
    ).rejects.toBeInstanceOf(BadUserInputError);
  });
});
