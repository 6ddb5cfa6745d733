import { Alert, Button, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationRowFragment as Consultation } from '../../../shared/api/graphql.generated';
import { actionErrorText } from '../../../shared/i18n/describe';
import { formatDateTime } from '../../../shared/i18n/format';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import type { ConsultationList } from '../hooks/useConsultationList';

const CHANNEL_COLORS: Record<string, string> = {
  IN_PERSON: 'blue',
  PHONE: 'green',
  ONLINE: 'purple',
};

/** The consultations loaded so far, the newest on top, and more on request. */
export function ConsultationsTable({
  list,
  showTenant,
  newId,
}: {
  list: ConsultationList;
  /** Name each one's center or station (for those who see the tenants below). */
  showTenant: boolean;
  newId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<Consultation> = [
    {
      title: t('consultations.loggedAt'),
      dataIndex: 'loggedAt',
      width: 170,
      render: (value: string) => formatDateTime(i18n.language, value),
    },
    {
      title: t('consultations.item'),
      key: 'item',
      render: (_, row) =>
        row.itemCode ? (
          <span>
            {row.itemName}
            <br />
            <Typography.Text type="secondary">{row.itemCode}</Typography.Text>
          </span>
        ) : (
          <Tag>{t('consultations.general')}</Tag>
        ),
    },
    {
      title: t('consultations.channel'),
      dataIndex: 'channel',
      width: 96,
      render: (channel: string) => (
        <Tag color={CHANNEL_COLORS[channel]}>{t(`consultations.channels.${channel}`)}</Tag>
      ),
    },
    {
      title: t('consultations.window'),
      key: 'window',
      render: (_, row) =>
        showTenant ? (
          <span>
            {row.windowName}
            <br />
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {row.tenantName}
            </Typography.Text>
          </span>
        ) : (
          row.windowName
        ),
    },
    {
      title: t('consultations.note'),
      dataIndex: 'note',
      render: (note: string | null) =>
        note ? (
          <Typography.Paragraph
            ellipsis={{ rows: 2, tooltip: note }}
            style={{ margin: 0, maxWidth: 360 }}
          >
            {note}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('consultations.loggedBy'),
      dataIndex: 'loggedByName',
      render: (name: string) => <span style={{ whiteSpace: 'nowrap' }}>{name}</span>,
    },
  ];

  if (list.rows === null) {
    return list.error ? (
      <LoadFailure
        title={t('consultations.loadError')}
        error={list.error}
        onRetry={() => void list.reload()}
      />
    ) : (
      <Table<Consultation> columns={columns} dataSource={[]} loading rowKey="id" />
    );
  }
  return (
    <>
      {list.error !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={actionErrorText(t, list.error)}
        />
      )}
      <Table<Consultation>
        rowKey="id"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.id === newId ? 'applications-row-new' : '')}
        onRow={(row) =>
          ({ 'data-testid': `consultation-row-${row.id}` }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={t('consultations.empty')} /> }}
        data-testid="consultations-table"
      />
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          marginTop: 12,
        }}
      >
        <Typography.Text type="secondary" data-testid="consultations-shown">
          {t('consultations.shown', { count: list.rows.length })}
        </Typography.Text>
        {list.hasNextPage && (
          <Button
            loading={list.loadingMore}
            onClick={() => void list.loadMore()}
            data-testid="consultations-load-more"
          >
            {t('applications.loadMore')}
          </Button>
        )}
      </div>
    </>
  );
}
