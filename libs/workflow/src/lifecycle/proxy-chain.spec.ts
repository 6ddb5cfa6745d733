import { ApplicationStatus as S } from './application-status';
import { chooseHandler, ForwardRefusal, originStatusAfter } from './proxy-chain';

const township = { tenantId: 'township', handles: true, active: true };
const county = { tenantId: 'county', handles: true, active: true };

describe('village proxy intake (代办): who handles a forwarded application', () => {
  it('goes to the nearest center above that handles the item: the township before the county', () => {
    expect(chooseHandler([township, county], null)).toEqual({ tenantId: 'township' });
    expect(chooseHandler([{ ...township, handles: false }, county], null)).toEqual({
      tenantId: 'county',
    });
  });

  it('passes over a center that is not open for applications', () => {
    expect(chooseHandler([{ ...township, active: false }, county], null)).toEqual({
      tenantId: 'county',
    });
  });

  it('says so when no center above handles it', () => {
    expect(chooseHandler([{ ...township, handles: false }], null)).toBe(ForwardRefusal.NO_HANDLER);
    expect(chooseHandler([], null)).toBe(ForwardRefusal.NO_HANDLER);
  });

  it('takes a named center only when it is above and handles the item', () => {
    expect(chooseHandler([township, county], 'county')).toEqual({ tenantId: 'county' });
    expect(chooseHandler([{ ...township, handles: false }, county], 'township')).toBe(
      ForwardRefusal.CANNOT_HANDLE,
    );
    expect(chooseHandler([township, { ...county, active: false }], 'county')).toBe(
      ForwardRefusal.NOT_ACTIVE,
    );
    expect(chooseHandler([township, county], 'sibling')).toBe(ForwardRefusal.NOT_ABOVE);
  });
});

describe('the origin follows its handler', () => {
  it.each([
    [S.COMPLETED, S.RESULT_READY],
    [S.REJECTED, S.RESULT_READY],
    [S.WITHDRAWN, S.WITHDRAWN],
    [S.ACCEPTED, null],
    [S.SUSPENDED, null],
    [S.APPROVED, null],
  ])('handler %s: origin %s', (handler, origin) => {
    expect(originStatusAfter(handler)).toBe(origin);
  });
});
