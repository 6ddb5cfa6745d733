/**
 * Sentences for problems and refused actions, in the interface language. Plain TypeScript:
 * takes the translation function as a parameter.
 */
import { classifyError, serverMessageOf } from '../api/errors';
import type { Problem } from '../rules/problem';
import { type Translate, tenantKindLabel } from './labels';

/** A wizard or server problem as a sentence (tenant kinds named in the language). */
export function problemText(t: Translate, problem: Problem): string {
  const values: Record<string, string | number> = { ...problem.values };
  for (const key of ['kind', 'parentKind']) {
    if (typeof values[key] === 'string') values[key] = tenantKindLabel(t, values[key] as string);
  }
  return t(`problems.${problem.key}`, values);
}

/**
 * Why an action was refused. For FORBIDDEN, NOT_FOUND, CONFLICT and BAD_USER_INPUT the
 * server's own message is shown along with the kind of refusal.
 */
export function actionErrorText(t: Translate, error: unknown): string {
  const c = classifyError(error);
  switch (c.kind) {
    case 'forbidden':
    case 'notFound':
    case 'conflict':
    case 'badInput': {
      const message = serverMessageOf(error);
      const reason = t(`errors.${c.kind}`);
      return message ? t('errors.withMessage', { reason, message }) : reason;
    }
    case 'unknown':
      return t('errors.unknown', { message: c.message });
    default:
      return t(`errors.${c.kind}`);
  }
}
