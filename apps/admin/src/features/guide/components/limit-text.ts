import { useTranslation } from 'react-i18next';

/** "即办件" or "5 个工作日", in the page's language. */
export function useLimitText() {
  const { t } = useTranslation();
  return (limit: { onTheSpot: boolean; workingDays?: number | null }) =>
    limit.onTheSpot
      ? t('guide.onTheSpot')
      : t('guide.workingDays', { count: limit.workingDays ?? 0 });
}
