/** Ant Design form rules from the app's plain problem checks (rules/*.ts). */
import type { Translate } from '../i18n/labels';
import { problemText } from '../i18n/describe';
import type { Problem } from '../rules/problem';

/** A rule that shows the first problem `check` finds, as a sentence in the language. */
export function problemRule(t: Translate, check: (value: string) => readonly Problem[]) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const [problem] = check(typeof value === 'string' ? value : '');
      if (problem) throw new Error(problemText(t, problem));
    },
  };
}
