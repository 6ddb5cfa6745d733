import { effectiveSettings, settingsProblems, SUPERVISION_DEFAULTS } from './supervision-settings';

describe('supervision settings, inherited down the tree', () => {
  it('are the defaults where no tenant sets anything', () => {
    const { settings, sources } = effectiveSettings([]);
    expect(settings).toEqual(SUPERVISION_DEFAULTS);
    expect(settings.yellowShare).toBe(0.2);
    expect(settings.rectificationWorkingDays).toBe(15);
    expect(Object.values(sources).every((source) => source === null)).toBe(true);
  });

  it('take each field from the nearest tenant that sets it', () => {
    const { settings, sources } = effectiveSettings([
      { tenantId: 'province', own: { defaultRating: 5, rectificationWorkingDays: 10 } },
      { tenantId: 'county', own: { rectificationWorkingDays: 7, yellowShare: null } },
    ]);
    expect(settings.rectificationWorkingDays).toBe(7);
    expect(sources.rectificationWorkingDays).toBe('county');
    expect(settings.defaultRating).toBe(5);
    expect(sources.defaultRating).toBe('province');
    expect(settings.yellowShare).toBe(0.2);
    expect(sources.yellowShare).toBeNull();
  });

  it('refuse values out of range or not whole where whole numbers are meant', () => {
    expect(
      settingsProblems({ yellowShare: 0, rectificationWorkingDays: 2.5, defaultRating: 6 }),
    ).toEqual([
      { field: 'yellowShare', code: 'OUT_OF_RANGE', problem: 'Between 0.01 and 0.9' },
      { field: 'rectificationWorkingDays', code: 'NOT_AN_INTEGER', problem: 'A whole number' },
      { field: 'defaultRating', code: 'OUT_OF_RANGE', problem: 'Between 1 and 5' },
    ]);
    expect(settingsProblems({ yellowShare: null, yellowWorkingDays: 1.5 })).toEqual([]);
    expect(settingsProblems({ yellowWorkingDays: Number.NaN })).toHaveLength(1);
  });
});
