/**
 * The local settings of an implementation list entry (实施清单) as the edit form holds them,
 * the client-side pre-check of the promised limit (承诺时限), and where a server refusal
 * belongs in the form. The server enforces the rules (libs/catalog core/localization.ts);
 * this only spares a round trip and points at the field.
 */
import type {
  ImplementationEntryFragment,
  MaterialForm,
  UpdateImplementationItemInput,
} from '../../../shared/api/graphql.generated';
import { graphQLErrorsOf } from '../../../shared/api/errors';

export interface TimeLimit {
  onTheSpot: boolean;
  workingDays?: number | null;
}

export interface MaterialValues {
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  notes?: string | null;
}

export interface EntryValues {
  onTheSpot: boolean;
  workingDays: number | null;
  phone: string;
  address: string;
  officeHours: string;
  feeNote: string;
  notes: string;
  materials: MaterialValues[];
}

/** The refusal codes of the server this form names in the interface language. */
export const LIMIT_PROBLEMS = [
  'PROMISED_LIMIT_ABOVE_STATUTORY',
  'ON_THE_SPOT_STAYS_ON_THE_SPOT',
  'PROMISED_LIMIT_NOT_POSITIVE',
] as const;
export type LimitProblem = (typeof LIMIT_PROBLEMS)[number];

/**
 * What is wrong with a promised limit against the statutory one (法定时限), as the server
 * says it: only compress; an on-the-spot item stays on the spot; on the spot is always fine.
 */
export function promisedLimitProblem(
  statutory: TimeLimit,
  promised: TimeLimit,
): LimitProblem | null {
  if (statutory.onTheSpot) return promised.onTheSpot ? null : 'ON_THE_SPOT_STAYS_ON_THE_SPOT';
  if (promised.onTheSpot) return null;
  const days = promised.workingDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    return 'PROMISED_LIMIT_NOT_POSITIVE';
  }
  return days > (statutory.workingDays ?? 0) ? 'PROMISED_LIMIT_ABOVE_STATUTORY' : null;
}

/** The form's values for an entry as read. */
export function entryValues(entry: ImplementationEntryFragment): EntryValues {
  return {
    onTheSpot: entry.promisedLimit.onTheSpot,
    workingDays: entry.promisedLimit.workingDays ?? null,
    phone: entry.phone ?? '',
    address: entry.address ?? '',
    officeHours: entry.officeHours ?? '',
    feeNote: entry.feeNote ?? '',
    notes: entry.notes ?? '',
    materials: entry.materials.map(({ name, form, copies, required, notes }) => ({
      name,
      form,
      copies,
      required,
      notes: notes ?? null,
    })),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The mutation's input: the entry's version read, and the settings as edited. */
export function updateInput(
  entry: ImplementationEntryFragment,
  values: EntryValues,
): UpdateImplementationItemInput {
  return {
    tenantId: entry.tenantId,
    code: entry.code,
    expectedVersion: entry.version,
    promisedLimit: values.onTheSpot
      ? { onTheSpot: true }
      : { onTheSpot: false, workingDays: values.workingDays },
    materials: values.materials.map(({ name, form, copies, required, notes }) => ({
      name,
      form,
      copies,
      required,
      notes: notes ?? null,
    })),
    phone: text(values.phone),
    address: text(values.address),
    officeHours: text(values.officeHours),
    feeNote: text(values.feeNote),
    notes: text(values.notes),
  };
}

/** A form field a refusal is shown at: `workingDays`, or `['materials', i, 'name']`. */
export type FieldPath = 'workingDays' | ['materials', number, 'name'];

export interface FieldRefusal {
  field: FieldPath;
  code: string;
}

/**
 * Where the server's refusal of an update belongs: `extensions.problems` ({code, field}
 * each, field `promisedLimit` or `materials[i]`), else `extensions.reason` at
 * `extensions.field`. A refusal naming no field we show (locked elements, a stale
 * version) is left to the alert above the form.
 */
export function fieldRefusals(error: unknown): FieldRefusal[] {
  return graphQLErrorsOf(error).flatMap((e) => {
    const extensions = e.extensions ?? {};
    const problems = Array.isArray(extensions.problems)
      ? (extensions.problems as unknown[])
      : [{ code: extensions.reason, field: extensions.field }];
    return problems.flatMap((problem) => {
      if (typeof problem !== 'object' || problem === null) return [];
      const { code, field } = problem as { code?: unknown; field?: unknown };
      if (typeof code !== 'string' || typeof field !== 'string') return [];
      const path = formField(field);
      return path === null ? [] : [{ field: path, code }];
    });
  });
}

function formField(field: string): FieldPath | null {
  if (field === 'promisedLimit') return 'workingDays';
  const material = /^materials\[(\d+)\]$/.exec(field);
  return material ? ['materials', Number(material[1]), 'name'] : null;
}

/**
 * What a material may become: required only where the standard requires it, an original
 * only where the standard asks for one (relaxing is allowed, tightening is not).
 */
export function materialFreedom(
  standard: readonly { name: string; form: MaterialForm; required: boolean }[],
  name: string,
): { mayRequire: boolean; mayAskOriginal: boolean } {
  const original = standard.find((material) => material.name === name);
  return {
    mayRequire: original?.required ?? false,
    mayAskOriginal: original?.form === 'ORIGINAL',
  };
}
