import { actionErrorText } from '../../../shared/i18n/describe';
import type { Translate } from '../../../shared/i18n/labels';
import { reasonOf } from '../rules/attendance-rules';

/** Why the server refused, in the interface language: its own sentence where the app has one. */
export function attendanceErrorText(t: Translate, error: unknown): string {
  const reason = reasonOf(error);
  return reason ? t(`attendance.reasons.${reason}`) : actionErrorText(t, error);
}
