import { MaterialForm, type Material } from '@tongban/catalog';
import { supplementNotice } from './supplement-notice';

const material = (name: string): Material => ({
  name,
  form: MaterialForm.ORIGINAL,
  copies: 1,
  required: true,
  notes: null,
});
const materials = [material('身份证'), material('营业执照'), material('场所证明')];

describe('the one-time notification (一次性告知)', () => {
  it("lists the missing materials in the item's order, as the item describes them", () => {
    const notice = supplementNotice(materials, ['场所证明', '身份证']);
    expect(notice.problems).toEqual([]);
    expect(notice.missing.map((m) => m.name)).toEqual(['身份证', '场所证明']);
  });

  it('refuses none named, a name not of the item, and a name given twice', () => {
    expect(supplementNotice(materials, []).problems.map((p) => p.code)).toEqual([
      'NO_MATERIAL_NAMED',
    ]);
    expect(supplementNotice(materials, ['户口本', '身份证', '身份证']).problems).toEqual([
      expect.objectContaining({ code: 'MATERIAL_NOT_OF_ITEM', field: 'missingMaterials[0]' }),
      expect.objectContaining({ code: 'MATERIAL_NAMED_TWICE', field: 'missingMaterials[2]' }),
    ]);
  });
});
