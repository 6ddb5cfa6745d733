import { Space, Typography } from 'antd';
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
