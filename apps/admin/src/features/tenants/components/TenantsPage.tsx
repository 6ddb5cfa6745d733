import { PlusCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Skeleton, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { navigate } from '../../../shared/navigation/navigation';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import {
  ancestorIds,
  buildTenantTree,
  filterTenants,
  initiallyExpanded,
  mapTenantTree,
  type TenantTreeNode,
} from '../rules/tenant-tree';
import { TenantKindTag, TenantStatusTag } from '../../../shared/ui/tags';
import { type TenantListItem, useTenantList } from '../hooks/useTenantList';
import { TenantDetailCard } from './TenantDetailCard';

/** The tree's own scroll height (it renders only the rows in sight). */
const TREE_HEIGHT = 560;

function toTreeData(nodes: TenantTreeNode<TenantListItem>[]): DataNode[] {
  return mapTenantTree(nodes, (tenant) => ({
    key: tenant.id,
    title: (
      <span
        data-testid={`tenant-node-${tenant.divisionCode}`}
        title={tenant.name}
        style={{ display: 'flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap', minWidth: 0 }}
      >
        {/* A long name gives way (ellipsis) so the status stays in sight in a narrow card. */}
        <span
          style={{ marginInlineEnd: 2, overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}
        >
          {tenant.name}
        </span>
        <TenantKindTag kind={tenant.kind} />
        <TenantStatusTag status={tenant.status} />
      </span>
    ),
  }));
}

/** The tenant tree on the left, the selected tenant's details on the right. */
export function TenantsPage({ user, tenantId }: { user: CurrentUser; tenantId: string | null }) {
  const { t } = useTranslation();
  const list = useTenantList();
  const selectedId = tenantId ?? user.tenant.id;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  // Open the upper levels once the list is in, and the way down to a deep-linked tenant.
  useEffect(() => {
    if (!list.tenants) return;
    setExpanded((current) =>
      current === null
        ? initiallyExpanded(list.tenants ?? [], selectedId)
        : [...new Set([...current, ...ancestorIds(list.tenants ?? [], selectedId)])],
    );
  }, [list.tenants, selectedId]);

  const visible = useMemo(
    () => (list.tenants ? filterTenants(list.tenants, search) : []),
    [list.tenants, search],
  );
  const treeData = useMemo(() => toTreeData(buildTenantTree(visible)), [visible]);
  const searching = search.trim() !== '';

  let tree;
  if (!list.tenants) {
    tree = list.error ? (
      <LoadFailure
        title={t('tenants.loadError')}
        error={list.error}
        onRetry={() => void list.reload()}
      />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    );
  } else if (treeData.length === 0) {
    tree = <Empty description={searching ? t('tenants.noMatch') : t('tenants.empty')} />;
  } else {
    tree = (
      <Tree
        showLine
        blockNode
        // Virtual: a county with a few hundred village stations scrolls inside the card.
        virtual
        height={TREE_HEIGHT}
        className="tenant-tree"
        treeData={treeData}
        expandedKeys={searching ? visible.map((v) => v.id) : (expanded ?? [])}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={[selectedId]}
        onSelect={(_keys, info) => navigate({ name: 'tenants', tenantId: String(info.node.key) })}
        data-testid="tenant-tree"
      />
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('tenants.title')}
        subtitle={t('tenants.subtitle')}
        extra={
          <Space>
            <ReloadButton
              loading={list.loading}
              onClick={() => void list.reload()}
              testId="tenants-reload"
            />
            {can(user, 'ONBOARD', 'TENANT') && (
              <Button
                type="primary"
                icon={<PlusCircleOutlined />}
                onClick={() => navigate({ name: 'onboarding', parentId: null })}
                data-testid="tenants-onboard"
              >
                {t('tenants.onboard')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={10} xl={8} xxl={7}>
          <Card
            title={t('tenants.tree')}
            extra={
              list.tenants ? (
                <Typography.Text type="secondary">
                  {t('tenants.count', { count: list.tenants.length })}
                </Typography.Text>
              ) : null
            }
            styles={{ body: { paddingTop: 12 } }}
          >
            <Input.Search
              allowClear
              placeholder={t('tenants.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="tenant-search"
            />
            {tree}
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={16} xxl={17}>
          <TenantDetailCard
            key={selectedId}
            tenantId={selectedId}
            user={user}
            onChanged={() => void list.reload()}
          />
        </Col>
      </Row>
    </Space>
  );
}
