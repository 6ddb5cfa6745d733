import { ApplicantScope, type CatalogItem, ItemType, MaterialForm, ServiceTier } from './item';

/** 公民民族成份变更初审 as a county's standard catalogue lists it (catalogue-standard.md §9). */
export function ethnicityChangeItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    code: '450708001W01',
    name: '公民民族成份变更初审',
    type: ItemType.ADMINISTRATIVE_CONFIRMATION,
    competentDepartment: '县民族宗教事务局',
    implementingLevel: '县级',
    legalBasis: '《中国公民民族成份登记管理办法》第十条',
    applicantScopes: [ApplicantScope.NATURAL_PERSON],
    conditions: '未满十八周岁的公民，其民族成份可由父母或者其他监护人申请变更',
    materials: [
      { name: '居民身份证', form: MaterialForm.ORIGINAL, copies: 1, required: true, notes: null },
      { name: '居民户口簿', form: MaterialForm.COPY, copies: 2, required: true, notes: null },
      {
        name: '父母民族成份证明',
        form: MaterialForm.COPY,
        copies: 1,
        required: false,
        notes: '情形必要',
      },
    ],
    steps: ['受理', '审查', '决定'],
    statutoryLimit: { onTheSpot: false, workingDays: 10 },
    fee: { free: true },
    handlingTiers: [ServiceTier.COUNTY],
    intakeOnlyTiers: [ServiceTier.TOWNSHIP, ServiceTier.VILLAGE],
    onlineAvailable: false,
    ...overrides,
  };
}
