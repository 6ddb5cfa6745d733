import { CONSULTATION_NOTE_MAX, normalizeConsultation } from './consultation-entry';

describe('consultation entry', () => {
  it('trims what is stored and takes blanks as none (a general question)', () => {
    expect(
      normalizeConsultation({ itemCode: ' 00013112800001 ', channel: 'PHONE', note: ' 问材料 ' }),
    ).toEqual({
      entry: { itemCode: '00013112800001', channel: 'PHONE', note: '问材料' },
      problems: [],
    });
    expect(normalizeConsultation({ itemCode: '  ', channel: 'IN_PERSON', note: '' })).toEqual({
      entry: { itemCode: null, channel: 'IN_PERSON', note: null },
      problems: [],
    });
    expect(normalizeConsultation({ channel: 'ONLINE' }).entry).toEqual({
      itemCode: null,
      channel: 'ONLINE',
      note: null,
    });
  });

  it('refuses a channel it does not know', () => {
    expect(normalizeConsultation({ channel: 'FAX' }).problems).toEqual([
      { field: 'channel', code: 'UNKNOWN_CHANNEL', problem: 'In person, by phone or online' },
    ]);
    expect(normalizeConsultation({ channel: 'phone' }).problems).toHaveLength(1);
  });

  it('counts a note in characters: 500 Chinese characters pass, 501 do not', () => {
    const at = (n: number) => normalizeConsultation({ channel: 'PHONE', note: '问'.repeat(n) });
    expect(at(CONSULTATION_NOTE_MAX).problems).toEqual([]);
    expect(at(CONSULTATION_NOTE_MAX + 1).problems).toEqual([
      { field: 'note', code: 'TOO_LONG', problem: 'At most 500 characters' },
    ]);
    // An astral character is one character, though two UTF-16 units.
    const astral = normalizeConsultation({ channel: 'PHONE', note: '𠀀'.repeat(500) });
    expect(astral.problems).toEqual([]);
  });

  it('refuses NUL bytes, control characters and broken Unicode in the note and the code', () => {
    expect(normalizeConsultation({ channel: 'PHONE', note: '问\u0000题' }).problems).toEqual([
      { field: 'note', code: 'CONTROL_CHARACTER', problem: expect.any(String) },
    ]);
    expect(normalizeConsultation({ channel: 'PHONE', note: '问\ud800题' }).problems).toEqual([
      { field: 'note', code: 'BROKEN_UNICODE', problem: expect.any(String) },
    ]);
    expect(
      normalizeConsultation({ channel: 'PHONE', itemCode: 'A\u0007' }).problems.map((p) => p.field),
    ).toEqual(['itemCode']);
    // Line breaks and tabs are text.
    expect(normalizeConsultation({ channel: 'PHONE', note: '一\n二\t三' }).problems).toEqual([]);
  });

  it('reports every problem at once', () => {
    const { problems } = normalizeConsultation({
      channel: 'LETTER',
      itemCode: 'x'.repeat(65),
      note: '问'.repeat(501),
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'channel:UNKNOWN_CHANNEL',
      'itemCode:TOO_LONG',
      'note:TOO_LONG',
    ]);
  });
});
