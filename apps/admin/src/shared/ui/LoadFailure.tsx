import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from '../i18n/describe';

/** What could not be loaded and why, with a retry when there is one. */
export function LoadFailure({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={title}
      subTitle={actionErrorText(t, error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
