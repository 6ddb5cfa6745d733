import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationRowFragment as Application } from '../../../shared/api/graphql.generated';

/** The receipt of the application just taken in: its number, large, to give the applicant. */
export function Receipt({
  application,
  onClose,
}: {
  application: Application;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      closable
      onClose={onClose}
      style={{ marginBottom: 20 }}
      icon={<CheckCircleFilled />}
      showIcon
      data-testid="intake-receipt"
      message={<Typography.Text strong>{t('intake.doneTitle')}</Typography.Text>}
      description={
        <div>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, flexWrap: 'wrap' }}>
            <Typography.Text type="secondary">{t('intake.receiptLabel')}</Typography.Text>
            <Typography.Text
              strong
              copyable={{ text: application.receiptNumber }}
              style={{
                fontSize: 26,
                letterSpacing: 1,
                fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
              }}
              data-testid="intake-receipt-number"
            >
              {application.receiptNumber}
            </Typography.Text>
          </div>
          <div>
            {t('intake.doneDetail', {
              applicant: application.applicant.name,
              item: application.itemName,
              window: application.windowName,
            })}
          </div>
          <Typography.Text type="secondary">{t('intake.receiptHint')}</Typography.Text>
        </div>
      }
    />
  );
}
