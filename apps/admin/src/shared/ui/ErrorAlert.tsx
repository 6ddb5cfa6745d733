import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from '../i18n/describe';

/** What failed (`title`) and why, in the interface language. */
export function ErrorAlert({
  title,
  error,
  testId,
}: {
  title: string;
  error: unknown;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      message={title}
      description={actionErrorText(t, error)}
      data-testid={testId}
    />
  );
}
