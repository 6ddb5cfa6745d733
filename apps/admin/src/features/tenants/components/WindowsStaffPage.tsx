import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../shared/navigation/navigation';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { TenantDetailCard } from './TenantDetailCard';
import { TenantTreeSelect } from './TenantTreeSelect';

/** Windows and staff of one tenant: the user's own, or one chosen from their subtree. */
export function WindowsStaffPage({
  user,
  tenantId,
}: {
  user: CurrentUser;
  tenantId: string | null;
}) {
  const { t } = useTranslation();
  const id = tenantId ?? user.tenant.id;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('windows.title')}
        extra={
          seesSubtree(user) && (
            <Space>
              <Typography.Text type="secondary">{t('windows.tenant')}</Typography.Text>
              <TenantTreeSelect
                value={id}
                withCode
                style={{ minWidth: 320 }}
                onChange={(chosen) => chosen && navigate({ name: 'windows', tenantId: chosen })}
                testId="windows-tenant-picker"
              />
            </Space>
          )
        }
      />
      <TenantDetailCard key={id} tenantId={id} user={user} tenants={null} mode="windowsAndStaff" />
    </Space>
  );
}
