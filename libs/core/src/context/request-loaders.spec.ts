import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { NotFoundError } from '../errors/errors';
import { RequestLoaders } from './request-loaders';

describe('request loaders', () => {
  const cls: ClsService = ClsServiceManager.getClsService();
  const loaders = new RequestLoaders(cls);

  it('batches the loads of one request into one call, answering each key', async () => {
    const calls: (readonly string[])[] = [];
    const batch = async (keys: readonly string[]) => {
      calls.push(keys);
      return keys.map((key) =>
        key === 'hidden' ? new NotFoundError('Tenant not found') : `v:${key}`,
      );
    };
    const results = await cls.run(() =>
      Promise.allSettled(['a', 'b', 'hidden', 'c'].map((key) => loaders.load('x', batch, key))),
    );
    expect(calls).toEqual([['a', 'b', 'hidden', 'c']]);
    expect(
      results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ).toEqual(['v:a', 'v:b', 'Tenant not found', 'v:c']);
  });

  it('shares nothing between requests and caches nothing within one', async () => {
    const calls: (readonly string[])[] = [];
    const batch = async (keys: readonly string[]) => {
      calls.push(keys);
      return keys.map((key) => `${key}:${calls.length}`);
    };
    const first = cls.run(() => loaders.load('y', batch, 'k'));
    const second = cls.run(() => loaders.load('y', batch, 'k'));
    expect(await Promise.all([first, second])).toEqual(['k:1', 'k:2']);
    const again = await cls.run(async () => {
      await loaders.load('y', batch, 'k');
      return loaders.load('y', batch, 'k');
    });
    expect(again).toBe('k:4');
    expect(calls).toHaveLength(4);
  });
});
