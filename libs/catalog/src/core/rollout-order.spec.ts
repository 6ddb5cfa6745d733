import { rolloutOrder } from './rollout-order';

describe('the order of a rollout over a subtree', () => {
  // Liucheng county with two townships; Mashan's village stations below.
  const tenants = [
    { id: 'mashan-v2', parentId: 'mashan' },
    { id: 'city', parentId: null },
    { id: 'mashan', parentId: 'liucheng' },
    { id: 'liucheng', parentId: 'city' },
    { id: 'dapu', parentId: 'liucheng' },
    { id: 'mashan-v1', parentId: 'mashan' },
    { id: 'dapu-v1', parentId: 'dapu' },
    { id: 'station', parentId: 'liucheng' }, // a community station directly under the county
    { id: 'other-county', parentId: 'city' },
    { id: 'other-township', parentId: 'other-county' },
  ];

  it('groups the subtree by depth, parents first, each group by id', () => {
    expect(rolloutOrder(tenants, 'liucheng')).toEqual([
      ['liucheng'],
      ['dapu', 'mashan', 'station'],
      ['dapu-v1', 'mashan-v1', 'mashan-v2'],
    ]);
    expect(rolloutOrder(tenants, 'city')).toEqual([
      ['city'],
      ['liucheng', 'other-county'],
      ['dapu', 'mashan', 'other-township', 'station'],
      ['dapu-v1', 'mashan-v1', 'mashan-v2'],
    ]);
  });

  it('is the root alone for a leaf, whatever the order the tenants come in', () => {
    expect(rolloutOrder(tenants, 'mashan-v1')).toEqual([['mashan-v1']]);
    expect(rolloutOrder([...tenants].reverse(), 'liucheng')).toEqual(
      rolloutOrder(tenants, 'liucheng'),
    );
  });

  it('refuses a root it was not given, and ends on a cycle in bad data', () => {
    expect(() => rolloutOrder(tenants, 'nowhere')).toThrow(/not among/);
    const cycle = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(rolloutOrder(cycle, 'a')).toEqual([['a'], ['b']]);
  });
});
