import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedSetupLinkFragment as SetupLink } from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { CopyBox } from '../../../shared/ui/CopyBox';
import { setupLinkUrl } from '../../setup/rules/setup-link';

/** The setup link of a fresh invitation: shown once, copyable, with how long it lasts. */
export function SetupLinkNotice({
  link,
  testId,
  lead,
}: {
  link: SetupLink;
  testId: string;
  lead: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text>{lead}</Typography.Text>
      <CopyBox value={setupLinkUrl(window.location.origin, link.path)} testId={testId} />
      <Typography.Text type="secondary">
        {t('staff.linkExpiry', { expiresAt: formatDateTime(i18n.language, link.expiresAt) })}
      </Typography.Text>
    </Space>
  );
}

/** A dialog with a setup link just issued (invitation, new link, reset): shown once. */
export function SetupLinkModal({
  title,
  done,
  link,
  testId,
  onClose,
}: {
  title: string;
  /** What was done, e.g. 已邀请 张三. */
  done: string;
  link: SetupLink;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid={`${testId}-done`}>
          {t('common.done')}
        </Button>
      }
    >
      <Alert type="success" showIcon message={done} style={{ marginBottom: 16 }} />
      <SetupLinkNotice link={link} testId={testId} lead={t('staff.linkOnce')} />
    </Modal>
  );
}
