import type { SubjectRecord, TongbanAbility } from './ability';

/**
 * Field-level rule of DESIGN.md §3: city officials compare tenants and see applicants'
 * personal data masked (张*, 4502**********1234, 138****5678). Which fields a reader sees
 * plainly is a field rule of their ability (role-rules.ts); masking is applied on the server
 * when a record leaves for that reader, never left to the client.
 */

/** 张三 → 张*, 欧阳娜娜 → 欧***; a Latin name keeps its first letter. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length ? '*' : '';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 18-digit resident ID (or 15-digit old form): first 4 and last 4 kept. */
export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 11-digit mobile: first 3 and last 4 kept; other numbers keep only their last 4. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s|-/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

export interface PersonalData {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/**
 * The applicant's personal data as this reader may see it: each field the ability does not
 * let them read plainly on this very record is masked. `masked` says whether any was.
 */
export function personalDataFor(
  ability: TongbanAbility,
  record: SubjectRecord,
  data: PersonalData,
): PersonalData & { masked: boolean } {
  const plain = (field: string) => ability.can('read', record, field);
  const nameMasked = !plain('applicantName');
  const idNumberMasked = data.idNumber !== null && !plain('applicantIdNumber');
  const phoneMasked = data.phone !== null && !plain('applicantPhone');
  const name = nameMasked ? maskName(data.name) : data.name;
  const idNumber = idNumberMasked ? maskIdNumber(data.idNumber!) : data.idNumber;
  const phone = phoneMasked ? maskPhone(data.phone!) : data.phone;
  const masked = nameMasked || idNumberMasked || phoneMasked;
  return { name, idNumber, phone, masked };
}
