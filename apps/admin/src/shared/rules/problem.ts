/**
 * Something wrong with what a person typed, as a message key with values (translated by the
 * interface, see i18n/describe.ts), not a sentence.
 */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}
