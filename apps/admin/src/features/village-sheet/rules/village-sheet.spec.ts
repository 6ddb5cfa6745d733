import { problemsByRow, rowContext, sheetFileName, takesVillages } from './village-sheet';

describe('the village sheet on the client', () => {
  it('groups problems by row, the sheet (row 1) first', () => {
    const problem = (row: number, code: string) => ({ row, code, message: code });
    expect(
      problemsByRow([problem(4, 'REQUIRED'), problem(1, 'HEADER_MISSING'), problem(4, 'TOO_LONG')]),
    ).toEqual([
      [1, [problem(1, 'HEADER_MISSING')]],
      [4, [problem(4, 'REQUIRED'), problem(4, 'TOO_LONG')]],
    ]);
  });

  it('an empty cell is said once, not again by what it implies', () => {
    const problem = (code: string, column = '服务站名称') => ({
      row: 3,
      code,
      column,
      message: code,
    });
    const taken = problem('USERNAME_TAKEN', '代办员用户名');
    expect(problemsByRow([problem('REQUIRED'), problem('NAME_EMPTY'), taken])).toEqual([
      [3, [problem('REQUIRED'), taken]],
    ]);
    expect(problemsByRow([problem('NAME_EMPTY')])).toEqual([[3, [problem('NAME_EMPTY')]]]);
    // Another column's emptiness does not hide it.
    const format = problem('USERNAME_FORMAT', '代办员用户名');
    expect(problemsByRow([problem('REQUIRED'), format])).toEqual([
      [3, [problem('REQUIRED'), format]],
    ]);
  });

  it('stations go below townships and counties', () => {
    expect(takesVillages('TOWNSHIP')).toBe(true);
    expect(takesVillages('COUNTY')).toBe(true);
    expect(takesVillages('VILLAGE')).toBe(false);
    expect(takesVillages('CITY')).toBe(false);
  });

  it('a row names what its problems are about', () => {
    const parent = { kind: 'TOWNSHIP' as const, divisionCode: '450222203' };
    expect(
      rowContext({ row: 2, divisionCode: '450222203209', managerUsername: 'a.b' }, parent),
    ).toEqual({
      kind: 'VILLAGE',
      parent,
      divisionCode: '450222203209',
      username: 'a.b',
    });
    expect(rowContext(undefined, parent).divisionCode).toBe('');
    expect(sheetFileName('村站开通表', '问题')).toBe('村站开通表-问题.xlsx');
  });
});
