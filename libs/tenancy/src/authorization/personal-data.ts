import { Role } from '../identity/role';

/**
 * Field-level rule of DESIGN.md §3: city officials compare tenants and see applicants'
 * personal data masked (张*, 4502**********1234, 138****5678). Applied on the server when a
 * record leaves for such a reader, never left to the client.
 */
const MASKED_READERS = new Set<Role>([Role.CITY_OFFICIAL]);

/**
 * Whether the reader sees personal data masked: yes unless a role of theirs sees it plainly
 * (no roles at all: masked, failing closed).
 */
export function seesPersonalDataMasked(roles: readonly Role[]): boolean {
  return roles.every((role) => MASKED_READERS.has(role));
}

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

/** The record as this reader may see it. */
export function personalDataFor<T extends PersonalData>(roles: readonly Role[], record: T): T {
  if (!seesPersonalDataMasked(roles)) return record;
  return {
    ...record,
    name: maskName(record.name),
    idNumber: record.idNumber === null ? null : maskIdNumber(record.idNumber),
    phone: record.phone === null ? null : maskPhone(record.phone),
  };
}
