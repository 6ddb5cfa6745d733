import { readVillageSheet } from './village-sheet';

const HEADER = ['行政区划代码', '服务站名称', '代办员用户名', '代办员姓名'];

describe('the village-station sheet', () => {
  it('reads rows by their Chinese or English headers, in any order, skipping empty rows', () => {
    const { rows, problems } = readVillageSheet([
      ['Staff name', 'Division code', 'Station name', 'Staff username', 'Window name'],
      ['覃明', '450222203203', '新村便民服务站', 'XinCun.Staff', ''],
      ['', '', '', '', ''],
      ['韦芳', '450222203204', '古砦村便民服务站', 'guzhai.staff', '综合代办窗口'],
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        divisionCode: '450222203203',
        name: '新村便民服务站',
        managerUsername: 'xincun.staff',
        managerDisplayName: '覃明',
        windowName: '代办窗口',
      },
      expect.objectContaining({ row: 4, windowName: '综合代办窗口' }),
    ]);
  });

  it('says which header is missing, and reads nothing then', () => {
    const { rows, problems } = readVillageSheet([
      ['行政区划代码', '服务站名称'],
      ['4502', 'x'],
    ]);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ['HEADER_MISSING', '代办员用户名'],
      ['HEADER_MISSING', '代办员姓名'],
    ]);
  });

  it('reports empty cells, overlong ones and repeats within the sheet, by row and column', () => {
    const { problems } = readVillageSheet([
      HEADER,
      ['450222203203', '新村', 'a.staff', '甲'],
      ['450222203203', 'x'.repeat(61), 'a.staff', ''],
    ]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, '服务站名称', 'TOO_LONG'],
      [3, '代办员姓名', 'REQUIRED'],
      [3, '行政区划代码', 'REPEATED_IN_SHEET'],
      [3, '代办员用户名', 'REPEATED_IN_SHEET'],
    ]);
  });

  it('wants at least one station', () => {
    expect(readVillageSheet([HEADER]).problems.map((p) => p.code)).toEqual(['NO_ROWS']);
  });
});
