import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  IssuedSetupLinkFragment as SetupLink,
  TenantSummaryFragment as TenantSummary,
} from '../../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../../shared/i18n/format';
import { navigate } from '../../../../shared/navigation/navigation';
import { CopyBox } from '../../../../shared/ui/CopyBox';
import { setupLinkUrl } from '../../../setup/rules/setup-link';
import type { OnboardingDraft } from '../../rules/onboarding-rules';

/** Step 5: onboarded; the first manager's one-time setup link, to hand on. */
export function DoneStep({
  tenant,
  link,
  draft,
  onAnother,
}: {
  tenant: TenantSummary;
  link: SetupLink;
  draft: OnboardingDraft;
  onAnother: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Result
      status="success"
      title={
        <span data-testid="onboarding-done-title">
          {t('onboarding.doneTitle', { name: tenant.name })}
        </span>
      }
      subTitle={t('onboarding.doneSubtitle', {
        displayName: draft.manager.displayName.trim(),
        username: draft.manager.username.trim(),
      })}
      extra={[
        <Button
          key="view"
          type="primary"
          icon={<ApartmentOutlined />}
          onClick={() => navigate({ name: 'tenants', tenantId: tenant.id })}
          data-testid="onboarding-view-tenant"
        >
          {t('onboarding.viewTenant')}
        </Button>,
        <Button key="another" icon={<PlusOutlined />} onClick={onAnother}>
          {t('onboarding.another')}
        </Button>,
      ]}
    >
      <Space
        direction="vertical"
        size={12}
        style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}
      >
        <Typography.Text strong>{t('onboarding.linkLabel')}</Typography.Text>
        <CopyBox
          value={setupLinkUrl(window.location.origin, link.path)}
          testId="onboarding-setup-link"
        />
        <Alert
          type="warning"
          showIcon
          message={t('onboarding.linkOnce', {
            expiresAt: formatDateTime(i18n.language, link.expiresAt),
          })}
        />
      </Space>
    </Result>
  );
}
