import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import type { ApplicationDetail } from '../hooks/useApplicationDetail';

type Material = NonNullable<ApplicationDetail['timeline'][number]['missingMaterials']>[number];

/**
 * A sheet to print and hand over: the receipt (收件回执) or the one-time notification
 * (一次性告知书) of the missing materials. Printing prints this sheet alone (the print rule
 * of styles.css hides the rest).
 */
export function PrintSheet({
  application,
  kind,
  missing,
  onClose,
}: {
  application: ApplicationDetail;
  kind: 'receipt' | 'notice';
  missing: Material[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const line = (label: string, value: string) => (
    <p style={{ margin: '6px 0' }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {value}
    </p>
  );
  return (
    <Modal
      open
      width={720}
      title={kind === 'receipt' ? t('lifecycle.receiptTitle') : t('lifecycle.noticeTitle')}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          {t('lifecycle.print')}
        </Button>,
      ]}
    >
      <div className="tongban-print-sheet" data-testid={`print-sheet-${kind}`}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {application.tenantName}
          <br />
          {kind === 'receipt' ? t('lifecycle.receiptTitle') : t('lifecycle.noticeTitle')}
        </Typography.Title>
        {line(t('applications.receiptNumber'), application.receiptNumber)}
        {line(t('lifecycle.applicant'), application.applicant.name)}
        {line(t('lifecycle.item'), `${application.itemName}（${application.itemCode}）`)}
        {line(t('lifecycle.window'), application.windowName)}
        {kind === 'receipt' ? (
          <>
            {line(
              t('applications.submittedAt'),
              formatDateTime(i18n.language, application.submittedAt),
            )}
            {application.acceptanceDueAt &&
              line(
                t('lifecycle.acceptanceDue'),
                formatDateTime(i18n.language, application.acceptanceDueAt),
              )}
            <p style={{ marginTop: 16 }}>{t('lifecycle.receiptIntro')}</p>
          </>
        ) : (
          <>
            <p style={{ marginTop: 16 }}>
              {t('lifecycle.noticeIntro', {
                item: application.itemName,
                receipt: application.receiptNumber,
              })}
            </p>
            <ol>
              {missing.map((material) => (
                <li key={material.name}>
                  {t('lifecycle.materialLine', {
                    name: material.name,
                    form: t(`guide.form.${material.form}`),
                    copies: material.copies,
                  })}
                  {material.notes ? `：${material.notes}` : ''}
                </li>
              ))}
            </ol>
            <p>{t('lifecycle.noticeClosing')}</p>
          </>
        )}
        <p style={{ textAlign: 'right', marginTop: 32 }}>
          {application.tenantName}
          <br />
          {formatDateTime(i18n.language, new Date())}
        </p>
      </div>
    </Modal>
  );
}
