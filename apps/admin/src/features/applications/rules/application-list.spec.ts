import type { ApplicationStatus } from '../../../shared/api/graphql.generated';
import { appendPage, filterInput, afterIntake, prependApplication } from './application-list';

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
