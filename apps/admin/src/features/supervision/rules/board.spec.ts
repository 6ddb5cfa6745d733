import { boardRows, percent } from './board';

describe('the supervisor’s board', () => {
  it('gives one row per window, red cards first', () => {
    const count = (windowId: string, level: 'YELLOW' | 'RED', open: number) => ({
      tenantId: 't',
      tenantName: '柳城县',
      windowId,
      windowName: `窗口${windowId}`,
      level,
      open,
    });
    expect(
      boardRows([count('1', 'YELLOW', 3), count('2', 'RED', 1), count('2', 'YELLOW', 1)]),
    ).toEqual([
      { key: 't:2', tenantName: '柳城县', windowName: '窗口2', yellow: 1, red: 1 },
      { key: 't:1', tenantName: '柳城县', windowName: '窗口1', yellow: 3, red: 0 },
    ]);
    expect(boardRows([])).toEqual([]);
  });

  it('says a share as a percentage', () => {
    expect(percent(0.2)).toBe('20%');
    expect(percent(0.125)).toBe('13%');
  });
});
