import { type Material, MaterialForm } from './item';
import { oneTimeNotification } from './one-time-notification';

const material = (name: string, required: boolean): Material => ({
  name,
  form: MaterialForm.ORIGINAL,
  copies: 1,
  required,
  notes: null,
});

const MATERIALS = [
  material('居民身份证', true),
  material('户口簿', true),
  material('结婚证', false),
  material('家庭收入证明', true),
];

const names = (materials: Material[]) => materials.map((m) => m.name);

describe('oneTimeNotification', () => {
  it('lists every required material the applicant lacks, in the guide order, at once', () => {
    const told = oneTimeNotification(MATERIALS, ['户口簿']);
    expect(names(told.missing)).toEqual(['居民身份证', '家庭收入证明']);
    expect(names(told.optionalMissing)).toEqual(['结婚证']);
    expect(told.complete).toBe(false);
  });

  it('is complete when every required material is there, optional ones missing or not', () => {
    const told = oneTimeNotification(MATERIALS, ['居民身份证', '户口簿', '家庭收入证明']);
    expect(told).toEqual({ missing: [], optionalMissing: [MATERIALS[2]], complete: true });
  });

  it('lists all required materials when the applicant has nothing', () => {
    expect(names(oneTimeNotification(MATERIALS, []).missing)).toEqual([
      '居民身份证',
      '户口簿',
      '家庭收入证明',
    ]);
  });

  it('ignores unknown names, duplicates and white space in the names given', () => {
    const told = oneTimeNotification(MATERIALS, [' 居民 身份证 ', '居民身份证', '护照']);
    expect(names(told.missing)).toEqual(['户口簿', '家庭收入证明']);
  });

  it('is complete for an item without materials', () => {
    expect(oneTimeNotification([], ['x']).complete).toBe(true);
  });
});
