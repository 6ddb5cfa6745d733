import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  App as AntApp,
  Button,
  Card,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  InsightComparisonDocument,
  type InsightComparisonQuery,
  InsightDefinitionsDocument,
  type InsightDefinitionsQuery,
  type InsightFigureKey,
  InsightSeriesDocument,
  InsightYearlySummaryDocument,
  type TenantKind,
} from '../../../shared/api/graphql.generated';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import {
  beijingToday,
  csvOf,
  fileNameOf,
  formatFigure,
  lastTwelveMonths,
  monthsOf,
  type Period,
  periodAround,
  periodChoices,
  type PeriodKind,
  TABLE_FIGURES,
} from '../rules/insight-figures';
import { CasesDrawer, type Drill } from './CasesDrawer';
import { CSV_TYPE, downloadText, TEXT_TYPE } from './download';
import { FigureChart } from './FigureChart';

type Definition = InsightDefinitionsQuery['insightDefinitions'][number];
type Comparison = InsightComparisonQuery['insightComparison'];
type Row = Comparison['rows'][number];
type Tier = 'CHILDREN' | Extract<TenantKind, 'COUNTY' | 'TOWNSHIP' | 'VILLAGE'>;

interface TableRow {
  key: string;
  tenantId: string | null;
  name: string;
  kind: 'row' | 'whole' | 'average';
  figures: Map<InsightFigureKey, { value: number | null; rank: number | null }>;
}

const CHOICES = { month: 24, quarter: 8, year: 5 } as const;

/**
 * 统计分析: a tenant's children (or every tenant of a tier below it) side by side for a period,
 * each number with its definition and rank, the list of cases behind it a click away; a chart
 * of one figure, the tenant's twelve-month trend, exports, and the yearly summary.
 */
