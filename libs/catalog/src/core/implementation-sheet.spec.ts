import { writeImplementationSheet } from './implementation-sheet';

describe('the implementation list sheet', () => {
  it('writes one row per entry: the promised limit (即办 or days) and the localized fields', () => {
    const entry = {
      code: '450011002W01',
      promisedLimit: { onTheSpot: false as const, workingDays: 10 },
      materials: [],
      address: '柳城县政务服务中心一楼',
      phone: '0772-7612345',
      officeHours: null,
      feeNote: '不收费',
      notes: null,
    };
    expect(
      writeImplementationSheet([
        entry,
        { ...entry, code: 'X', promisedLimit: { onTheSpot: true } },
      ])['实施清单'],
    ).toEqual([
      ['事项编码', '承诺时限', '办理地点', '咨询电话', '办公时间', '收费说明', '备注'],
      ['450011002W01', '10', '柳城县政务服务中心一楼', '0772-7612345', '', '不收费', ''],
      ['X', '即办', '柳城县政务服务中心一楼', '0772-7612345', '', '不收费', ''],
    ]);
  });
});
