import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ComplaintRowFragment as Row,
  ComplaintStatus,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { navigate } from '../../../shared/navigation/navigation';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { useComplaintList } from '../hooks/useComplaintList';
import { STATUS_COLORS, STATUSES } from '../rules/complaint-rules';
import { complaintErrorText, subjectText } from './complaint-text';
import { ComplaintView } from './ComplaintView';
import { LogComplaintDialog } from './LogComplaintDialog';

/** 投诉: the complaints one may see (newest first), or one complaint (`complaintId`). */
export function ComplaintsPage({
  user,
  complaintId,
}: {
  user: CurrentUser;
  complaintId: string | null;
}) {
  if (complaintId) return <ComplaintView id={complaintId} user={user} />;
  return <ComplaintList user={user} />;
}

type Overdue = 'ALL' | 'OVERDUE' | 'ON_TIME';

function ComplaintList({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<ComplaintStatus | null>(null);
  const [overdue, setOverdue] = useState<Overdue>('ALL');
  const [logging, setLogging] = useState(false);
  const list = useComplaintList({
    status,
    overdue: overdue === 'ALL' ? null : overdue === 'OVERDUE',
  });
  const open = (row: { id: string }) => navigate({ name: 'complaints', complaintId: row.id });

  const columns: ColumnsType<Row> = [
    {
      title: t('complaints.receivedAt'),
      dataIndex: 'receivedAt',
      width: 170,
      render: (value: string) => formatDateTime(i18n.language, value),
    },
    {
      title: t('complaints.subject'),
      key: 'subject',
      render: (_, row) => (
        <span>
          {subjectText(t, row)}
          {seesSubtree(user) && (
            <>
              <br />
              <Typography.Text type="secondary">{row.tenantName}</Typography.Text>
            </>
          )}
        </span>
      ),
    },
    {
      title: t('complaints.channel'),
      dataIndex: 'channel',
      render: (value: string) => t(`complaints.channels.${value}`),
    },
    { title: t('complaints.complainant'), dataIndex: 'complainantName' },
    {
      title: t('complaints.dueAt'),
      key: 'dueAt',
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(i18n.language, row.dueAt)}
          {row.overdue && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('complaints.overdue')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('complaints.status'),
      dataIndex: 'status',
      render: (value: ComplaintStatus) => (
        <Tag color={STATUS_COLORS[value]}>{t(`complaints.statuses.${value}`)}</Tag>
      ),
    },
    {
      key: 'open',
      render: (_, row) => (
        <Button type="link" onClick={() => open(row)} data-testid={`complaint-open-${row.id}`}>
          {t('complaints.open')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        extra={
          <Space wrap>
            {can(user, 'CREATE', 'COMPLAINT') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setLogging(true)}
                data-testid="complaint-log"
              >
                {t('complaints.log')}
              </Button>
            )}
            <Select<ComplaintStatus | 'ALL'>
              value={status ?? 'ALL'}
              onChange={(value) => setStatus(value === 'ALL' ? null : value)}
              style={{ minWidth: 130 }}
              options={[
                { value: 'ALL', label: t('complaints.allStatuses') },
                ...STATUSES.map((value) => ({
                  value,
                  label: t(`complaints.statuses.${value}`),
                })),
              ]}
              data-testid="complaint-status-filter"
            />
            <Select<Overdue>
              value={overdue}
              onChange={setOverdue}
              style={{ minWidth: 130 }}
              options={(['ALL', 'OVERDUE', 'ON_TIME'] as const).map((value) => ({
                value,
                label: t(`complaints.overdueFilter.${value}`),
              }))}
              data-testid="complaint-overdue-filter"
            />
            <ReloadButton
              loading={list.loading}
              onClick={() => void list.reload()}
              testId="complaint-reload"
            />
          </Space>
        }
      />
      <Card>
        {list.rows === null && list.error ? (
          <LoadFailure
            title={t('complaints.loadError')}
            error={list.error}
            onRetry={() => void list.reload()}
          />
        ) : (
          <>
            {list.error !== null && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={complaintErrorText(t, list.error)}
              />
            )}
            <Table<Row>
              rowKey="id"
              columns={columns}
              dataSource={list.rows ?? []}
              loading={list.loading}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              onRow={(row) =>
                ({
                  'data-testid': `complaint-row-${row.id}`,
                  onDoubleClick: () => open(row),
                }) as HTMLAttributes<HTMLElement>
              }
              locale={{ emptyText: <Empty description={t('complaints.empty')} /> }}
              data-testid="complaint-table"
            />
            {list.rows && (
              <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
                <Typography.Text type="secondary">
                  {t('complaints.shown', { count: list.rows.length })}
                </Typography.Text>
                {list.hasNextPage && (
                  <Button loading={list.loadingMore} onClick={() => void list.loadMore()}>
                    {t('applications.loadMore')}
                  </Button>
                )}
              </div>
            )}
          </>
        )}
      </Card>
      {logging && (
        <LogComplaintDialog
          user={user}
          onDone={(logged) => {
            setLogging(false);
            if (logged) open(logged);
          }}
        />
      )}
    </Space>
  );
}
