import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { urgencyOf } from '../rules/lifecycle-rules';

const URGENCY_COLOR = {
  overdue: 'red',
  dueSoon: 'orange',
  onTrack: 'green',
  waiting: 'default',
} as const;

/** What is due next and how much working time is left, coloured by urgency. */
export function Remaining({
  dueAt,
  workingDaysLeft,
  paused,
  testId,
}: {
  dueAt: string | null;
  workingDaysLeft: number | null;
  paused: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const urgency = urgencyOf(dueAt ? workingDaysLeft : null);
  const left =
    workingDaysLeft === null || !dueAt
      ? null
      : workingDaysLeft < 0
        ? t('lifecycle.daysOverdue', { days: Math.abs(workingDaysLeft) })
        : workingDaysLeft === 0
          ? t('lifecycle.dueNow')
          : t('lifecycle.daysLeft', { days: workingDaysLeft });
  return (
    <span data-testid={testId} data-urgency={urgency}>
      <Tag color={URGENCY_COLOR[urgency]}>
        {paused ? t('lifecycle.paused') : t(`lifecycle.urgency.${urgency}`)}
      </Tag>
      {dueAt && (
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(i18n.language, dueAt)}
        </Typography.Text>
      )}
      {left && (
        <Typography.Text
          type={urgency === 'overdue' ? 'danger' : 'secondary'}
          style={{ display: 'block', fontSize: 12 }}
        >
          {left}
        </Typography.Text>
      )}
    </span>
  );
}
