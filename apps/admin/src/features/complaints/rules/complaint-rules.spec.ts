import { problemsOf, reasonOf, STATUS_COLORS, STATUSES } from './complaint-rules';

const refusal = (extensions: Record<string, unknown>) => ({
  errors: [{ message: 'x', extensions }],
});

describe('complaint rules of the admin app', () => {
  it('colours every state', () => {
    expect(STATUSES.map((s) => STATUS_COLORS[s])).toEqual(['orange', 'blue', 'green', 'default']);
  });

  it('names the reasons it explains, and no others', () => {
    expect(reasonOf(refusal({ code: 'CONFLICT', reason: 'NOT_OPEN' }))).toBe('NOT_OPEN');
    expect(reasonOf(refusal({ code: 'CONFLICT', reason: 'CHANGED' }))).toBe('CHANGED');
    expect(reasonOf(refusal({ code: 'CONFLICT', reason: 'SOMETHING_ELSE' }))).toBeNull();
    expect(reasonOf(new Error('offline'))).toBeNull();
  });

  it('reads the input problems it explains', () => {
    const error = refusal({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'complainantName', code: 'REQUIRED' },
        { field: 'complainantPhone', code: 'PHONE_FORMAT' },
        { field: 'x', code: 'UNKNOWN' },
        'junk',
      ],
    });
    expect(problemsOf(error)).toEqual([
      { field: 'complainantName', code: 'REQUIRED' },
      { field: 'complainantPhone', code: 'PHONE_FORMAT' },
    ]);
    expect(problemsOf(refusal({ code: 'BAD_USER_INPUT' }))).toEqual([]);
  });
});