export function InsightsPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { message } = AntApp.useApp();
  const zh = i18n.language.startsWith('zh');
  const today = beijingToday();
  const [tenantId, setTenantId] = useState(user.tenant.id);
  const [kind, setKind] = useState<PeriodKind>('month');
  const [start, setStart] = useState(periodChoices('month', today, 1)[0]);
  const [custom, setCustom] = useState<Period>(periodAround('month', today, today));
  const [tier, setTier] = useState<Tier>('CHILDREN');
  const [chartFigure, setChartFigure] = useState<InsightFigureKey>('submissions');
  const [drill, setDrill] = useState<Drill | null>(null);
  const [summary, setSummary] = useState<{ title: string; text: string } | null>(null);
  const [summarizing, setSummarizing] = useState(false);

  const period: Period = kind === 'custom' ? custom : periodAround(kind, start, today);
  const definitions = useQuery(InsightDefinitionsDocument);
  const byKey = useMemo(
    () => new Map((definitions.data?.insightDefinitions ?? []).map((d) => [d.key, d])),
    [definitions.data],
  );
  const comparison = useQuery(InsightComparisonDocument, {
    variables: {
      input: {
        tenantId,
        from: period.from,
        to: period.to,
        tier: tier === 'CHILDREN' ? null : tier,
      },
    },
    fetchPolicy: 'cache-and-network',
    skip: period.from > period.to,
  });
  const trendPeriod = lastTwelveMonths(today);
  const series = useQuery(InsightSeriesDocument, {
    variables: { input: { tenantId, ...trendPeriod } },
    fetchPolicy: 'cache-and-network',
  });

  const nameOf = (d: Definition | undefined, key: string) => (d ? (zh ? d.nameZh : d.nameEn) : key);
  const definitionOf = (d: Definition | undefined) =>
    d ? (zh ? d.definitionZh : d.definitionEn) : '';
  const data = comparison.data?.insightComparison;

  const rows: TableRow[] = useMemo(() => {
    if (!data) return [];
    const plain = (
      figures: { key: InsightFigureKey; value?: number | null; rank?: number | null }[],
    ) => new Map(figures.map((f) => [f.key, { value: f.value ?? null, rank: f.rank ?? null }]));
    return [
      ...data.rows.map((row: Row) => ({
        key: row.tenantId,
        tenantId: row.tenantId,
        name: row.tenantName,
        kind: 'row' as const,
        figures: plain(row.figures),
      })),
      {
        key: 'whole',
        tenantId: data.tenantId,
        name: t('insights.whole', { name: data.tenantName }),
        kind: 'whole' as const,
        figures: plain(data.whole),
      },
      {
        key: 'average',
        tenantId: null,
        name: t('insights.average'),
        kind: 'average' as const,
        figures: plain(data.average),
      },
    ];
  }, [data, t]);

  const valueOf = (row: TableRow, key: InsightFigureKey) => row.figures.get(key)?.value ?? null;
  const unitOf = (key: InsightFigureKey) => byKey.get(key)?.unit ?? 'COUNT';
  // The whole and the average stay at the foot whichever way the rows are sorted.
  const sorter =
    (key: InsightFigureKey) => (a: TableRow, b: TableRow, order?: 'ascend' | 'descend' | null) => {
      const foot = (row: TableRow) => (row.kind === 'row' ? 0 : row.kind === 'whole' ? 1 : 2);
      if (foot(a) !== foot(b)) return (foot(a) - foot(b)) * (order === 'descend' ? -1 : 1);
      return (valueOf(a, key) ?? -Infinity) - (valueOf(b, key) ?? -Infinity);
    };

  const columns: ColumnsType<TableRow> = [
    {
      title: t('insights.tenant'),
      dataIndex: 'name',
      fixed: 'left',
      width: 130,
      render: (name: string, row) =>
        row.kind === 'row' ? name : <Typography.Text strong>{name}</Typography.Text>,
    },
    ...TABLE_FIGURES.map((key) => {
      const definition = byKey.get(key);
      return {
        key,
        width: 120,
        align: 'right' as const,
        title: (
          <Tooltip title={definitionOf(definition)}>
            <span
              data-testid={`insight-head-${key}`}
              style={{ borderBottom: '1px dashed #999', cursor: 'help' }}
            >
              {nameOf(definition, key)}
            </span>
          </Tooltip>
        ),
        sorter: sorter(key),
        render: (_: unknown, row: TableRow) => {
          const figure = row.figures.get(key);
          const shown = formatFigure(figure?.value, unitOf(key));
          const drillable = row.tenantId !== null && definition?.listable && figure?.value !== null;
          return (
            <span style={{ whiteSpace: 'nowrap' }}>
              {drillable ? (
                <Typography.Link
                  onClick={() =>
                    setDrill({
                      tenantId: row.tenantId!,
                      tenantName: row.name,
                      figure: definition!,
                      shown,
                    })
                  }
                  data-testid={`insight-cell-${row.key}-${key}`}
                >
                  {shown}
                </Typography.Link>
              ) : (
                <span data-testid={`insight-cell-${row.key}-${key}`}>{shown}</span>
              )}
              {figure?.rank ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                  {t('insights.rank', { rank: figure.rank })}
                </Typography.Text>
              ) : null}
            </span>
          );
        },
      };
    }),
  ];

  const exportTable = () => {
    if (!data) return;
    const header = [
      t('insights.tenant'),
      ...TABLE_FIGURES.flatMap((key) => [nameOf(byKey.get(key), key), t('insights.rankHeader')]),
    ];
    const body = rows.map((row) => [
      row.name,
      ...TABLE_FIGURES.flatMap((key) => {
        const figure = row.figures.get(key);
        return [formatFigure(figure?.value, unitOf(key)), figure?.rank ? String(figure.rank) : ''];
      }),
    ]);
    const notes = TABLE_FIGURES.map((key) => [
      nameOf(byKey.get(key), key),
      definitionOf(byKey.get(key)),
    ]);
    downloadText(
      csvOf([
        [`${data.tenantName} ${period.from} – ${period.to}`],
        header,
        ...body,
        [],
        [t('insights.definitions')],
        ...notes,
      ]),
      `${fileNameOf(t('insights.title'), data.tenantName, period.from, period.to)}.csv`,
      CSV_TYPE,
    );
  };

  const year =
    Number(period.to.slice(0, 4)) > Number(today.slice(0, 4))
      ? Number(today.slice(0, 4))
      : Number(period.to.slice(0, 4));
  const summarize = async () => {
    setSummarizing(true);
    try {
      const { data: result } = await client.query({
        query: InsightYearlySummaryDocument,
        variables: { tenantId, year },
        fetchPolicy: 'network-only',
      });
      setSummary(result!.insightYearlySummary);
    } catch {
      void message.error(t('insights.summaryFailed'));
    } finally {
      setSummarizing(false);
    }
  };

  const chartDefinition = byKey.get(chartFigure);
  const chartRows = rows.filter((row) => row.kind === 'row');
  const scale = (value: number | null, key: InsightFigureKey) =>
    value === null ? null : unitOf(key) === 'RATE' ? Math.round(value * 10_000) / 100 : value;
  const barOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 64 },
      xAxis: {
        type: 'category',
        data: chartRows.map((r) => r.name),
        axisLabel: { rotate: chartRows.length > 6 ? 30 : 0, interval: 0 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: unitOf(chartFigure) === 'RATE' ? '{value}%' : '{value}' },
      },
      series: [
        {
          type: 'bar',
          name: nameOf(chartDefinition, chartFigure),
          data: chartRows.map((r) => scale(valueOf(r, chartFigure), chartFigure)),
          itemStyle: { color: '#1677ff' },
        },
      ],
    }),
    [rows, chartFigure, chartDefinition, zh],
  );
  // Every month of the twelve, a month without figures as nothing (not as a gap in the axis).
  const points = useMemo(() => {
    const byMonth = new Map((series.data?.insightSeries ?? []).map((p) => [p.month, p.figures]));
    return monthsOf(trendPeriod).map((month) => ({ month, figures: byMonth.get(month) ?? [] }));
  }, [series.data, trendPeriod.from, trendPeriod.to]);
  const trendKeys: InsightFigureKey[] = ['submissions', 'completions'];
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.month) },
      yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' }, max: 100 }],
      series: [
        ...trendKeys.map((key) => ({
          type: 'line',
          name: nameOf(byKey.get(key), key),
          data: points.map((p) => p.figures.find((f) => f.key === key)?.value ?? 0),
        })),
        {
          type: 'line',
          yAxisIndex: 1,
          name: nameOf(byKey.get('onTimeRate'), 'onTimeRate'),
          data: points.map((p) =>
            scale(p.figures.find((f) => f.key === 'onTimeRate')?.value ?? null, 'onTimeRate'),
          ),
        },
      ],
    }),
    [points, byKey, zh],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('insights.title')}
        subtitle={t('insights.subtitle')}
        extra={
          <Space wrap>
            <Button onClick={exportTable} disabled={!data} data-testid="insight-export">
              {t('insights.exportExcel')}
            </Button>
            <Button
              onClick={() => void summarize()}
              loading={summarizing}
              data-testid="insight-summary"
            >
              {t('insights.yearlySummary', { year })}
            </Button>
            <ReloadButton
              loading={comparison.loading}
              onClick={() => {
                void comparison.refetch().catch(() => undefined);
                void series.refetch().catch(() => undefined);
              }}
              testId="insight-reload"
            />
          </Space>
        }
      />
      <Card size="small">
        <Space wrap size={[16, 8]}>
          <Space size={4}>
            <span>{t('insights.tenant')}</span>
            <TenantTreeSelect
              value={tenantId}
              onChange={(id) => setTenantId(id ?? user.tenant.id)}
              style={{ minWidth: 200 }}
              testId="insight-tenant"
            />
          </Space>
          <Space size={4}>
            <span>{t('insights.period')}</span>
            <Select<PeriodKind>
              value={kind}
              onChange={(value) => {
                setKind(value);
                if (value !== 'custom') setStart(periodChoices(value, today, 1)[0]);
              }}
              style={{ width: 110 }}
              options={(['month', 'quarter', 'year', 'custom'] as const).map((value) => ({
                value,
                label: t(`insights.periodKind.${value}`),
              }))}
              data-testid="insight-period-kind"
            />
            {kind === 'custom' ? (
              <>
                <Input
                  type="date"
                  value={custom.from}
                  max={today}
                  onChange={(e) => setCustom({ ...custom, from: e.target.value })}
                  style={{ width: 150 }}
                  data-testid="insight-from"
                />
                <span>–</span>
                <Input
                  type="date"
                  value={custom.to}
                  max={today}
                  onChange={(e) => setCustom({ ...custom, to: e.target.value })}
                  style={{ width: 150 }}
                  data-testid="insight-to"
                />
              </>
            ) : (
              <Select<string>
                value={start}
                onChange={setStart}
                style={{ width: 140 }}
                options={periodChoices(kind, today, CHOICES[kind]).map((value) => ({
                  value,
                  label: t(`insights.choice.${kind}`, {
                    year: value.slice(0, 4),
                    month: Number(value.slice(5, 7)),
                    quarter: Math.floor((Number(value.slice(5, 7)) - 1) / 3) + 1,
                  }),
                }))}
                data-testid="insight-period"
              />
            )}
          </Space>
          <Space size={4}>
            <span>{t('insights.compare')}</span>
            <Select<Tier>
              value={tier}
              onChange={setTier}
              style={{ width: 140 }}
              options={(['CHILDREN', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const).map((value) => ({
                value,
                label: t(`insights.tier.${value}`),
              }))}
              data-testid="insight-tier"
            />
          </Space>
        </Space>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="insight-period-text">
            {`${period.from} – ${period.to}`}
          </Typography.Text>
        </div>
      </Card>
      {period.from > period.to && (
        <Typography.Text type="danger">{t('insights.badPeriod')}</Typography.Text>
      )}
      {comparison.error && (
        <ErrorAlert
          title={t('insights.loadFailed')}
          error={comparison.error}
          testId="insight-error"
        />
      )}
      <Card
        size="small"
        title={t('insights.league')}
        extra={<Typography.Text type="secondary">{t('insights.hint')}</Typography.Text>}
      >
        <Table<TableRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={comparison.loading && !data}
          pagination={false}
          scroll={{ x: 130 + TABLE_FIGURES.length * 120 }}
          onRow={(row) =>
            ({
              'data-testid': `insight-row-${row.key}`,
              style: row.kind === 'row' ? undefined : { background: '#fafafa' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          data-testid="insight-table"
        />
      </Card>
      <Card
        size="small"
        title={t('insights.chart')}
        extra={
          <Select<InsightFigureKey>
            value={chartFigure}
            onChange={setChartFigure}
            style={{ width: 180 }}
            options={TABLE_FIGURES.map((key) => ({
              value: key,
              label: nameOf(byKey.get(key), key),
            }))}
            data-testid="insight-chart-figure"
          />
        }
      >
        <Typography.Text type="secondary">{definitionOf(chartDefinition)}</Typography.Text>
        <FigureChart option={barOption} testId="insight-bar-chart" />
      </Card>
      <Card size="small" title={t('insights.trend', { name: data?.tenantName ?? '' })}>
        <Typography.Text type="secondary">{`${trendPeriod.from} – ${trendPeriod.to}`}</Typography.Text>
        <FigureChart option={trendOption} testId="insight-trend-chart" />
      </Card>
      <CasesDrawer drill={drill} period={period} onClose={() => setDrill(null)} />
      <Modal
        open={summary !== null}
        title={summary?.title}
        onCancel={() => setSummary(null)}
        width={760}
        footer={[
          <Button key="close" onClick={() => setSummary(null)}>
            {t('insights.close')}
          </Button>,
          <Button
            key="download"
            type="primary"
            onClick={() =>
              summary &&
              downloadText(
                `${summary.title}\r\n\r\n${summary.text.replace(/\n/g, '\r\n')}\r\n`,
                `${fileNameOf(summary.title)}.txt`,
                TEXT_TYPE,
              )
            }
            data-testid="insight-summary-download"
          >
            {t('insights.download')}
          </Button>,
        ]}
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="insight-summary-text">
          {summary?.text}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
