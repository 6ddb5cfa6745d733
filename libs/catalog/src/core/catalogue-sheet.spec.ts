import { ItemType, MaterialForm, ServiceTier } from './item';
import {
  CatalogueCheck,
  type CatalogueSheets,
  type SheetCell,
  readCatalogueSheets,
  writeCatalogueSheets,
} from './catalogue-sheet';
import { ethnicityChangeItem } from './test-items';

const cells = (sheets: Record<string, string[][]>): CatalogueSheets =>
  Object.fromEntries(
    Object.entries(sheets).map(([name, rows]) => [
      name,
      rows.map((row) => row.map((text): SheetCell => ({ text, kind: 'value' }))),
    ]),
  );

const licence = ethnicityChangeItem({
  code: '000104002000',
  name: '固定资产投资项目节能审查',
  type: ItemType.ADMINISTRATIVE_LICENSE,
  competentDepartment: '县发展和改革局',
  statutoryLimit: { onTheSpot: false, workingDays: 20 },
  fee: { free: false, basis: '桂价费〔2019〕1号', amount: '100 元' },
  handlingTiers: [ServiceTier.COUNTY],
  intakeOnlyTiers: [],
  onlineAvailable: true,
  materials: [
    { name: '节能报告', form: MaterialForm.ORIGINAL, copies: 2, required: true, notes: null },
  ],
  steps: ['受理', '评审', '决定', '送达'],
});

