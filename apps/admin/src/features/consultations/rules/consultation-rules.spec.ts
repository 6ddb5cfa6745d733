import {
  consultationInput,
  noteProblems,
  periodDays,
  serverConsultationProblems,
} from './consultation-rules';

describe('consultation rules', () => {
  it('sends trimmed values, blanks as none', () => {
    expect(
      consultationInput({ windowId: 'w', itemCode: ' 001 ', channel: 'PHONE', note: ' 问 ' }),
    ).toEqual({ windowId: 'w', itemCode: '001', channel: 'PHONE', note: '问' });
    expect(
      consultationInput({ windowId: 'w', itemCode: null, channel: 'IN_PERSON', note: '  ' }),
    ).toEqual({ windowId: 'w', itemCode: null, channel: 'IN_PERSON', note: null });
  });

  it('checks a note as the API does: 500 characters, no control characters, sound Unicode', () => {
    expect(noteProblems('问'.repeat(500))).toEqual([]);
    expect(noteProblems('𠀀'.repeat(500))).toEqual([]);
    expect(noteProblems('问'.repeat(501))).toEqual([{ key: 'noteTooLong', values: { max: 500 } }]);
    expect(noteProblems('问\u0000')).toEqual([{ key: 'noteControlCharacter' }]);
    expect(noteProblems('问\ud800')).toEqual([{ key: 'noteBrokenUnicode' }]);
    expect(noteProblems('一\n二')).toEqual([]);
  });

  it('reads the problems of a refusal by field', () => {
    const refusal = {
      errors: [
        {
          message: 'Item X is not on this center’s menu',
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: [
              { field: 'itemCode', code: 'ITEM_NOT_ON_MENU', problem: "Not on this center's menu" },
            ],
          },
        },
      ],
    };
    expect(serverConsultationProblems(refusal)).toEqual([
      {
        field: 'itemCode',
        message: "Not on this center's menu",
        problem: { key: 'itemNotOnMenu' },
      },
    ]);
    const safeText = {
      errors: [
        {
          message: 'input.note contains a NUL byte',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.note', problem: 'CONTROL_CHARACTER' },
        },
      ],
    };
    expect(serverConsultationProblems(safeText)).toEqual([
      {
        field: 'note',
        message: 'input.note contains a NUL byte',
        problem: { key: 'noteControlCharacter' },
      },
    ]);
  });

  it('offers periods as Beijing days ending today', () => {
    // 2026-12-01 17:00 UTC is already 2 December in Beijing.
    const now = new Date('2026-12-01T17:00:00Z');
    expect(periodDays('today', now)).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(periodDays('last7', now)).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    expect(periodDays('thisMonth', now)).toEqual({ from: '2026-12-01', to: '2026-12-02' });
    expect(periodDays('last30', now)).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect(periodDays('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-12-02' });
  });
});
