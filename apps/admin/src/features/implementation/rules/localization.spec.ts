import type { ImplementationEntryFragment } from '../../../shared/api/graphql.generated';
import {
  entryValues,
  fieldRefusals,
  materialFreedom,
  promisedLimitProblem,
  updateInput,
} from './localization';

const days = (workingDays: number | null) => ({ onTheSpot: false, workingDays });
const onTheSpot = { onTheSpot: true, workingDays: null };

describe('promised limit pre-check', () => {
  it('accepts a promise at or below the statutory limit', () => {
    expect(promisedLimitProblem(days(20), days(20))).toBeNull();
    expect(promisedLimitProblem(days(20), days(5))).toBeNull();
  });

  it('refuses one above the statutory limit', () => {
    expect(promisedLimitProblem(days(20), days(21))).toBe('PROMISED_LIMIT_ABOVE_STATUTORY');
  });

  it('on the spot is the shortest promise; an on-the-spot item stays on the spot', () => {
    expect(promisedLimitProblem(days(20), onTheSpot)).toBeNull();
    expect(promisedLimitProblem(onTheSpot, onTheSpot)).toBeNull();
    expect(promisedLimitProblem(onTheSpot, days(1))).toBe('ON_THE_SPOT_STAYS_ON_THE_SPOT');
  });

  it('wants a whole number of working days, at least 1', () => {
    expect(promisedLimitProblem(days(20), days(0))).toBe('PROMISED_LIMIT_NOT_POSITIVE');
    expect(promisedLimitProblem(days(20), days(null))).toBe('PROMISED_LIMIT_NOT_POSITIVE');
    expect(promisedLimitProblem(days(20), days(1.5))).toBe('PROMISED_LIMIT_NOT_POSITIVE');
  });
});

const entry: ImplementationEntryFragment = {
  tenantId: 't1',
  code: 'X-1',
  handling: 'HANDLE',
  standard: {
    name: '某事项',
    type: 'OTHER',
    competentDepartment: '某局',
    handlingTiers: ['COUNTY'],
    intakeOnlyTiers: [],
    statutoryLimit: { onTheSpot: false, workingDays: 20 },
    materials: [
      { name: '身份证', form: 'ORIGINAL', copies: 1, required: true },
      { name: '照片', form: 'COPY', copies: 2, required: false },
    ],
  },
  promisedLimit: { onTheSpot: false, workingDays: 20 },
  materials: [
    { name: '身份证', form: 'ORIGINAL', copies: 1, required: true, notes: null },
    { name: '照片', form: 'COPY', copies: 2, required: false, notes: null },
  ],
  address: null,
  phone: '0772-1234567',
  officeHours: null,
  feeNote: null,
  notes: null,
  version: 3,
};

describe('the update', () => {
  it('passes back the version read and empty texts as null', () => {
    const values = { ...entryValues(entry), workingDays: 5, address: '  ', notes: ' 备注 ' };
    expect(updateInput(entry, values)).toMatchObject({
      tenantId: 't1',
      code: 'X-1',
      expectedVersion: 3,
      promisedLimit: { onTheSpot: false, workingDays: 5 },
      phone: '0772-1234567',
      address: null,
      notes: '备注',
    });
  });

  it('sends on the spot without days', () => {
    const values = { ...entryValues(entry), onTheSpot: true, workingDays: 5 };
    expect(updateInput(entry, values).promisedLimit).toEqual({ onTheSpot: true });
  });
});

describe('a refusal at its field', () => {
  const refusal = (extensions: Record<string, unknown>) => ({
    errors: [{ message: 'refused', extensions: { code: 'BAD_USER_INPUT', ...extensions } }],
  });

  it('puts every problem at its field', () => {
    const error = refusal({
      reason: 'PROMISED_LIMIT_ABOVE_STATUTORY',
      field: 'promisedLimit',
      problems: [
        { code: 'PROMISED_LIMIT_ABOVE_STATUTORY', field: 'promisedLimit' },
        { code: 'MATERIAL_TIGHTENED', field: 'materials[1]' },
      ],
    });
    expect(fieldRefusals(error)).toEqual([
      { field: 'workingDays', code: 'PROMISED_LIMIT_ABOVE_STATUTORY' },
      { field: ['materials', 1, 'name'], code: 'MATERIAL_TIGHTENED' },
    ]);
  });

  it('leaves refusals without a field of the form to the alert', () => {
    expect(fieldRefusals(refusal({ reason: 'LOCKED_ELEMENT', field: 'name' }))).toEqual([]);
    expect(
      fieldRefusals({ errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }),
    ).toEqual([]);
    expect(fieldRefusals(new Error('offline'))).toEqual([]);
  });
});

describe('what a material may become', () => {
  it('may only be relaxed', () => {
    expect(materialFreedom(entry.standard.materials, '身份证')).toEqual({
      mayRequire: true,
      mayAskOriginal: true,
    });
    expect(materialFreedom(entry.standard.materials, '照片')).toEqual({
      mayRequire: false,
      mayAskOriginal: false,
    });
  });
});