describe('the catalogue spreadsheet', () => {
  it('reads back what it wrote', () => {
    const items = [
      ethnicityChangeItem(),
      licence,
      ethnicityChangeItem({
        code: 'X1',
        statutoryLimit: { onTheSpot: true },
        materials: [],
        steps: [],
      }),
    ];
    const read = readCatalogueSheets(cells(writeCatalogueSheets(items)));
    expect(read.problems).toEqual([]);
    expect(read.items).toEqual(items);
  });

  it('reports every defect at its sheet, row and column, and imports nothing', () => {
    const sheets = writeCatalogueSheets([ethnicityChangeItem(), licence]);
    const items = sheets['事项'];
    items.push([...items[1]]); // row 4: duplicate code
    items[1][1] = ''; // row 2: missing name
    items[2][2] = '行政审批'; // row 3: unknown type
    items[2][8] = '二十'; // limit not a number
    items[2][11] = '县级、市级'; // unknown tier
    items[2][12] = '县级'; // handled and intake only
    items[2][13] = '可以'; // not yes/no
    items[2][10] = ''; // charged, no basis
    sheets['材料'].push(['NOPE', '证明', '扫描件', 'two', '必须', '']);
    sheets['流程'].push(['000104002000', '1', '重复的环节']);
    const read = readCatalogueSheets(cells(sheets));
    expect(read.items).toEqual([]);
    expect(read.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`)).toEqual([
      '事项:2:事项名称:REQUIRED',
      '事项:3:事项类型:UNKNOWN_TYPE',
      '事项:3:法定时限:LIMIT_NOT_A_NUMBER',
      '事项:3:收费依据:FEE_WITHOUT_BASIS',
      '事项:3:办理层级:UNKNOWN_TIER',
      '事项:3:仅受理层级:TIER_HANDLED_AND_INTAKE_ONLY',
      '事项:3:网上可办:NOT_YES_OR_NO',
      '事项:4:事项编码:DUPLICATE_CODE',
      '材料:6:事项编码:UNKNOWN_ITEM',
      '材料:6:材料形式:UNKNOWN_MATERIAL_FORM',
      '材料:6:份数:COPIES_NOT_A_NUMBER',
      '材料:6:是否必需:NOT_YES_OR_NO',
      '流程:9:序号:DUPLICATE_STEP',
    ]);
    expect(read.problems.every((p) => p.message.zhCN !== '' && p.message.enUS !== '')).toBe(true);
  });

  it('refuses formulas, merged cells, missing sheets and columns', () => {
    const sheets = cells(writeCatalogueSheets([licence]));
    sheets['事项'][1][0] = { text: '000104002000', kind: 'formula' };
    sheets['事项'][1][3] = { text: '', kind: 'merged' };
    expect(
      readCatalogueSheets(sheets).problems.map((p) => `${p.row}:${p.column}:${p.code}`),
    ).toEqual(['2:事项编码:FORMULA', '2:主管部门:MERGED_CELL']);

    const partial = cells(writeCatalogueSheets([licence]));
    delete partial['流程'];
    partial['材料'][0] = partial['材料'][0].filter((cell) => cell.text !== '份数');
    expect(
      readCatalogueSheets(partial).problems.map((p) => `${p.sheet}:${p.column}:${p.code}`),
    ).toEqual(['材料:份数:HEADER_MISSING', '流程:null:SHEET_MISSING']);
  });

  it('finds columns by English headers too, in any order, and skips empty rows', () => {
    const sheets = writeCatalogueSheets([licence]);
    const english = { Code: 0, Name: 1 } as const;
    sheets['事项'][0][english.Code] = 'code';
    sheets['事项'][0][english.Name] = 'NAME';
    sheets['事项'] = [
      sheets['事项'][0].slice().reverse(),
      ['', ''],
      sheets['事项'][1].slice().reverse(),
    ];
    const read = readCatalogueSheets(cells(sheets));
    expect(read.problems).toEqual([]);
    expect(read.items.map((item) => item.name)).toEqual(['固定资产投资项目节能审查']);
  });

  it('says an empty catalogue has no items', () => {
    const sheets = writeCatalogueSheets([]);
    expect(readCatalogueSheets(cells(sheets)).problems.map((p) => p.code)).toEqual(['NO_ITEMS']);
  });

  describe('checked one row at a time', () => {
    const feed = (check: CatalogueCheck, sheets: CatalogueSheets, order: string[]) => {
      const read = [];
      for (const name of order) {
        for (const [index, line] of sheets[name].entries()) {
          const row = check.row(name, index + 1, line);
          if (row) read.push(row);
        }
        check.endSheet(name);
      }
      return read;
    };

    it('reports the same problems in the same order whatever the order of the sheets', () => {
      const sheets = writeCatalogueSheets([ethnicityChangeItem(), licence]);
      sheets['材料'].push(
        ['999', '证明', '原件', '1', '是', ''],
        [licence.code, '节能报告', '原件', '两', '是', ''],
      );
      sheets['流程'].push(['998', '1', '受理']);
      sheets['事项'][2][2] = '行政审批';
      const expected = readCatalogueSheets(cells(sheets)).problems;
      expect(expected.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`)).toEqual([
        '事项:3:事项类型:UNKNOWN_TYPE',
        '材料:6:事项编码:UNKNOWN_ITEM',
        '材料:7:份数:COPIES_NOT_A_NUMBER',
        '材料:7:材料名称:DUPLICATE_MATERIAL',
        '流程:9:事项编码:UNKNOWN_ITEM',
      ]);
      // The items sheet last: the materials' and steps' codes are checked once it has ended.
      const check = new CatalogueCheck();
      feed(check, cells(sheets), ['流程', '材料', '事项']);
      expect(check.finish().problems).toEqual(expected);
    });

    it('hands back each good row while nothing is wrong, and nothing once something is', () => {
      const sheets = cells(writeCatalogueSheets([ethnicityChangeItem(), licence]));
      const check = new CatalogueCheck();
      expect(check.row('事项', 1, sheets['事项'][0])).toBeNull(); // the header
      expect(check.row('事项', 2, sheets['事项'][1])).toMatchObject({
        kind: 'item',
        row: 2,
        item: { code: ethnicityChangeItem().code, materials: [], steps: [] },
      });
      expect(check.failed).toBe(false);
      const bad = sheets['事项'][2].map((cell, index) =>
        index === 2 ? { ...cell, text: '?' } : cell,
      );
      expect(check.row('事项', 3, bad)).toBeNull();
      expect(check.failed).toBe(true);
      expect(check.row('事项', 4, sheets['事项'][2])).toBeNull(); // good, but the file is not
      expect(check.row('其他', 2, sheets['事项'][2])).toBeNull(); // a sheet of no interest
    });

    it('reads a sheet whose first row is missing as one without its header', () => {
      const sheets = cells(writeCatalogueSheets([licence]));
      const check = new CatalogueCheck();
      feed(check, sheets, ['材料', '流程']);
      check.row('事项', 2, sheets['事项'][1]);
      check.endSheet('事项');
      expect(check.finish().problems.map((p) => `${p.sheet}:${p.row}:${p.code}`)).toEqual(
        Array(11).fill('事项:1:HEADER_MISSING'),
      );
    });

    it('lists at most so many problems, then says how many more there are', () => {
      const sheets = writeCatalogueSheets(
        Array.from({ length: 30 }, (_, index) => ethnicityChangeItem({ code: `Q${index}` })),
      );
      for (const row of sheets['事项'].slice(1)) row[2] = '行政审批';
      const check = new CatalogueCheck(10);
      feed(check, cells(sheets), ['事项', '材料', '流程']);
      const { problems, items } = check.finish();
      expect(items).toBe(0);
      expect(problems).toHaveLength(11);
      expect(problems.slice(0, 10).every((p) => p.code === 'UNKNOWN_TYPE')).toBe(true);
      expect(problems[10]).toMatchObject({ code: 'TOO_MANY_PROBLEMS', row: null });
      expect(problems[10].message.enUS).toBe('20 more problems are not listed');
    });
  });
});
