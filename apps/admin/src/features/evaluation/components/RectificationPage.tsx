import { Alert, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  RectificationCaseRowFragment as CaseRow,
  RectificationStatus,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { navigate } from '../../../shared/navigation/navigation';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { useRectificationList } from '../hooks/useRectificationList';
import { type CaseStatus, isOverdue, STATUS_COLORS } from '../rules/evaluation-rules';
import { evaluationErrorText, ratingText } from './evaluation-text';
import { RectificationCaseView } from './RectificationCaseView';

const STATUSES: CaseStatus[] = ['OPEN', 'APPEALED', 'CLOSED', 'VOIDED'];

/** 差评整改: the cases one may see (newest first), or one case (`caseId`). */
export function RectificationPage({ user, caseId }: { user: CurrentUser; caseId: string | null }) {
  if (caseId) return <RectificationCaseView id={caseId} />;
  return <RectificationList user={user} />;
}

function RectificationList({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<RectificationStatus | null>('OPEN');
  const list = useRectificationList(status);
  const now = new Date();
  const open = (row: CaseRow) => navigate({ name: 'rectification', caseId: row.id });

  const columns: ColumnsType<CaseRow> = [
    {
      title: t('evaluation.ratedAt'),
      dataIndex: 'ratedAt',
      width: 170,
      render: (value: string) => formatDateTime(i18n.language, value),
    },
    {
      title: t('evaluation.item'),
      key: 'item',
      render: (_, row) => (
        <span>
          {row.itemName}
          <br />
          <Typography.Text type="secondary">{row.receiptNumber}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('evaluation.rating'),
      dataIndex: 'rating',
      render: (rating: number) => <Tag color="red">{ratingText(t, rating)}</Tag>,
    },
    {
      title: t('evaluation.window'),
      key: 'window',
      render: (_, row) => (
        <span>
          {row.windowName}
          {seesSubtree(user) && (
            <>
              <br />
              <Typography.Text type="secondary">{row.tenantName}</Typography.Text>
            </>
          )}
        </span>
      ),
    },
    { title: t('evaluation.staff'), dataIndex: 'staffName', render: (name) => name ?? '—' },
    {
      title: t('evaluation.dueAt'),
      key: 'dueAt',
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(i18n.language, row.dueAt)}
          {isOverdue(row.status as CaseStatus, row.dueAt, now) && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('evaluation.overdue')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('evaluation.status'),
      dataIndex: 'status',
      render: (value: CaseStatus) => (
        <Tag color={STATUS_COLORS[value]}>{t(`evaluation.statuses.${value}`)}</Tag>
      ),
    },
    {
      key: 'open',
      render: (_, row) => (
        <Button type="link" onClick={() => open(row)} data-testid={`rectification-open-${row.id}`}>
          {t('evaluation.open')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('evaluation.rectificationTitle')}
        subtitle={t('evaluation.rectificationSubtitle')}
        extra={
          <Space wrap>
            <Select<RectificationStatus | 'ALL'>
              value={status ?? 'ALL'}
              onChange={(value) => setStatus(value === 'ALL' ? null : value)}
              style={{ minWidth: 140 }}
              options={[
                { value: 'ALL', label: t('evaluation.allStatuses') },
                ...STATUSES.map((value) => ({
                  value,
                  label: t(`evaluation.statuses.${value}`),
                })),
              ]}
              data-testid="rectification-status-filter"
            />
            <ReloadButton
              loading={list.loading}
              onClick={() => void list.reload()}
              testId="rectification-reload"
            />
          </Space>
        }
      />
      <Card>
        {list.rows === null && list.error ? (
          <LoadFailure
            title={t('evaluation.loadError')}
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
                message={evaluationErrorText(t, list.error)}
              />
            )}
            <Table<CaseRow>
              rowKey="id"
              columns={columns}
              dataSource={list.rows ?? []}
              loading={list.loading}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              onRow={(row) =>
                ({
                  'data-testid': `rectification-row-${row.applicationId}`,
                  onDoubleClick: () => open(row),
                }) as HTMLAttributes<HTMLElement>
              }
              locale={{ emptyText: <Empty description={t('evaluation.empty')} /> }}
              data-testid="rectification-table"
            />
            {list.rows && (
              <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
                <Typography.Text type="secondary">
                  {t('evaluation.shown', { count: list.rows.length })}
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
    </Space>
  );
}
