import {
  ancestorIds,
  buildTenantTree,
  filterTenants,
  flattenTree,
  initiallyExpanded,
  mapTenantTree,
  type TenantLike,
} from './tenant-tree';

const t = (id: string, parentId: string | null, divisionCode: string, name: string, kind: string) =>
  ({ id, parentId, divisionCode, name, kind }) satisfies TenantLike;

// As the county administrator of 柳城县 sees it: the city above is not in the list.
const county = [
  t('village-2', 'mashan', '450222203202', '板六村便民服务站', 'VILLAGE'),
  t('liucheng', 'liuzhou', '450222', '柳城县', 'COUNTY'),
  t('dapu', 'liucheng', '450222100', '大埔镇', 'TOWNSHIP'),
  t('mashan', 'liucheng', '450222203', '马山乡', 'TOWNSHIP'),
  t('village-1', 'mashan', '450222203201', '马山村便民服务站', 'VILLAGE'),
  t('community', 'dapu', '450222100001', '大埔社区便民服务站', 'VILLAGE'),
  t('direct', 'liucheng', '450222400001', '直属社区便民服务站', 'VILLAGE'),
];

const shape = (nodes: ReturnType<typeof buildTenantTree>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.tenant.name]: shape(n.children) } : n.tenant.name));

describe('buildTenantTree', () => {
  it('links the flat list by parentId, the top being the tenant whose parent is not visible', () => {
    expect(shape(buildTenantTree(county))).toEqual([
      {
        柳城县: [
          { 大埔镇: ['大埔社区便民服务站'] },
          { 马山乡: ['马山村便民服务站', '板六村便民服务站'] },
          '直属社区便民服务站',
        ],
      },
    ]);
  });

  it('gives depths and flattens parents before children', () => {
    const flat = flattenTree(buildTenantTree(county));
    expect(flat.map((n) => `${n.depth}:${n.tenant.id}`)).toEqual([
      '0:liucheng',
      '1:dapu',
      '2:community',
      '1:mashan',
      '2:village-1',
      '2:village-2',
      '1:direct',
    ]);
  });

  it('several roots, a single tenant, an empty list', () => {
    expect(buildTenantTree([])).toEqual([]);
    const lone = buildTenantTree([t('w', 'liucheng', '450222', '柳城县', 'COUNTY')]);
    expect(lone).toHaveLength(1);
    expect(lone[0].children).toEqual([]);
    const two = buildTenantTree([county[1], t('rongan', 'liuzhou', '450224', '融安县', 'COUNTY')]);
    expect(two.map((n) => n.tenant.name)).toEqual(['柳城县', '融安县']);
  });

  it('does not loop on a cycle or a self-parent, and drops duplicates', () => {
    const odd = [
      t('a', 'b', '1', 'A', 'TOWNSHIP'),
      t('b', 'a', '2', 'B', 'TOWNSHIP'),
      t('c', 'c', '3', 'C', 'TOWNSHIP'),
      t('c', null, '3', 'C again', 'TOWNSHIP'),
    ];
    const flat = flattenTree(buildTenantTree(odd));
    expect(flat.map((n) => n.tenant.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('tree helpers', () => {
  it('ancestors from the top down to the parent', () => {
    expect(ancestorIds(county, 'village-2')).toEqual(['liucheng', 'mashan']);
    expect(ancestorIds(county, 'liucheng')).toEqual([]);
    expect(ancestorIds(county, 'unknown')).toEqual([]);
  });

  it('opens the upper levels and the way to the selected tenant', () => {
    expect(initiallyExpanded(county, null, 1)).toEqual(['liucheng']);
    expect(initiallyExpanded(county, 'village-1', 1).sort()).toEqual(['liucheng', 'mashan']);
    expect(initiallyExpanded(county, null).sort()).toEqual(['dapu', 'liucheng', 'mashan']);
  });

  it('filters by name or division-code prefix, keeping the ancestors', () => {
    expect(
      filterTenants(county, '板六')
        .map((x) => x.id)
        .sort(),
    ).toEqual(['liucheng', 'mashan', 'village-2']);
    expect(
      filterTenants(county, '450222100')
        .map((x) => x.id)
        .sort(),
    ).toEqual(['community', 'dapu', 'liucheng']);
    expect(filterTenants(county, '  ')).toHaveLength(county.length);
    expect(filterTenants(county, 'nothing')).toEqual([]);
  });
});

describe('mapTenantTree', () => {
  it('makes each tenant a node of another shape, children alike', () => {
    const mashan = buildTenantTree(
      county.filter((c) => c.id === 'mashan' || c.parentId === 'mashan'),
    );
    expect(mapTenantTree(mashan, (tenant) => ({ value: tenant.id, title: tenant.name }))).toEqual([
      {
        value: 'mashan',
        title: '马山乡',
        children: [
          { value: 'village-1', title: '马山村便民服务站', children: [] },
          { value: 'village-2', title: '板六村便民服务站', children: [] },
        ],
      },
    ]);
  });
});
