import { requiredTextProblems } from './problem';

describe('a required text', () => {
  it('is there, trimmed, and at most so long', () => {
    expect(requiredTextProblems('  ', 'name', 3)).toEqual([{ key: 'nameRequired' }]);
    expect(requiredTextProblems(' 龙头镇 ', 'name', 3)).toEqual([]);
    expect(requiredTextProblems('龙头镇镇', 'name', 3)).toEqual([
      { key: 'nameTooLong', values: { max: 3 } },
    ]);
  });

  it('counts characters as the API does: code points, or UTF-16 units', () => {
    const name = '𠮷野'; // the first is outside the Basic Multilingual Plane: two units
    expect(requiredTextProblems(name, 'applicantName', 2)).toEqual([]);
    expect(requiredTextProblems(name, 'itemCode', 2, 'units')).toEqual([
      { key: 'itemCodeTooLong', values: { max: 2 } },
    ]);
  });
});
