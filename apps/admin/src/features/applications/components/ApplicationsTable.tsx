import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationRowFragment as Application } from '../../../shared/api/graphql.generated';
import { actionErrorText } from '../../../shared/i18n/describe';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import type { ApplicationList } from '../hooks/useApplicationList';

/**
 * The applications loaded so far, the newest on top; a note when personal data is masked;
 * how many there are, and more on request.
 */
export function ApplicationsTable({
  list,
  columns,
  filtered,
  newId,
}: {
  list: ApplicationList;
  columns: ColumnsType<Application>;
  /** Whether a filter is set (an empty list then says so). */
  filtered: boolean;
  /** The application just taken in, highlighted. */
  newId: string | null;
}) {
  const { t } = useTranslation();
  const anyMasked = (list.rows ?? []).some((row) => row.applicant.masked);

  if (list.rows === null) {
    return list.error ? (
      <LoadFailure
        title={t('applications.loadError')}
        error={list.error}
        onRetry={() => void list.reload()}
      />
    ) : (
      <Table<Application> columns={columns} dataSource={[]} loading rowKey="id" />
    );
  }
  return (
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
