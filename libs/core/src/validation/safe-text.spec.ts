import { findUnsafeText, textProblem } from './safe-text';

describe('safe text', () => {
  it('accepts Chinese, tabs, line breaks and emoji (well-formed surrogate pairs)', () => {
    expect(textProblem('马山乡\t综合窗口\r\n第二行 😀')).toBeNull();
  });

  it.each([
    ['a NUL byte', 'abc\u0000def', 'CONTROL_CHARACTER'],
    ['a bell', 'abc\u0007', 'CONTROL_CHARACTER'],
    ['a lone high surrogate', 'abc\ud800', 'BROKEN_UNICODE'],
    ['a lone low surrogate', '\udc00abc', 'BROKEN_UNICODE'],
    ['swapped halves', '\ude00\ud83d', 'BROKEN_UNICODE'],
  ])('refuses %s', (_what, text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it('names the path of the first bad string inside arguments', () => {
    const input = {
      windowId: 'w',
      applicant: { name: '张三', phones: ['138', 'x\u0000'] },
    };
    expect(findUnsafeText(input, 'input')).toEqual({
      path: 'input.applicant.phones[1]',
      problem: 'CONTROL_CHARACTER',
    });
    expect(findUnsafeText({ ok: ['fine'] }, 'input')).toBeNull();
    const nullPrototype = Object.assign(Object.create(null), { reason: '\ud800' });
    expect(findUnsafeText(nullPrototype, 'input')).toEqual({
      path: 'input.reason',
      problem: 'BROKEN_UNICODE',
    });
  });
});
