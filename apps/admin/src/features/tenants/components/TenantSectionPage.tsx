import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../shared/navigation/navigation';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { TenantDetailCard } from './TenantDetailCard';
import { TenantTreeSelect } from './TenantTreeSelect';

/**
 * The windows, or the staff, of one tenant: the user's own, or one chosen from their
 * subtree.
 */
export function TenantSectionPage({
  section,
  user,
  tenantId,
}: {
  section: 'windows' | 'staff';
  user: CurrentUser;
  tenantId: string | null;
}) {
  const { t } = useTranslation();
  const id = tenantId ?? user.tenant.id;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t(section === 'windows' ? 'windows.title' : 'staff.title')}
        extra={
          seesSubtree(user) && (
            <Space wrap>
              <Typography.Text type="secondary">{t('windows.tenant')}</Typography.Text>
              <TenantTreeSelect
                value={id}
                withCode
                style={{ minWidth: 280, maxWidth: '100%' }}
                onChange={(chosen) => chosen && navigate({ name: section, tenantId: chosen })}
                testId={`${section}-tenant-picker`}
              />
            </Space>
          )
        }
      />
      <TenantDetailCard key={id} tenantId={id} user={user} mode={section} />
    </Space>
  );
}
