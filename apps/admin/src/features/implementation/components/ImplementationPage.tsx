import { CloudDownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../shared/navigation/routes';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { actionErrorText } from '../../../shared/i18n/describe';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import { useAdoptCatalogue, useImplementationTenant } from '../hooks/useImplementation';
import { ExportButton } from './ExportButton';
import { ItemsTable } from './ItemsTable';
import { MenuTemplatesCard } from './MenuTemplatesCard';

/**
 * 实施清单: a tenant's implementation list (its menu, below a county), edited within the
 * catalogue's rules; at a county, adopting the published catalogue and the menu templates.
 */
export function ImplementationPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  // Those who see a subtree (county administrators, center managers) pick the tenant.
  const [tenantId, setTenantId] = useState(user.tenant.id);
  const shown = useImplementationTenant(tenantId);
  const tenant = shown.tenant;
  const county = tenant?.kind === 'COUNTY';
  if (shown.error && !shown.data) {
    return (
      <LoadFailure
        title={t('implementation.loadError')}
        error={shown.error}
        onRetry={() => shown.refetch()}
      />
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('implementation.title')}
        subtitle={t('implementation.subtitle')}
        extra={
          <Space wrap>
            {seesSubtree(user) && (
              <TenantTreeSelect
                style={{ minWidth: 240 }}
                value={tenantId}
                onChange={(id) => id && setTenantId(id)}
                testId="implementation-tenant"
              />
            )}
            {tenant && (
              <Typography.Link
                href={routeHref({ name: 'guide', divisionCode: tenant.divisionCode, item: null })}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="implementation-guide"
              >
                <ExportOutlined /> {t('implementation.guide')}
              </Typography.Link>
            )}
            {tenant && <ExportButton tenantId={tenantId} name={tenant.name} />}
            {county && shown.published && can(user, 'CREATE', 'IMPLEMENTATION_ITEM') && (
              <AdoptButton tenantId={tenantId} version={shown.published} />
            )}
          </Space>
        }
      />
      <Card title={tenant?.name} data-testid="implementation-list">
        <ItemsTable
          key={tenantId}
          tenantId={tenantId}
          departments={shown.departments}
          editable={can(user, 'UPDATE', 'IMPLEMENTATION_ITEM')}
        />
      </Card>
      {county && can(user, 'READ', 'MENU_TEMPLATE') && (
        <MenuTemplatesCard countyId={tenantId} manages={can(user, 'UPDATE', 'MENU_TEMPLATE')} />
      )}
    </Space>
  );
}

/** 从标准目录采用: every item of the newest published version, after saying how many. */
function AdoptButton({
  tenantId,
  version,
}: {
  tenantId: string;
  version: { id: string; label: string; itemCount: number };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { adopt, adopting } = useAdoptCatalogue();
  const run = async () => {
    try {
      const count = await adopt(tenantId, version.id);
      void message.success(t('implementation.adopted', { count }));
    } catch (error) {
      void message.error(`${t('implementation.adoptFailed')}：${actionErrorText(t, error)}`);
    }
  };
  return (
    <Popconfirm
      title={t('implementation.adoptConfirm', { label: version.label, count: version.itemCount })}
      onConfirm={run}
      okText={t('implementation.adopt')}
      cancelText={t('common.cancel')}
    >
      <Button
        icon={<CloudDownloadOutlined />}
        loading={adopting}
        data-testid="implementation-adopt"
      >
        {t('implementation.adopt')}
      </Button>
    </Popconfirm>
  );
}
