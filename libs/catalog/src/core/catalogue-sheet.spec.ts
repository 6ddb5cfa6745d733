import { ItemType, MaterialForm, ServiceTier } from './item';
import {
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
});
