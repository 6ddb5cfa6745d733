import { EyeInvisibleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Result,
  Select,
  Space,
  Table,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApplicationRowFragment as Application,
  ApplicationStatus,
  TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import { can, type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { afterIntake, type ApplicationsFilter } from '../rules/application-list';
import { actionErrorText } from '../../../shared/i18n/describe';
import { formatDateTime } from '../../../shared/i18n/format';
import { APPLICATION_STATUSES, applicationStatusLabel } from '../../../shared/i18n/labels';
import { buildTenantTree, type TenantTreeNode } from '../../tenants/rules/tenant-tree';
import { ApplicationStatusTag } from '../../../shared/ui/tags';
import { useTenantList } from '../../tenants/hooks/useTenantList';
import { useApplicationList } from '../hooks/useApplicationList';
import { IntakeCard } from './IntakeCard';

const MONO = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' };

interface PickerNode {
  value: string;
  title: string;
  children: PickerNode[];
}

function pickerData(nodes: TenantTreeNode<TenantSummary>[]): PickerNode[] {
  return nodes.map(({ tenant, children }) => ({
    value: tenant.id,
    title: tenant.name,
    children: pickerData(children),
  }));
}

function TenantFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const list = useTenantList();
  const data = useMemo(() => pickerData(buildTenantTree(list.tenants ?? [])), [list.tenants]);
  return (
    <TreeSelect
      style={{ minWidth: 200 }}
      allowClear
      placeholder={t('applications.allTenants')}
      value={value ?? undefined}
      loading={list.loading}
      treeData={data}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      onChange={(id: string | undefined) => onChange(id ?? null)}
      data-testid="applications-tenant-filter"
    />
  );
}

function Masked({ children, masked }: { children: string | null; masked: boolean }) {
  const { t } = useTranslation();
  if (children === null || children === '') {
    return <Typography.Text type="secondary">{t('applications.none')}</Typography.Text>;
  }
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <span style={MONO}>{children}</span>
      {masked && (
        <Tooltip title={t('applications.maskedMark')}>
          <EyeInvisibleOutlined
            style={{ color: '#8c8c8c' }}
            aria-label={t('applications.maskedMark')}
          />
        </Tooltip>
      )}
    </Space>
  );
}

