import { ClsService, ClsServiceManager } from 'nestjs-cls';
import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '../vocabulary/role';
import { TenantKind, TenantStatus } from '../vocabulary/tenant-kind';
import { RequestContext } from './request-context';
import { TenantScope } from './tenant-scope';

/**
 * Which transaction a piece of work joins. The database is not the point here (the RLS e2e
 * tests cover what a scope sees); a data source that hands out a new manager per transaction
 * shows who shares one.
 */
describe('TenantScope transactions within one request', () => {
  const cls: ClsService = ClsServiceManager.getClsService();
  let opened = 0;
  const dataSource = {
    async transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
      const manager = { id: ++opened, query: async () => [] } as unknown as EntityManager;
      await Promise.resolve();
      return body(manager);
    },
  } as unknown as DataSource;
  const context = new RequestContext(cls);
  const scope = new TenantScope(dataSource, context, cls);
  const actor = {
    userId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    username: 'clerk',
    displayName: 'Clerk',
    sessionId: '7a1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    roles: [Role.WINDOW_STAFF],
    tenant: {
      id: '8b1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      name: 'Center',
      kind: TenantKind.COUNTY,
      divisionCode: '450222',
      status: TenantStatus.ACTIVE,
      path: [],
    },
  };
  const idOf = (manager: EntityManager) => (manager as unknown as { id: number }).id;

  it('gives sibling resolvers of one request a transaction each, and nested work its caller’s', async () => {
    const seen = await cls.run(async () => {
      context.setActor(actor);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // The first field holds its transaction open while the second one starts.
      const first = scope.run(async (manager) => {
        const nested = await scope.run(async (inner) => idOf(inner));
        await gate;
        return { own: idOf(manager), nested };
      });
      await new Promise((resolve) => setImmediate(resolve));
      const second = scope.run(async (manager) => idOf(manager));
      const secondId = await second;
      release();
      return { first: await first, second: secondId };
    });
    expect(seen.first.nested).toBe(seen.first.own);
    expect(seen.second).not.toBe(seen.first.own);
  });

  it('keeps the actor a sibling context set to that context', async () => {
    const other = { ...actor, username: 'other' };
    const names = await cls.run(async () => {
      context.setActor(actor);
      const inner = await cls.run({ ifNested: 'inherit' }, async () => {
        context.setActor(other);
        return context.actor.username;
      });
      return [inner, context.actor.username];
    });
    expect(names).toEqual(['other', 'clerk']);
  });

  it('crosses into one other tenant for a piece of work and comes back to the actor’s scope', async () => {
    const calls: unknown[][] = [];
    const manager = {
      query: async (_sql: string, params: unknown[]) => (calls.push(params), []),
    } as unknown as EntityManager;
    const handler = '9c1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const inside = await cls.run(async () => {
      context.setActor(actor);
      return scope.across(manager, handler, async () => calls.length);
    });
    expect(inside).toBe(1);
    expect(calls).toEqual([
      ['tenant', handler, actor.userId],
      ['tenant', actor.tenant.id, actor.userId],
    ]);
  });

  it('does not set the scope back when the work fails (the transaction is to roll back)', async () => {
    const calls: unknown[][] = [];
    const manager = {
      query: async (_sql: string, params: unknown[]) => (calls.push(params), []),
    } as unknown as EntityManager;
    await expect(
      cls.run(async () => {
        context.setActor(actor);
        return scope.across(manager, actor.tenant.id, async () => {
          throw new Error('refused');
        });
      }),
    ).rejects.toThrow('refused');
    expect(calls).toHaveLength(1);
  });
});
