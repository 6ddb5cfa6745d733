import { MaterialForm } from './item';
import { adoptedSettings, localizationProblems, lockedElementsChanged } from './localization';
import { ethnicityChangeItem } from './test-items';

describe('localizing an adopted item', () => {
  const item = ethnicityChangeItem();

  it('accepts the standard as adopted, and a compressed promise', () => {
    expect(localizationProblems(item, adoptedSettings(item))).toEqual([]);
    const settings = {
      ...adoptedSettings(item),
      promisedLimit: { onTheSpot: false as const, workingDays: 1 },
    };
    expect(localizationProblems(item, settings)).toEqual([]);
  });

  it('refuses a promised limit above the statutory one, or not a positive whole number', () => {
    const above = {
      ...adoptedSettings(item),
      promisedLimit: { onTheSpot: false as const, workingDays: 11 },
    };
    expect(localizationProblems(item, above).map((p) => [p.code, p.field])).toEqual([
      ['PROMISED_LIMIT_ABOVE_STATUTORY', 'promisedLimit'],
    ]);
    for (const workingDays of [0, -1, 2.5]) {
      const odd = {
        ...adoptedSettings(item),
        promisedLimit: { onTheSpot: false as const, workingDays },
      };
      expect(localizationProblems(item, odd).map((p) => p.code)).toEqual([
        'PROMISED_LIMIT_NOT_POSITIVE',
      ]);
    }
  });

  it('keeps an on-the-spot item on the spot, and lets a day-limited one be promised on the spot', () => {
    const onTheSpot = ethnicityChangeItem({ statutoryLimit: { onTheSpot: true } });
    const later = {
      ...adoptedSettings(onTheSpot),
      promisedLimit: { onTheSpot: false as const, workingDays: 1 },
    };
    expect(localizationProblems(onTheSpot, later).map((p) => p.code)).toEqual([
      'ON_THE_SPOT_STAYS_ON_THE_SPOT',
    ]);
    const sooner = { ...adoptedSettings(item), promisedLimit: { onTheSpot: true as const } };
    expect(localizationProblems(item, sooner)).toEqual([]);
  });

  it('lets materials be dropped or relaxed, never a required one added or one tightened', () => {
    const [idCard, household, parents] = item.materials;
    const relaxed = {
      ...adoptedSettings(item),
      materials: [
        { ...idCard, form: MaterialForm.E_LICENCE },
        { ...household, required: false, copies: 1 },
      ],
    };
    expect(localizationProblems(item, relaxed)).toEqual([]);

    const tightened = {
      ...adoptedSettings(item),
      materials: [
        idCard,
        { ...household, form: MaterialForm.ORIGINAL },
        { ...parents, required: true },
        { name: '村委会证明', form: MaterialForm.ORIGINAL, copies: 1, required: true, notes: null },
        { name: '补充说明', form: MaterialForm.COPY, copies: 1, required: false, notes: null },
      ],
    };
    expect(localizationProblems(item, tightened).map((p) => [p.code, p.field])).toEqual([
      ['MATERIAL_TIGHTENED', 'materials[1]'],
      ['MATERIAL_TIGHTENED', 'materials[2]'],
      ['REQUIRED_MATERIAL_ADDED', 'materials[3]'],
    ]);
  });

  it('names each locked element a change would alter, and only those', () => {
    expect(lockedElementsChanged(item, { name: item.name, legalBasis: item.legalBasis })).toEqual(
      [],
    );
    expect(
      lockedElementsChanged(item, {
        name: '民族成份变更',
        code: item.code,
        competentDepartment: '县公安局',
      }),
    ).toEqual(['name', 'competentDepartment']);
  });
});
