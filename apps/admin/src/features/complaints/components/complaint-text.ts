import { actionErrorText } from '../../../shared/i18n/describe';
import type { Translate } from '../../../shared/i18n/labels';
import type { ComplaintRowFragment as Row } from '../../../shared/api/graphql.generated';
import { problemsOf, reasonOf } from '../rules/complaint-rules';

/** Why the server refused, in the interface language: its own sentence where the app has one. */
export function complaintErrorText(t: Translate, error: unknown): string {
  const reason = reasonOf(error);
  if (reason) return t(`complaints.reasons.${reason}`);
  const problems = problemsOf(error);
  if (problems.length) {
    return problems
      .map((p) =>
        t(`complaints.problems.${p.code}`, {
          field: t(`complaints.fields.${p.field}`, { defaultValue: p.field }),
        }),
      )
      .join(' ');
  }
  return actionErrorText(t, error);
}

/** What the complaint is about, in one line: the window, the person, or the application. */
export function subjectText(
  t: Translate,
  row: Pick<Row, 'subjectKind' | 'receiptNumber' | 'itemName' | 'staffName' | 'windowName'>,
): string {
  const kind = t(`complaints.subjectKinds.${row.subjectKind}`);
  if (row.subjectKind === 'APPLICATION')
    return `${kind}：${row.receiptNumber ?? ''} ${row.itemName ?? ''}`;
  if (row.subjectKind === 'STAFF') return `${kind}：${row.staffName ?? ''}`;
  return `${kind}：${row.windowName ?? ''}`;
}
