import { Role, TenantKind } from '@tongban/core';
import { ServiceWindowKind } from '@tongban/tenancy';
import {
  ComplaintChannel,
  ComplaintOutcome,
  ConsultationChannel,
  residentIdCheckCharacter,
} from '@tongban/workflow';

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
  /** The letters of the hall's receipt numbers (LC-20261127-0007). */
  receiptPrefix?: string;
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
    receiptPrefix: 'LC',
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
    receiptPrefix: 'MS',
    windows: comprehensive(2),
  },
  {
    code: '450222100',
    name: '大埔镇',
    kind: TenantKind.TOWNSHIP,
    parent: '450222',
    receiptPrefix: 'DP',
    windows: comprehensive(3),
  },
  {
    code: '450222203201',
    name: '马山村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222203',
    receiptPrefix: 'MSC',
    windows: proxyWindow,
  },
  {
    code: '450222203202',
    name: '板六村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222203',
    receiptPrefix: 'BLC',
    windows: proxyWindow,
  },
  {
    code: '450222100001',
    name: '大埔社区便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222100',
    receiptPrefix: 'DPSQ',
    windows: proxyWindow,
  },
  {
    code: '450222100201',
    name: '和平村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222100',
    receiptPrefix: 'HPC',
    windows: proxyWindow,
  },
  {
    code: '450222100202',
    name: '龙美村便民服务站',
    kind: TenantKind.VILLAGE,
    parent: '450222100',
    receiptPrefix: 'LMC',
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
    username: 'liucheng.land',
    displayName: '国土资源窗口 莫海',
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

/** Who works which window (by tenant division code and window code). */
export const DEMO_WINDOW_ASSIGNMENTS = [
  { username: 'liucheng.window', tenant: '450222', window: 'C1' },
  { username: 'liucheng.land', tenant: '450222', window: '01' },
  { username: 'village.staff', tenant: '450222203201', window: 'D1' },
];

export interface DemoApplication {
  tenant: string;
  window: string;
  /** Who took it in (a demo account allowed to). */
  by: string;
  daysAgo: number;
  /** An item of the hall's menu; its name and limits come from there. */
  itemCode: string;
  applicant: { name: string; idNumber: string | null; phone: string | null };
}

/** A valid citizen identity number for a birth date and sequence (check character computed). */
export const demoIdNumber = (birth: string, sequence: string) => {
  const first17 = `450222${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
};

/** Applications taken in over the last days; all still SUBMITTED (intake is what exists). */
export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    tenant: '450222',
    window: 'C1',
    by: 'liucheng.window',
    daysAgo: 3,
    itemCode: '00013112800001',
    applicant: { name: '张伟', idNumber: demoIdNumber('19850312', '201'), phone: '13807721234' },
  },
  {
    tenant: '450222',
    window: 'C1',
    by: 'liucheng.window',
    daysAgo: 2,
    itemCode: '00013130100001',
    applicant: { name: '李娜', idNumber: demoIdNumber('19920718', '322'), phone: '13977215678' },
  },
  {
    tenant: '450222',
    window: 'C1',
    by: 'liucheng.window',
    daysAgo: 1,
    itemCode: '000114008000',
    applicant: { name: '王秀英', idNumber: demoIdNumber('19580105', '144'), phone: '0772-7612345' },
  },
  {
    tenant: '450222',
    window: '01',
    by: 'liucheng.land',
    daysAgo: 1,
    itemCode: '00011610100006',
    applicant: { name: '覃志强', idNumber: demoIdNumber('19760920', '031'), phone: '18677201122' },
  },
  {
    tenant: '450222203',
    window: 'C1',
    by: 'mashan.manager',
    daysAgo: 2,
    itemCode: '000146001000',
    applicant: { name: '韦春花', idNumber: demoIdNumber('19690411', '262'), phone: '15877203344' },
  },
  {
    tenant: '450222203201',
    window: 'D1',
    by: 'village.staff',
    daysAgo: 0,
    itemCode: '450011002W01',
    applicant: { name: '蓝桂英', idNumber: demoIdNumber('19400223', '083'), phone: null },
  },
];

export interface DemoConsultation {
  tenant: string;
  window: string;
  /** Who answered it (a demo account allowed to log there). */
  by: string;
  daysAgo: number;
  /** An item of the hall's menu, or null for a general question. */
  itemCode: string | null;
  channel: ConsultationChannel;
  note: string | null;
}

/** Questions answered over the last days at the demo's windows and the Mashan village station. */
export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    tenant: '450222',
    window: 'C1',
    by: 'liucheng.window',
    daysAgo: 2,
    itemCode: '00013112800001',
    channel: ConsultationChannel.IN_PERSON,
    note: '问需要带哪些材料',
  },
  {
    tenant: '450222',
    window: 'C1',
    by: 'liucheng.window',
    daysAgo: 1,
    itemCode: '00013112800001',
    channel: ConsultationChannel.PHONE,
    note: null,
  },
  {
    tenant: '450222',
    window: 'C1',
    by: 'liucheng.window',
    daysAgo: 1,
    itemCode: null,
    channel: ConsultationChannel.IN_PERSON,
    note: '问大厅办公时间',
  },
  {
    tenant: '450222',
    window: '01',
    by: 'liucheng.land',
    daysAgo: 1,
    itemCode: '00011610100006',
    channel: ConsultationChannel.ONLINE,
    note: null,
  },
  {
    tenant: '450222203',
    window: 'C1',
    by: 'mashan.manager',
    daysAgo: 2,
    itemCode: '000146001000',
    channel: ConsultationChannel.IN_PERSON,
    note: null,
  },
  {
    tenant: '450222203201',
    window: 'D1',
    by: 'village.staff',
    daysAgo: 0,
    itemCode: '450011002W01',
    channel: ConsultationChannel.IN_PERSON,
    note: '老人代问，下次带身份证来',
  },
];

export interface DemoComplaint {
  tenant: string;
  /** A window (its code), a staff member (a demo username), or the hall's first application at a window. */
  about: { window: string } | { staff: string } | { applicationAt: string };
  channel: ComplaintChannel;
  complainant: { name: string; phone: string | null };
  content: string;
  daysAgo: number;
  loggedBy: string;
  /** Taken on by this person (IN_PROGRESS) three hours later, with a note. */
  assignedTo?: { username: string; note: string };
  /** Resolved by `loggedBy` with this outcome, three hours later. */
  resolved?: { outcome: ComplaintOutcome; resolution: string };
}

/** Complaints at the demo's complaint windows (投诉窗口): one new, one overdue, one resolved. */
export const DEMO_COMPLAINTS: DemoComplaint[] = [
  {
    tenant: '450222',
    about: { window: 'C1' },
    channel: ComplaintChannel.IN_PERSON,
    complainant: { name: '黄丽萍', phone: '13607721188' },
    content: '综合窗口1排队近一小时，其间工作人员离岗未告知。',
    daysAgo: 2,
    loggedBy: 'liucheng.supervisor',
  },
  {
    tenant: '450222',
    about: { staff: 'liucheng.land' },
    channel: ComplaintChannel.HOTLINE_12345,
    complainant: { name: '蒙振华', phone: '18977203456' },
    content: '国土资源窗口对不动产登记所需材料前后说法不一，来回跑了三趟。',
    daysAgo: 30,
    loggedBy: 'liucheng.supervisor',
    assignedTo: { username: 'liucheng.supervisor', note: '已调取窗口录像，待约谈窗口人员。' },
  },
  {
    tenant: '450222203',
    about: { applicationAt: 'C1' },
    channel: ComplaintChannel.LETTER,
    complainant: { name: '韦春花', phone: null },
    content: '办理期间多次打窗口电话无人接听。',
    daysAgo: 1,
    loggedBy: 'mashan.manager',
    resolved: {
      outcome: ComplaintOutcome.PARTLY_SUBSTANTIATED,
      resolution: '经核查，当日窗口电话线路故障，已修复并在窗口公示备用号码；已电话向投诉人说明。',
    },
  },
];
