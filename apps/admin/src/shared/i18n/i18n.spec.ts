import { fakeStorage } from '../testing/fake-api';
import { translator } from '../testing/translator';
import { enUS } from './en-US';
import {
  APPLICATION_STATUSES,
  applicationStatusLabel,
  isApplicationStatus,
  isRole,
  roleLabel,
  ROLES,
  sortRoles,
  TENANT_KINDS,
  TENANT_STATUSES,
  tenantKindLabel,
  tenantStatusLabel,
  waitLabel,
  WINDOW_KINDS,
  windowKindLabel,
} from './labels';
import { DEFAULT_LANGUAGE, initialLanguage, LANGUAGE_KEY, rememberLanguage } from './languages';
import { zhCN } from './zh-CN';

function keysOf(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

const zh = translator(zhCN);
const en = translator(enUS);

describe('message tables', () => {
  it('zh-CN and en-US have exactly the same keys, none empty', () => {
    expect(keysOf(enUS).sort()).toEqual(keysOf(zhCN).sort());
    for (const table of [zhCN, enUS]) {
      for (const key of keysOf(table)) expect(translator(table)(key).trim()).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    for (const key of keysOf(zhCN)) {
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const raw = (messages: object) =>
        key
          .split('.')
          .reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], messages) as string;
      expect([key, vars(raw(enUS))]).toEqual([key, vars(raw(zhCN))]);
    }
  });
});

describe('enum labels', () => {
  it.each([
    ['role', ROLES, roleLabel],
    ['tenant kind', TENANT_KINDS, tenantKindLabel],
    ['tenant status', TENANT_STATUSES, tenantStatusLabel],
    ['application status', APPLICATION_STATUSES, applicationStatusLabel],
    ['window kind', WINDOW_KINDS, windowKindLabel],
  ] as const)('every %s of the contract has a label in both languages', (_what, values, label) => {
    for (const value of values) {
      expect(label(zh, value)).not.toBe(value);
      expect(label(en, value)).not.toBe(value);
    }
  });
});

describe('role labels', () => {
  it('names roles in the language', () => {
    expect(roleLabel(zh, 'COUNTY_ADMIN')).toBe('县级管理员');
    expect(roleLabel(en, 'COUNTY_ADMIN')).toBe('County administrator');
    expect(roleLabel(zh, 'STATION_STAFF')).toBe('便民服务站工作人员');
  });

  it('shows an unknown role as its code', () => {
    expect(isRole('AUDITOR')).toBe(false);
    expect(roleLabel(zh, 'AUDITOR')).toBe('AUDITOR');
  });

  it('orders roles as the contract does, unknown ones last, without duplicates', () => {
    expect(sortRoles(['SUPERVISOR', 'ZZZ', 'COUNTY_ADMIN', 'SUPERVISOR'])).toEqual([
      'COUNTY_ADMIN',
      'SUPERVISOR',
      'ZZZ',
    ]);
  });

  it('labels tenant kinds and statuses', () => {
    expect(tenantKindLabel(zh, 'COUNTY')).toBe('县级');
    expect(tenantKindLabel(en, 'TOWNSHIP')).toBe('Township');
    expect(tenantKindLabel(en, 'GALAXY')).toBe('GALAXY');
    expect(TENANT_STATUSES.map((s) => tenantStatusLabel(zh, s))).toEqual([
      '开通中',
      '运行中',
      '已暂停',
    ]);
    expect(tenantStatusLabel(en, 'SUSPENDED')).toBe('Suspended');
  });
});

describe('application statuses', () => {
  it('twelve of them, from intake to withdrawal, and the two of a forwarded case (代办)', () => {
    expect(APPLICATION_STATUSES).toHaveLength(12);
    expect(APPLICATION_STATUSES.slice(-2)).toEqual(['FORWARDED', 'RESULT_READY']);
    expect(applicationStatusLabel(zh, 'RESULT_READY')).toBe('结果待交付');
    expect(APPLICATION_STATUSES[0]).toBe('SUBMITTED');
    expect(isApplicationStatus('IN_REVIEW')).toBe(true);
    expect(isApplicationStatus('LOST')).toBe(false);
  });

  it('are named in the language; an unknown one shows its code', () => {
    expect(applicationStatusLabel(zh, 'SUBMITTED')).toBe('已收件');
    expect(applicationStatusLabel(en, 'COMPLETED')).toBe('Completed');
    expect(applicationStatusLabel(en, 'ARCHIVED')).toBe('ARCHIVED');
  });
});

describe('waitLabel', () => {
  it('says how long to wait in seconds, minutes and seconds, or minutes', () => {
    expect(waitLabel(zh, 57)).toBe('57 秒');
    expect(waitLabel(zh, 90)).toBe('1 分 30 秒');
    expect(waitLabel(zh, 900)).toBe('15 分钟');
    expect(waitLabel(en, 0.2)).toBe('1 s');
    expect(waitLabel(en, 61)).toBe('1 min 1 s');
  });
});

describe('language choice', () => {
  it('defaults to Chinese and remembers a switch', () => {
    const storage = fakeStorage();
    expect(initialLanguage(storage)).toBe(DEFAULT_LANGUAGE);
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    rememberLanguage(storage, 'en-US');
    expect(storage.getItem(LANGUAGE_KEY)).toBe('en-US');
    expect(initialLanguage(storage)).toBe('en-US');
  });

  it('follows the browser on a first visit; a remembered choice wins after', () => {
    expect(initialLanguage(fakeStorage(), ['en-GB', 'zh-CN'])).toBe('en-US');
    expect(initialLanguage(fakeStorage(), ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLanguage(fakeStorage(), ['zh-Hans-CN'])).toBe('zh-CN');
    expect(initialLanguage(fakeStorage(), ['fr-FR', 'de'])).toBe('zh-CN');
    expect(initialLanguage(fakeStorage({ [LANGUAGE_KEY]: 'zh-CN' }), ['en-US'])).toBe('zh-CN');
  });

  it('ignores an unsupported stored value and a broken storage', () => {
    expect(initialLanguage(fakeStorage({ [LANGUAGE_KEY]: 'fr-FR' }))).toBe('zh-CN');
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(initialLanguage(broken)).toBe('zh-CN');
    expect(() => rememberLanguage(broken, 'en-US')).not.toThrow();
    expect(initialLanguage(null)).toBe('zh-CN');
  });
});
