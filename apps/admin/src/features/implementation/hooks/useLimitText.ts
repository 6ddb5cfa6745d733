import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../rules/localization';

/** A time limit as read: 即办, or N working days. */
export function useLimitText(): (limit: TimeLimit) => string {
  const { t } = useTranslation();
  return (limit) =>
    limit.onTheSpot
      ? t('implementation.onTheSpot')
      : t('implementation.workingDays', { count: limit.workingDays ?? 0 });
}
