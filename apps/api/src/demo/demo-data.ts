import { Role, ServiceWindowKind, TenantKind } from '@tongban/tenancy';

/**
 * Demo data from the source document (county-center-annual-summary.txt): Liuzhou City >
 * Liucheng County, whose center has 15 service windows, 3 comprehensive windows, a charging
 * window and a complaint window, and the first township centers (Mashan, Dapu) with their
 * village stations. Village names and township division codes are illustrative.
 */
export const DEMO_PASSWORD = 'Demo#2026';

export interface DemoTenant {
  code: string;
  name: string;
  kind: TenantKind;
  parent: string | null;
  windows: { code: string; name: string; kind: ServiceWindowKind }[];
}

const departmentWindows = [
  '国土资源',
  '住房城乡建设',
  '发展改革',
  '环境保护',
  '市场监管',
  '民政',
  '人力资源社会保障',
  '公安',
  '卫生计生',
  '农机',
  '林业',
  '水利',
  '交通运输',
  '教育',
  '文化广电',
].map((department, i) => ({
  code: String(i + 1).padStart(2, '0'),
  name: `${department}窗口`,
  kind: ServiceWindowKind.SERVICE,
}));

const comprehensive = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    code: `C${i + 1}`,
    name: `综合窗口${i + 1}`,
    kind: ServiceWindowKind.COMPREHENSIVE,
  }));

const proxyWindow = [{ code: 'D1', name: '代办窗口', kind: ServiceWindowKind.COMPREHENSIVE }];

export const DEMO_TENANTS: DemoTenant[] = [
  { code: '450000', name: '广西壮族自治区', kind: TenantKind.PROVINCE, parent: null, windows: [] },
  { code: '450200', name: '柳州市', kind: TenantKind.CITY, parent: '450000', windows: [] },
  {
    code: '450222',
    name: '柳城县',
    kind: TenantKind.COUNTY,
    parent: '450200',
    windows: [
      ...departmentWindows,
      ...comprehensive(3),
      { code: 'F1', name: '收费窗口', kind: ServiceWindowKind.CHARGING },
      { code: 'T1', name: '投诉窗口', kind: ServiceWindowKind.COMPLAINT },
    ],
  },
  {
    code: '450222203',
    name: '马山乡',
    kind: TenantKind.TOWNSHIP,
    parent: '450222',
    windows: comprehensive(2),
  },
  {
    code: '450222100',
    name: '大埔镇',
    kind: TenantKind.TOWNSHIP,
    parent: '450222',
    windows: comprehensive(3),
  },
  {
    code: '450222203201',
    name: '马山村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222203',
    windows: proxyWindow,
  },
  {
    code: '450222203202',
    name: '板六村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222203',
    windows: proxyWindow,
  },
  {
    code: '450222100001',
    name: '大埔社区便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222100',
    windows: proxyWindow,
  },
  {
    code: '450222100201',
    name: '和平村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222100',
    windows: proxyWindow,
  },
  {
    code: '450222100202',
    name: '龙美村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222100',
    windows: proxyWindow,
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  tenant: string;
  role: Role;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'platform', displayName: '平台运营', tenant: '450000', role: Role.PLATFORM_ADMIN },
  {
    username: 'liuzhou.city',
    displayName: '柳州市行政审批局',
    tenant: '450200',
    role: Role.CITY_OFFICIAL,
  },
  {
    username: 'liucheng.admin',
    displayName: '柳城县政务服务中心管理员',
    tenant: '450222',
    role: Role.COUNTY_ADMIN,
  },
  {
    username: 'mashan.manager',
    displayName: '马山乡政务服务中心主任',
    tenant: '450222203',
    role: Role.CENTER_MANAGER,
  },
  {
    username: 'liucheng.window',
    displayName: '综合窗口 韦丽',
    tenant: '450222',
    role: Role.WINDOW_STAFF,
  },
  {
    username: 'village.staff',
    displayName: '马山村代办员 覃明',
    tenant: '450222203201',
    role: Role.STATION_STAFF,
  },
  {
    username: 'liucheng.supervisor',
    displayName: '电子监察 蓝军',
    tenant: '450222',
    role: Role.SUPERVISOR,
  },
];
