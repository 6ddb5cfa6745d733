import {
  ApplicantScope,
  type CatalogItem,
  type Fee,
  ItemType,
  type Material,
  MaterialForm,
  ServiceTier,
} from '../../core/item';

/**
 * Builders for the demo standard catalogue: one item per call, with the defaults a county
 * catalogue mostly uses (县级, free, handled at the county, steps by item type). The data in
 * the sibling files is what matters; these only keep it short.
 */

export { ItemType };
export const LICENCE = ItemType.ADMINISTRATIVE_LICENSE;
export const CONFIRMATION = ItemType.ADMINISTRATIVE_CONFIRMATION;
export const PAYMENT = ItemType.ADMINISTRATIVE_PAYMENT;
export const RULING = ItemType.ADMINISTRATIVE_RULING;
export const SERVICE = ItemType.PUBLIC_SERVICE;
export const OTHER = ItemType.OTHER;

/** Who applies: 自然人, 法人 or both. */
export const PERSON = [ApplicantScope.NATURAL_PERSON];
export const ORGANISATION = [ApplicantScope.LEGAL_PERSON];
export const ANYONE = [ApplicantScope.NATURAL_PERSON, ApplicantScope.LEGAL_PERSON];

/** Where an item is handled and where it is only taken in. */
export interface Tiers {
  handlingTiers: ServiceTier[];
  intakeOnlyTiers: ServiceTier[];
}
const { COUNTY, TOWNSHIP, VILLAGE } = ServiceTier;
/** Handled at the county service centre only. */
export const AT_COUNTY: Tiers = { handlingTiers: [COUNTY], intakeOnlyTiers: [] };
/** Decided at the county; the township centre takes it in. */
export const TOWNSHIP_INTAKE: Tiers = { handlingTiers: [COUNTY], intakeOnlyTiers: [TOWNSHIP] };
/** Decided at the county; township centres and village stations take it in. */
export const TOWNSHIP_VILLAGE_INTAKE: Tiers = {
  handlingTiers: [COUNTY],
  intakeOnlyTiers: [TOWNSHIP, VILLAGE],
};
/** The township may decide it too; the village station takes it in. */
export const TOWNSHIP_HANDLES: Tiers = {
  handlingTiers: [COUNTY, TOWNSHIP],
  intakeOnlyTiers: [VILLAGE],
};
/** Decided by the township government (e.g. 宅基地审批); the village station takes it in. */
export const AT_TOWNSHIP: Tiers = { handlingTiers: [TOWNSHIP], intakeOnlyTiers: [VILLAGE] };
/** Handled at every tier, the village station included. */
export const VILLAGE_HANDLES: Tiers = {
  handlingTiers: [COUNTY, TOWNSHIP, VILLAGE],
  intakeOnlyTiers: [],
};

/** A material: 原件 unless said otherwise, one copy, required. */
export function material(
  name: string,
  form: MaterialForm = MaterialForm.ORIGINAL,
  options: { copies?: number; required?: boolean; notes?: string } = {},
): Material {
  return {
    name,
    form,
    copies: options.copies ?? 1,
    required: options.required ?? true,
    notes: options.notes ?? null,
  };
}
export const original = (name: string, copies = 1, notes?: string): Material =>
  material(name, MaterialForm.ORIGINAL, { copies, notes });
export const copy = (name: string, copies = 1, notes?: string): Material =>
  material(name, MaterialForm.COPY, { copies, notes });
export const eLicence = (name: string, notes?: string): Material =>
  material(name, MaterialForm.E_LICENCE, { notes });
/** A material needed only in some situations (情形必要), named in the notes. */
export const ifNeeded = (
  name: string,
  notes: string,
  form: MaterialForm = MaterialForm.ORIGINAL,
): Material => material(name, form, { required: false, notes });
/** The application form an item names, signed by the applicant. */
export const form = (name: string, copies = 1): Material =>
  material(name, MaterialForm.ORIGINAL, { copies, notes: '申请人签名（盖章）' });

