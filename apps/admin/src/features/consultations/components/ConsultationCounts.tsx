import { Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationCountsQuery } from '../../../shared/api/graphql.generated';
import { LoadFailure } from '../../../shared/ui/LoadFailure';

type Counts = ConsultationCountsQuery['consultationCounts'];

/** 咨询量 of the period: the total, by channel, general questions, and the items asked most. */
export function ConsultationCounts({
  counts,
  error,
  onRetry,
}: {
  counts: Counts | null;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (!counts) {
    return error ? (
      <LoadFailure title={t('consultations.countsLoadError')} error={error} onRetry={onRetry} />
    ) : (
      <Skeleton active paragraph={{ rows: 3 }} />
    );
  }
  const figures = [
    { key: 'total', label: t('consultations.total'), value: counts.total },
    ...counts.byChannel.map((row) => ({
      key: row.channel,
      label: t(`consultations.channels.${row.channel}`),
      value: row.count,
    })),
    { key: 'general', label: t('consultations.general'), value: counts.general },
  ];
  return (
    <Row gutter={[24, 16]} data-testid="consultation-counts">
      <Col xs={24} lg={10}>
        <Row gutter={[16, 16]}>
          {figures.map((figure) => (
            <Col key={figure.key} xs={12} sm={8} lg={12} xxl={8}>
              <Statistic
                title={figure.label}
                value={figure.value}
                data-testid={`consultation-count-${figure.key}`}
              />
            </Col>
          ))}
        </Row>
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Text strong>{t('consultations.topItems')}</Typography.Text>
        <Table
          rowKey="itemCode"
          size="small"
          pagination={false}
          style={{ marginTop: 8 }}
          dataSource={counts.topItems}
          columns={[
            {
              title: t('consultations.item'),
              key: 'item',
              render: (_, row) => (
                <span>
                  {row.itemName}
                  <Typography.Text type="secondary"> {row.itemCode}</Typography.Text>
                </span>
              ),
            },
            {
              title: t('consultations.count'),
              dataIndex: 'count',
              align: 'right',
              width: 96,
            },
          ]}
          locale={{ emptyText: <Empty description={t('consultations.noTopItems')} /> }}
          data-testid="consultation-top-items"
        />
      </Col>
    </Row>
  );
}
