import type { ApplicationStatus } from '../../../shared/api/graphql.generated';
import {
  appendPage,
  filterInput,
  intakeScope,
  intakeWindows,
  afterIntake,
  prependApplication,
} from './application-list';

const row = (id: string, extra: Partial<{ tenantId: string; status: string }> = {}) => ({
  id,
  tenantId: 'county',
  status: 'SUBMITTED',
  ...extra,
});

describe('the list', () => {
  it('a further page adds only what is not there yet', () => {
    const rows = [row('a'), row('b')];
    expect(appendPage(rows, [row('b'), row('c'), row('c')]).map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(appendPage([], [row('x')]).map((r) => r.id)).toEqual(['x']);
  });

  it('a new application goes on top, replacing an older copy', () => {
    const rows = [row('a'), row('b')];
    expect(prependApplication(rows, row('n')).map((r) => r.id)).toEqual(['n', 'a', 'b']);
    const updated = row('b', { status: 'ACCEPTED' });
    expect(prependApplication(rows, updated)).toEqual([updated, row('a')]);
  });

  it('filters: only the set parts go to the API', () => {
    expect(filterInput({})).toEqual({});
    expect(filterInput({ tenantId: null, status: 'SUBMITTED' })).toEqual({ status: 'SUBMITTED' });
    // An empty value, as a cleared select may give.
    expect(filterInput({ tenantId: 't', status: '' as ApplicationStatus })).toEqual({
      tenantId: 't',
    });
  });

  it('an application just taken in goes on top, lifting a status filter that would hide it', () => {
    expect(afterIntake(row('a'), {})).toBe('prepend');
    expect(afterIntake(row('a'), { status: 'SUBMITTED' })).toBe('prepend');
    expect(afterIntake(row('a'), { tenantId: 'county', status: null })).toBe('prepend');
    expect(afterIntake(row('a'), { status: 'ACCEPTED' })).toBe('showAllStatuses');
    expect(afterIntake(row('a'), { status: 'ACCEPTED', tenantId: 'city' })).toBe('showAllStatuses');
    // The filter covers the tenants below it: only the server knows.
    expect(afterIntake(row('a'), { tenantId: 'city' })).toBe('reload');
  });
});

describe('where a person may take applications in', () => {
  it('by role: the widest wins', () => {
    expect(intakeScope(['CENTER_MANAGER'])).toBe('subtree');
    expect(intakeScope(['STATION_STAFF'])).toBe('ownTenant');
    expect(intakeScope(['WINDOW_STAFF'])).toBe('assigned');
    expect(intakeScope(['WINDOW_STAFF', 'CENTER_MANAGER'])).toBe('subtree');
    for (const role of ['PLATFORM_ADMIN', 'CITY_OFFICIAL', 'COUNTY_ADMIN', 'SUPERVISOR']) {
      expect(intakeScope([role])).toBe('none');
    }
    expect(intakeScope([])).toBe('none');
  });

  const windows = [
    { id: 'c2', code: 'C2', name: '综合窗口2', kind: 'COMPREHENSIVE', staffIds: [] },
    { id: '10', code: '10', name: '市场监管窗口', kind: 'SERVICE', staffIds: ['me'] },
    { id: 'c1', code: 'C1', name: '综合窗口1', kind: 'COMPREHENSIVE', staffIds: ['other', 'me'] },
    { id: '01', code: '01', name: '国土资源窗口', kind: 'SERVICE', staffIds: ['other'] },
    { id: 'sf', code: 'SF', name: '收费窗口', kind: 'CHARGING', staffIds: ['me'] },
    { id: 'ts', code: 'TS', name: '投诉窗口', kind: 'COMPLAINT', staffIds: ['me'] },
  ];

  it('window staff: only the windows they are assigned to', () => {
    expect(intakeWindows('assigned', windows, 'me').map((w) => w.id)).toEqual(['10', 'c1']);
    expect(intakeWindows('assigned', windows, 'nobody')).toEqual([]);
  });

  it('managers and station staff: every window that takes applications, in code order', () => {
    expect(intakeWindows('subtree', windows, 'me').map((w) => w.code)).toEqual([
      '01',
      '10',
      'C1',
      'C2',
    ]);
    expect(intakeWindows('ownTenant', windows, 'x')).toHaveLength(4);
    expect(intakeWindows('none', windows, 'me')).toEqual([]);
  });
});