/** Applications (办件), newest first; intake (收件) above the list for those who take them in. */
export function ApplicationsPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const subtree = seesSubtree(user);
  const mayTakeIn = can(user, 'CREATE', 'APPLICATION');
  const [filter, setFilter] = useState<ApplicationsFilter>({});
  const [newId, setNewId] = useState<string | null>(null);
  const list = useApplicationList(filter);
  const filtered = Boolean(filter.status || filter.tenantId);
  const anyMasked = (list.rows ?? []).some((row) => row.applicant.masked);

  const submitted = (application: Application) => {
    setNewId(application.id);
    switch (afterIntake(application, filter)) {
      case 'prepend':
        list.prepend(application);
        break;
      case 'showAllStatuses': // the list reloads, newest first
        setFilter((f) => ({ ...f, status: null }));
        break;
      case 'reload':
        void list.reload();
        break;
    }
  };

  const columns: ColumnsType<Application> = [
    {
      key: 'receiptNumber',
      title: t('applications.receiptNumber'),
      dataIndex: 'receiptNumber',
      fixed: 'left',
      render: (value: string) => (
        <Typography.Text strong style={{ ...MONO, whiteSpace: 'nowrap' }}>
          {value}
        </Typography.Text>
      ),
    },
    {
      key: 'item',
      title: t('applications.item'),
      render: (_, row) => (
        <div style={{ minWidth: 140 }}>
          <div>{row.itemName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, ...MONO }}>
            {row.itemCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'applicant',
      title: t('applications.applicant'),
      render: (_, row) => <Masked masked={row.applicant.masked}>{row.applicant.name}</Masked>,
    },
    {
      key: 'idNumber',
      title: t('applications.idNumber'),
      render: (_, row) => <Masked masked={row.applicant.masked}>{row.applicant.idNumber}</Masked>,
    },
    {
      key: 'phone',
      title: t('applications.phone'),
      render: (_, row) => <Masked masked={row.applicant.masked}>{row.applicant.phone}</Masked>,
    },
    {
      key: 'window',
      title: t('applications.window'),
      dataIndex: 'windowName',
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span>,
    },
    ...(subtree
      ? [
          {
            key: 'tenant',
            title: t('applications.tenant'),
            dataIndex: 'tenantName',
            render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span>,
          },
        ]
      : []),
    {
      key: 'status',
      title: t('applications.status'),
      dataIndex: 'status',
      render: (value: string) => <ApplicationStatusTag status={value} />,
    },
    {
      key: 'submittedAt',
      title: t('applications.submittedAt'),
      render: (_, row) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>{formatDateTime(i18n.language, row.submittedAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.submittedBy', { name: row.submittedByName })}
          </Typography.Text>
        </div>
      ),
    },
  ];

  let content;
  if (list.rows === null) {
    content = list.error ? (
      <Result
        status="warning"
        title={t('applications.loadError')}
        subTitle={actionErrorText(t, list.error)}
        extra={<Button onClick={() => void list.reload()}>{t('common.retry')}</Button>}
      />
    ) : (
      <Table<Application> columns={columns} dataSource={[]} loading rowKey="id" />
    );
  } else {
    content = (
      <>
        {anyMasked && (
          <Alert
            type="info"
            showIcon
            icon={<EyeInvisibleOutlined />}
            style={{ marginBottom: 12 }}
            message={t('applications.maskedHint')}
            data-testid="applications-masked-hint"
          />
        )}
        {list.error !== null && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={actionErrorText(t, list.error)}
          />
        )}
        <Table<Application>
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          rowClassName={(row) => (row.id === newId ? 'applications-row-new' : '')}
          onRow={(row) =>
            ({
              'data-testid': `application-row-${row.receiptNumber}`,
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                description={filtered ? t('applications.emptyFiltered') : t('applications.empty')}
              />
            ),
          }}
          data-testid="applications-table"
        />
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            marginTop: 12,
          }}
        >
          <Typography.Text type="secondary" data-testid="applications-count">
            {t('applications.count', { count: list.rows.length })}
          </Typography.Text>
          {list.hasNextPage ? (
            <Button
              loading={list.loadingMore}
              onClick={() => void list.loadMore()}
              data-testid="applications-load-more"
            >
              {t('applications.loadMore')}
            </Button>
          ) : (
            list.rows.length > 0 && (
              <Typography.Text type="secondary">{t('applications.allLoaded')}</Typography.Text>
            )
          )}
        </div>
      </>
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t('applications.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {mayTakeIn ? t('applications.subtitleIntake') : t('applications.subtitleRead')}
          </Typography.Text>
        </div>
        <Button
          icon={<ReloadOutlined />}
          loading={list.loading}
          onClick={() => void list.reload()}
          data-testid="applications-reload"
        >
          {t('common.reload')}
        </Button>
      </div>
      {mayTakeIn && <IntakeCard user={user} onSubmitted={submitted} />}
      <Card
        title={t('applications.listTitle')}
        extra={
          <Space wrap>
            {subtree && (
              <TenantFilter
                value={filter.tenantId ?? null}
                onChange={(tenantId) => setFilter((f) => ({ ...f, tenantId }))}
              />
            )}
            <Select
              style={{ minWidth: 140 }}
              allowClear
              placeholder={t('applications.allStatuses')}
              value={filter.status ?? undefined}
              onChange={(status: ApplicationStatus | undefined) =>
                setFilter((f) => ({ ...f, status: status ?? null }))
              }
              options={APPLICATION_STATUSES.map((status) => ({
                value: status,
                label: applicationStatusLabel(t, status),
              }))}
              data-testid="applications-status-filter"
            />
          </Space>
        }
        data-testid="applications-card"
      >
        {content}
      </Card>
    </Space>
  );
}