export const ID_CARD = original('居民身份证', 1, '核验后退回');
export const HOUSEHOLD_REGISTER = original('居民户口簿', 1, '核验后退回');
export const PHOTO = original('近期免冠彩色证件照片', 2, '白底，一寸');
export const BUSINESS_LICENCE = eLicence('营业执照', '可通过电子证照库调取，无需提交纸质件');
export const LEGAL_REPRESENTATIVE_ID = copy('法定代表人身份证件');
export const AGENT = ifNeeded('授权委托书及受托人身份证件', '委托他人办理的提供');
export const BANK_CARD = copy('本人社会保障卡（金融账户）或银行账户信息');
export const PROPERTY_CERTIFICATE = original('不动产权证书或不动产登记证明', 1, '核验后收回或退回');

/** Procedure steps most items follow, by item type. */
export const STEPS = {
  licence: ['受理', '审查', '决定', '制证送达'],
  licenceWithSiteCheck: ['受理', '审查', '现场核查', '决定', '制证送达'],
  onTheSpot: ['受理', '审核', '办结'],
  confirmation: ['受理', '审核', '确认', '办结'],
  payment: ['申请受理', '审核', '公示', '审批', '发放'],
  socialAssistance: ['申请', '乡镇人民政府受理审核', '入户调查并公示', '县民政局审批', '发放'],
  service: ['受理', '办理', '办结'],
  ruling: ['受理', '调查', '调解或听证', '裁决', '送达'],
  record: ['受理', '核对', '备案'],
} as const;

const DEFAULT_STEPS: Record<ItemType, readonly string[]> = {
  [ItemType.ADMINISTRATIVE_LICENSE]: STEPS.licence,
  [ItemType.ADMINISTRATIVE_CONFIRMATION]: STEPS.confirmation,
  [ItemType.ADMINISTRATIVE_PAYMENT]: STEPS.payment,
  [ItemType.ADMINISTRATIVE_RULING]: STEPS.ruling,
  [ItemType.PUBLIC_SERVICE]: STEPS.service,
  [ItemType.OTHER]: STEPS.record,
};

/** 免费, or a charge with its basis. */
export const FREE: Fee = { free: true };
export const charged = (amount: string, basis: string): Fee => ({ free: false, amount, basis });

export interface ItemSpec {
  code: string;
  name: string;
  type: ItemType;
  basis: string;
  /** 实施层级 when not 县级 (e.g. 乡镇级 for items the township government decides). */
  level?: string;
  applicants?: ApplicantScope[];
  conditions?: string;
  materials: Material[];
  steps?: readonly string[];
  /** Working days, or 'on the spot' for 即办件. */
  limit: number | 'on the spot';
  fee?: Fee;
  tiers?: Tiers;
  online?: boolean;
}

/** The items of one county department: 县级, free, handled at the county, not online unless said. */
export function department(competentDepartment: string) {
  return (spec: ItemSpec): CatalogItem => ({
    code: spec.code,
    name: spec.name,
    type: spec.type,
    competentDepartment,
    implementingLevel: spec.level ?? '县级',
    legalBasis: spec.basis,
    applicantScopes: [...(spec.applicants ?? PERSON)],
    conditions: spec.conditions ?? '',
    materials: spec.materials.map((item) => ({ ...item })),
    steps: [...(spec.steps ?? DEFAULT_STEPS[spec.type])],
    statutoryLimit:
      spec.limit === 'on the spot'
        ? { onTheSpot: true }
        : { onTheSpot: false, workingDays: spec.limit },
    fee: spec.fee ?? FREE,
    handlingTiers: [...(spec.tiers ?? AT_COUNTY).handlingTiers],
    intakeOnlyTiers: [...(spec.tiers ?? AT_COUNTY).intakeOnlyTiers],
    onlineAvailable: spec.online ?? false,
  });
}
