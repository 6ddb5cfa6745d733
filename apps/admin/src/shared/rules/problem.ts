/**
 * Something wrong with what a person typed, as a message key with values (translated by the
 * interface, see i18n/describe.ts), not a sentence.
 */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * Problems with a required text of at most `max` characters, as `<subject>Required` and
 * `<subject>TooLong` (with `max`). `count` is how the API counts: code points (names typed
 * in Chinese) or UTF-16 units.
 */
export function requiredTextProblems(
  value: string,
  subject: string,
  max: number,
  count: 'codePoints' | 'units' = 'codePoints',
): Problem[] {
  const text = value.trim();
  if (text === '') return [{ key: `${subject}Required` }];
  const length = count === 'codePoints' ? [...text].length : text.length;
  return length > max ? [{ key: `${subject}TooLong`, values: { max } }] : [];
}
