import { ForbiddenError, NotFoundError, TenantScope } from '@tongban/core';
import { startTenancyServices, TenancyServices } from '../testing/tenancy-services';
import { TenantDirectory } from './tenant-directory.service';

/** TenantDirectory on a real database: who sees which part of the tree. */
describe('TenantDirectory', () => {
  let services: TenancyServices;
  let directory: TenantDirectory;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    services = await startTenancyServices();
    directory = services.get(TenantDirectory);
    for (const row of await services.db.query<{ id: string; division_code: string }>(
      `SELECT id, division_code FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
  });
  afterAll(() => services?.close());

  const codesSeenBy = (username: string) =>
    services.as(username, async () =>
      (await directory.list(500, null)).nodes.map((t) => t.divisionCode),
    );

  it('lists a county administrator their county and everything below it, in code order', async () => {
    const codes = await codesSeenBy('liucheng.admin');
    expect(codes[0]).toBe('450222');
    expect(codes).toContain('450222203201');
    expect(codes).not.toContain('450200');
    expect([...codes].sort()).toEqual(codes);
  });

  it('lists window staff their own tenant only', async () => {
    expect(await codesSeenBy('liucheng.window')).toEqual(['450222']);
  });

  it('pages by division code', async () => {
    const page = await services.as('liucheng.admin', () => directory.list(2, '450222'));
    expect(page.nodes.map((t) => t.divisionCode)).toEqual(['450222100', '450222100001']);
    expect(page.hasNextPage).toBe(true);
  });

  it('answers NOT_FOUND outside sight and FORBIDDEN for what is seen but not allowed', async () => {
    await services.as('mashan.manager', async () => {
      await expect(directory.get(ids['450222203201'])).resolves.toMatchObject({
        name: '马山村便民服务站',
      });
      await expect(directory.get(ids['450222100'])).rejects.toBeInstanceOf(NotFoundError);
      await expect(directory.get(ids['450222'])).rejects.toBeInstanceOf(NotFoundError);
    });
    await services.as('liucheng.admin', () =>
      services.get(TenantScope).run(async (manager) => {
        await expect(directory.require(manager, ids['450222203'], 'suspend')).resolves.toBeTruthy();
        await expect(directory.require(manager, ids['450222'], 'suspend')).rejects.toBeInstanceOf(
          ForbiddenError,
        );
      }),
    );
  });
});
