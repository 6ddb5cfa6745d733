import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../shared/api/graphql.generated';
import { APPLICATION_STATUSES, applicationStatusLabel } from '../../../shared/i18n/labels';
import { navigate } from '../../../shared/navigation/navigation';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { ApplicationStatusTag } from '../../../shared/ui/tags';
import { type QueueEntry, useWorkQueue, type WorkQueueFilter } from '../hooks/useWorkQueue';
import { Remaining } from './Remaining';

/** Open states: what a queue may be filtered by. */
const OPEN = APPLICATION_STATUSES.filter(
  (status) => !['REJECTED', 'COMPLETED', 'WITHDRAWN'].includes(status),
);

/** 待办: the open applications of one's windows (or station), most urgent first. */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<WorkQueueFilter>({
    status: null,
    overdueOnly: false,
    search: '',
  });
  const [search, setSearch] = useState('');
  const queue = useWorkQueue(filter);
  const filtered = Boolean(filter.status || filter.overdueOnly || filter.search);

  const columns: ColumnsType<QueueEntry> = [
    {
      title: t('lifecycle.due'),
      key: 'due',
      width: 200,
      render: (_, row) => (
        <Remaining
          dueAt={row.dueAt ?? null}
          workingDaysLeft={row.clock.workingDaysLeft ?? null}
          paused={row.clock.clockPaused}
          testId="queue-remaining"
        />
      ),
    },
    {
      title: t('applications.receiptNumber'),
      dataIndex: 'receiptNumber',
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    {
      title: t('applications.item'),
      key: 'item',
      render: (_, row) => (
        <div style={{ minWidth: 160 }}>
          {row.itemName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.itemCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('applications.applicant'),
      key: 'applicant',
      render: (_, row) => row.applicant.name,
    },
    {
      title: t('applications.status'),
      key: 'status',
      render: (_, row) => (
        <Space size={4} wrap>
          <ApplicationStatusTag status={row.status} />
          {row.chainStatus && row.status === 'FORWARDED' && (
            // 代办: where the center it went to stands.
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="queue-chain">
              {applicationStatusLabel(t, row.chainStatus)}
            </Typography.Text>
          )}
          {row.clock.acceptanceOverdue && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('lifecycle.urgency.overdue')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('applications.window'), dataIndex: 'windowName', responsive: ['lg'] },
    {
      title: '',
      key: 'open',
      render: (_, row) => (
        <Button
          type="link"
          onClick={() => navigate({ name: 'application', id: row.id })}
          data-testid="queue-open"
        >
          {t('lifecycle.open')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('lifecycle.queueTitle')}
        subtitle={t('lifecycle.queueSubtitle')}
        extra={
          <ReloadButton
            loading={queue.loading}
            onClick={() => void queue.reload()}
            testId="queue-reload"
          />
        }
      />
      <Card
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('lifecycle.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onSearch={(value) => setFilter((f) => ({ ...f, search: value }))}
              style={{ width: 220 }}
              data-testid="queue-search"
            />
            <Select
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('applications.allStatuses')}
              value={filter.status ?? undefined}
              onChange={(status: ApplicationStatus | undefined) =>
                setFilter((f) => ({ ...f, status: status ?? null }))
              }
              options={OPEN.map((status) => ({
                value: status,
                label: applicationStatusLabel(t, status),
              }))}
              data-testid="queue-status-filter"
            />
            <Checkbox
              checked={filter.overdueOnly}
              onChange={(event) => setFilter((f) => ({ ...f, overdueOnly: event.target.checked }))}
              data-testid="queue-overdue-only"
            >
              {t('lifecycle.overdueOnly')}
            </Checkbox>
          </Space>
        }
        data-testid="queue-card"
      >
        {queue.error !== null && (
          <ErrorAlert title={t('lifecycle.loadError')} error={queue.error} testId="queue-error" />
        )}
        <Table<QueueEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={queue.rows ?? []}
          loading={queue.loading && queue.rows === null}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({
            onDoubleClick: () => navigate({ name: 'application', id: row.id }),
          })}
          locale={{
            emptyText: filtered ? t('lifecycle.queueEmptyFiltered') : t('lifecycle.queueEmpty'),
          }}
          data-testid="queue-table"
        />
        {queue.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button loading={queue.loading} onClick={() => void queue.loadMore()}>
              {t('applications.loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </Space>
  );
}
