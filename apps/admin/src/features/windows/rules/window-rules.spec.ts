import { hasWindowProblems, windowProblems } from './window-rules';

describe('window rows', () => {
  it('window rows need a code and a name, codes unique', () => {
    const rows = windowProblems([
      { code: 'C1', name: '综合窗口', kind: 'COMPREHENSIVE' },
      { code: ' C1 ', name: '综合窗口2', kind: 'COMPREHENSIVE' },
      { code: '', name: '', kind: 'SERVICE' },
      { code: 'X'.repeat(17), name: '收费窗口', kind: 'CHARGING' },
    ]);
    expect(rows[0]).toEqual({});
    expect(rows[1]).toEqual({ code: { key: 'windowCodeDuplicate', values: { code: 'C1' } } });
    expect(rows[2]).toEqual({
      code: { key: 'windowCodeRequired' },
      name: { key: 'windowNameRequired' },
    });
    expect(rows[3].code?.key).toBe('windowCodeTooLong');
    expect(hasWindowProblems([])).toBe(false);
    expect(hasWindowProblems([{ code: 'C1', name: '', kind: 'COMPREHENSIVE' }])).toBe(true);
  });
});
