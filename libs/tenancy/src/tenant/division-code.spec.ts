import { divisionCodeProblems } from './division-code';
import { TenantKind } from '@tongban/core';

const county = { kind: TenantKind.COUNTY, divisionCode: '450222' };
const township = { kind: TenantKind.TOWNSHIP, divisionCode: '450222203' };

describe('divisionCodeProblems', () => {
  it('accepts a township under its county and a village under its township or directly under the county', () => {
    expect(divisionCodeProblems('450222104', TenantKind.TOWNSHIP, county)).toEqual([]);
    expect(divisionCodeProblems('450222203203', TenantKind.VILLAGE, township)).toEqual([]);
    expect(divisionCodeProblems('450222100003', TenantKind.VILLAGE, county)).toEqual([]);
  });

  it.each([
    ['45022210', TenantKind.TOWNSHIP, county, /has 9 digits \(got 8\)/],
    ['45022210x', TenantKind.TOWNSHIP, county, /digits only/],
    ['450223104', TenantKind.TOWNSHIP, county, /start with the parent's code 450222/],
    ['450222000', TenantKind.TOWNSHIP, county, /own non-zero digits/],
    ['450222100201', TenantKind.VILLAGE, township, /start with the parent's code 450222203/],
    ['450222203', TenantKind.TOWNSHIP, township, /cannot be opened under a township/],
  ])('refuses %s (%s)', (code, kind, parent, problem) => {
    expect(
      divisionCodeProblems(code, kind, parent)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(problem);
  });
});
