/**
 * Text PostgreSQL can store and people can read: no NUL byte, no other C0 control character
 * but tab and line breaks, and well-formed Unicode (no lone surrogate half). Checked once,
 * centrally, on every string argument of every operation, so a bad character is a client's
 * error naming the field, never a database error.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = 'CONTROL_CHARACTER' | 'BROKEN_UNICODE';

export function textProblem(text: string): TextProblem | null {
  if (CONTROL.test(text)) return 'CONTROL_CHARACTER';
  if (LONE_SURROGATE.test(text)) return 'BROKEN_UNICODE';
  return null;
}

/**
 * The first string inside `value` (plain objects and arrays, walked) with a problem, and the
 * path to it (`input.applicant.name`); null when every string is sound. Object keys are
 * checked as well as values.
 */
export function findUnsafeText(
  value: unknown,
  path: string,
): { path: string; problem: TextProblem } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path, problem: keyProblem };
      const found = findUnsafeText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}
