import { PlusCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Input,
  Result,
  Row,
  Skeleton,
  Space,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { type TenantSummaryFragment as TenantSummary } from '../../../shared/api/graphql.generated';
import { navigate } from '../../../shared/navigation/navigation';
import { actionErrorText } from '../../../shared/i18n/describe';
import {
  ancestorIds,
  buildTenantTree,
  filterTenants,
  initiallyExpanded,
  type TenantTreeNode,
} from '../rules/tenant-tree';
import { TenantKindTag, TenantStatusTag } from '../../../shared/ui/tags';
import { useTenantList } from '../hooks/useTenantList';
import { TenantDetailCard } from './TenantDetailCard';

function toTreeData(nodes: TenantTreeNode<TenantSummary>[]): DataNode[] {
  return nodes.map(({ tenant, children }) => ({
    key: tenant.id,
    title: (
      <span
        data-testid={`tenant-node-${tenant.divisionCode}`}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
      >
        <span style={{ marginInlineEnd: 2 }}>{tenant.name}</span>
        <TenantKindTag kind={tenant.kind} />
        <TenantStatusTag status={tenant.status} />
      </span>
    ),
    children: toTreeData(children),
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
      <Result
        status="warning"
        title={t('tenants.loadError')}
        subTitle={actionErrorText(t, list.error)}
        extra={<Button onClick={() => void list.reload()}>{t('common.retry')}</Button>}
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
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t('tenants.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tenants.subtitle')}</Typography.Text>
        </div>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            loading={list.loading}
            onClick={() => void list.reload()}
            data-testid="tenants-reload"
          >
            {t('common.reload')}
          </Button>
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
      </div>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={10} xl={9}>
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
            <div style={{ overflowX: 'auto' }}>{tree}</div>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <TenantDetailCard
            key={selectedId}
            tenantId={selectedId}
            user={user}
            tenants={list.tenants}
            onChanged={() => void list.reload()}
          />
        </Col>
      </Row>
    </Space>
  );
}
