import { useApolloClient } from '@apollo/client/react';
import { App as AntApp, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightDefinitionsQuery } from '../../../shared/api/graphql.generated';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import {
  allInsightCases,
  EXPORT_LIMIT,
  type InsightCase,
  useInsightCases,
} from '../hooks/useInsightCases';
import { csvOf, fileNameOf, formatFigure, type Period } from '../rules/insight-figures';
import { CSV_TYPE, downloadText } from './download';

export interface Drill {
  tenantId: string;
  tenantName: string;
  figure: Pick<
    InsightDefinitionsQuery['insightDefinitions'][number],
    'key' | 'unit' | 'nameZh' | 'nameEn' | 'definitionZh' | 'definitionEn'
  >;
  /** The number in the table (for a rate: the rate; the list is its denominator). */
  shown: string;
}

/** The applications behind one number of the league table: as many as it counts. */
export function CasesDrawer({
  drill,
  period,
  onClose,
}: {
  drill: Drill | null;
  period: Period;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);
  const input = drill
    ? { tenantId: drill.tenantId, from: period.from, to: period.to, figure: drill.figure.key }
    : null;
  const cases = useInsightCases(input);
  const zh = i18n.language.startsWith('zh');
  const name = drill ? (zh ? drill.figure.nameZh : drill.figure.nameEn) : '';
  const isRate = drill?.figure.unit === 'RATE' || drill?.figure.unit === 'WORKING_DAYS';
  const yesNo = (value: boolean | null | undefined) =>
    value === null || value === undefined ? '—' : value ? t('insights.yes') : t('insights.no');
  const rating = (row: InsightCase) =>
    row.rating !== null && row.rating !== undefined
      ? String(row.rating)
      : row.defaultRating !== null && row.defaultRating !== undefined
        ? t('insights.defaultRating', { rating: row.defaultRating })
        : '—';
  const days = (value: number | null | undefined) => formatFigure(value, 'WORKING_DAYS');

  const columns: ColumnsType<InsightCase> = [
    { title: t('insights.cases.receipt'), dataIndex: 'receiptNumber', width: 170, fixed: 'left' },
    { title: t('insights.cases.tenant'), dataIndex: 'tenantName', width: 120 },
    { title: t('insights.cases.item'), dataIndex: 'itemName', width: 200 },
    {
      title: t('insights.cases.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: string) => t(`applicationStatus.${value}`, { defaultValue: value }),
    },
    { title: t('insights.cases.submittedOn'), dataIndex: 'submittedOn', width: 110 },
    {
      title: t('insights.cases.acceptedOn'),
      dataIndex: 'acceptedOn',
      width: 110,
      render: (v) => v ?? '—',
    },
    {
      title: t('insights.cases.completedOn'),
      dataIndex: 'completedOn',
      width: 110,
      render: (v) => v ?? '—',
    },
    {
      title: t('insights.cases.handlingDays'),
      dataIndex: 'handlingDays',
      width: 100,
      align: 'right',
      render: days,
    },
    {
      title: t('insights.cases.onTime'),
      dataIndex: 'onTime',
      width: 90,
      render: (value: boolean | null) =>
        value === null || value === undefined ? (
          '—'
        ) : (
          <Tag color={value ? 'green' : 'red'}>{yesNo(value)}</Tag>
        ),
    },
    {
      title: t('insights.cases.rating'),
      key: 'rating',
      width: 110,
      render: (_, row) => rating(row),
    },
  ];

  const exportList = async () => {
    if (!input || !drill) return;
    setExporting(true);
    try {
      const rows = await allInsightCases(client, input);
      const header = columns.map((c) => String(c.title));
      const body = rows.map((row) => [
        row.receiptNumber,
        row.tenantName,
        row.itemName,
        t(`applicationStatus.${row.status}`, { defaultValue: row.status }),
        row.submittedOn,
        row.acceptedOn ?? '',
        row.completedOn ?? '',
        days(row.handlingDays),
        yesNo(row.onTime),
        rating(row),
      ]);
      downloadText(
        csvOf([header, ...body]),
        `${fileNameOf(drill.tenantName, name, period.from, period.to)}.csv`,
        CSV_TYPE,
      );
    } catch (error) {
      if (error instanceof RangeError) {
        void message.error(t('insights.exportTooLarge', { limit: EXPORT_LIMIT }));
      } else {
        void message.error(t('insights.exportFailed'));
      }
    } finally {
      setExporting(false);
    }
  };

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width="min(1100px, 100vw)"
      title={drill ? `${drill.tenantName} · ${name}` : ''}
      extra={
        <Button
          onClick={() => void exportList()}
          loading={exporting}
          disabled={!cases.rows?.length}
          data-testid="insight-cases-export"
        >
          {t('insights.exportExcel')}
        </Button>
      }
      destroyOnClose
    >
      {drill && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {`${period.from} – ${period.to} · ${zh ? drill.figure.definitionZh : drill.figure.definitionEn}`}
          </Typography.Text>
          <Typography.Text data-testid="insight-cases-total">
            {isRate
              ? t('insights.cases.totalOfDenominator', {
                  value: drill.shown,
                  count: cases.totalCount ?? 0,
                })
              : t('insights.cases.total', { count: cases.totalCount ?? 0 })}
          </Typography.Text>
          {cases.totalCount !== null && (
            <span data-testid="insight-cases-count" style={{ display: 'none' }}>
              {cases.totalCount}
            </span>
          )}
          {cases.error ? (
            <ErrorAlert
              title={t('insights.loadFailed')}
              error={cases.error}
              testId="insight-cases-error"
            />
          ) : null}
          <Table<InsightCase>
            rowKey="applicationId"
            size="small"
            columns={columns}
            dataSource={cases.rows ?? []}
            loading={cases.loading && !cases.rows}
            pagination={{
              pageSize: 20,
              showSizeChanger: false,
              showTotal: () =>
                t('insights.cases.loaded', {
                  loaded: cases.rows?.length ?? 0,
                  count: cases.totalCount ?? 0,
                }),
            }}
            scroll={{ x: 1200 }}
            data-testid="insight-cases-table"
          />
          {cases.hasNextPage && (
            <Button
              onClick={() => void cases.loadMore()}
              loading={cases.loading}
              data-testid="insight-cases-more"
            >
              {t('insights.cases.more')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}
