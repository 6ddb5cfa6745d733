import { textProblem } from '@tongban/core';

/** How a question came to the center (the source's 现场, 咨询电话 and portal website). */
export enum ConsultationChannel {
  /** 现场: at the window or the station's service point. */
  IN_PERSON = 'IN_PERSON',
  /** 电话: the publicly announced consultation telephone. */
  PHONE = 'PHONE',
  /** 网上: the portal's 政务服务 column, messages and the like. */
  ONLINE = 'ONLINE',
}

const CHANNELS = new Set<string>(Object.values(ConsultationChannel));

/** A note is a line or two for the counts' sake, not a case file. */
export const CONSULTATION_NOTE_MAX = 500;
export const ITEM_CODE_MAX = 64;

/** What a window enters for a consultation: an item of the menu or none, a channel, a note. */
export interface ConsultationEntry {
  /** null: a general question, about no one item. */
  itemCode: string | null;
  channel: ConsultationChannel;
  note: string | null;
}

export type ConsultationProblemCode =
  'UNKNOWN_CHANNEL' | 'TOO_LONG' | 'CONTROL_CHARACTER' | 'BROKEN_UNICODE';

/** One thing wrong with a consultation, named by its input field. */
export interface ConsultationProblem {
  field: 'itemCode' | 'channel' | 'note';
  code: ConsultationProblemCode;
  problem: string;
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The consultation as it will be stored (trimmed, blanks as none) and everything wrong with
 * it, all at once. Lengths count characters as people do (一 is one), not UTF-16 units.
 */
export function normalizeConsultation(input: {
  itemCode?: string | null;
  channel: string;
  note?: string | null;
}): { entry: ConsultationEntry; problems: ConsultationProblem[] } {
  const problems: ConsultationProblem[] = [];
  const itemCode = blankToNull(input.itemCode);
  const note = blankToNull(input.note);
  if (!CHANNELS.has(input.channel)) {
    problems.push({
      field: 'channel',
      code: 'UNKNOWN_CHANNEL',
      problem: 'In person, by phone or online',
    });
  }
  for (const [field, value, max] of [
    ['itemCode', itemCode, ITEM_CODE_MAX],
    ['note', note, CONSULTATION_NOTE_MAX],
  ] as const) {
    if (value === null) continue;
    const text = textProblem(value);
    if (text === 'CONTROL_CHARACTER') {
      problems.push({ field, code: text, problem: 'Contains a NUL byte or a control character' });
    } else if (text === 'BROKEN_UNICODE') {
      problems.push({ field, code: text, problem: 'Contains broken Unicode' });
    } else if ([...value].length > max) {
      problems.push({ field, code: 'TOO_LONG', problem: `At most ${max} characters` });
    }
  }
  return {
    entry: { itemCode, channel: input.channel as ConsultationChannel, note },
    problems,
  };
}
