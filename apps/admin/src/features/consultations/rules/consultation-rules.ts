/**
 * 咨询登记: what the quick form sends, its checks (mirroring the API's, also to say a
 * server's refusal in the interface language) and the periods the counts offer, as Beijing
 * calendar days. Plain TypeScript.
 */
import type {
  ConsultationChannel,
  LogConsultationInput,
} from '../../../shared/api/graphql.generated';
import { graphQLErrorsOf } from '../../../shared/api/errors';
import type { Problem } from '../../../shared/rules/problem';

/** In the order the form offers them: most questions come in person. */
export const CONSULTATION_CHANNELS: readonly ConsultationChannel[] = [
  'IN_PERSON',
  'PHONE',
  'ONLINE',
];

/** As the API counts: characters (code points), at most 500. */
export const NOTE_MAX = 500;

export interface ConsultationValues {
  windowId?: string;
  itemCode?: string | null;
  channel: ConsultationChannel;
  note: string;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Problems of a note: optional, at most 500 characters, text that can be stored. */
export function noteProblems(value: string): Problem[] {
  const text = value.trim();
  if (CONTROL.test(text)) return [{ key: 'noteControlCharacter' }];
  if (LONE_SURROGATE.test(text)) return [{ key: 'noteBrokenUnicode' }];
  if ([...text].length > NOTE_MAX) return [{ key: 'noteTooLong', values: { max: NOTE_MAX } }];
  return [];
}

/** The mutation's input: trimmed, blanks as none (a general question has no item). */
export function consultationInput(values: ConsultationValues): LogConsultationInput {
  const note = values.note.trim();
  const itemCode = values.itemCode?.trim() ?? '';
  return {
    windowId: values.windowId ?? '',
    channel: values.channel,
    itemCode: itemCode === '' ? null : itemCode,
    note: note === '' ? null : note,
  };
}

/** What the server's problem codes mean, per field, in the interface's words. */
const CODE_PROBLEMS: Record<string, Record<string, Problem>> = {
  itemCode: {
    ITEM_NOT_ON_MENU: { key: 'itemNotOnMenu' },
    ITEM_RETIRED: { key: 'consultationItemRetired' },
    ITEM_NOT_AT_THIS_TIER: { key: 'itemNotAtThisTier' },
    ITEM_INTAKE_ONLY: { key: 'itemNotAtThisTier' },
  },
  note: {
    TOO_LONG: { key: 'noteTooLong', values: { max: NOTE_MAX } },
    CONTROL_CHARACTER: { key: 'noteControlCharacter' },
    BROKEN_UNICODE: { key: 'noteBrokenUnicode' },
  },
};

type FormField = 'itemCode' | 'note' | 'channel';

/**
 * The field problems a refused log carries (`extensions.problems` of `{ field, code,
 * problem }`, or the safe-text check's `{ field: 'input.note', problem }`), by form field.
 */
export function serverConsultationProblems(
  error: unknown,
): { field: FormField; message: string; problem?: Problem }[] {
  return graphQLErrorsOf(error).flatMap((e) => {
    const extensions = (e.extensions ?? {}) as Record<string, unknown>;
    const listed: unknown[] = Array.isArray(extensions.problems)
      ? extensions.problems
      : typeof extensions.field === 'string'
        ? [{ field: extensions.field.split('.').at(-1), code: extensions.problem }]
        : [];
    return listed.flatMap((p) => {
      if (typeof p !== 'object' || p === null) return [];
      const { field, code, problem } = p as Record<string, unknown>;
      if (field !== 'itemCode' && field !== 'note' && field !== 'channel') return [];
      const known = typeof code === 'string' ? CODE_PROBLEMS[field]?.[code] : undefined;
      const message = typeof problem === 'string' ? problem : e.message;
      return [{ field, message, ...(known ? { problem: known } : {}) }];
    });
  });
}

/** The periods the counts offer. */
export type PeriodKey = 'today' | 'last7' | 'thisMonth' | 'last30' | 'thisYear';
export const PERIODS: readonly PeriodKey[] = ['today', 'last7', 'thisMonth', 'last30', 'thisYear'];

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day (YYYY-MM-DD) of an instant, `days` later. */
export function beijingDay(now: Date, days = 0): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** A period as Beijing calendar days, both included, ending today. */
export function periodDays(key: PeriodKey, now: Date): { from: string; to: string } {
  const to = beijingDay(now);
  switch (key) {
    case 'today':
      return { from: to, to };
    case 'last7':
      return { from: beijingDay(now, -6), to };
    case 'last30':
      return { from: beijingDay(now, -29), to };
    case 'thisMonth':
      return { from: `${to.slice(0, 8)}01`, to };
    case 'thisYear':
      return { from: `${to.slice(0, 5)}01-01`, to };
  }
}
