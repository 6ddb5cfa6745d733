import { Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { type TenantSummaryFragment as TenantSummary } from '../../../shared/api/graphql.generated';
import { navigate } from '../../../shared/navigation/navigation';
import { buildTenantTree, type TenantTreeNode } from '../rules/tenant-tree';
import { useTenantList } from '../hooks/useTenantList';
import { TenantDetailCard } from './TenantDetailCard';

interface PickerNode {
  value: string;
  title: string;
  children: PickerNode[];
}

function pickerData(nodes: TenantTreeNode<TenantSummary>[]): PickerNode[] {
  return nodes.map(({ tenant, children }) => ({
    value: tenant.id,
    title: `${tenant.name} · ${tenant.divisionCode}`,
    children: pickerData(children),
  }));
}

function TenantPicker({ value }: { value: string }) {
  const { t } = useTranslation();
  const list = useTenantList();
  const data = useMemo(() => pickerData(buildTenantTree(list.tenants ?? [])), [list.tenants]);
  return (
    <Space>
      <Typography.Text type="secondary">{t('windows.tenant')}</Typography.Text>
      <TreeSelect
        style={{ minWidth: 320 }}
        value={list.tenants ? value : undefined}
        loading={list.loading}
        treeData={data}
        treeDefaultExpandAll
        showSearch
        treeNodeFilterProp="title"
        onChange={(id: string) => navigate({ name: 'windows', tenantId: id })}
        data-testid="windows-tenant-picker"
      />
    </Space>
  );
}

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
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t('windows.title')}
          </Typography.Title>
        </div>
        {seesSubtree(user) && <TenantPicker value={id} />}
      </div>
      <TenantDetailCard key={id} tenantId={id} user={user} tenants={null} mode="windowsAndStaff" />
    </Space>
  );
}
