import { useQuery } from '@apollo/client/react';
import { Card, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ConsultationCountsDocument,
  type ConsultationRowFragment as Consultation,
} from '../../../shared/api/graphql.generated';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import { useConsultationList } from '../hooks/useConsultationList';
import { type PeriodKey, PERIODS, periodDays } from '../rules/consultation-rules';
import { ConsultationCounts } from './ConsultationCounts';
import { ConsultationsTable } from './ConsultationsTable';
import { LogConsultationCard } from './LogConsultationCard';

/**
 * 咨询登记: the quick log for those who answer at a window or a station, the counts of the
 * period (by channel, the items asked about most) and the list, for a tenant and those below.
 */
export function ConsultationsPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const subtree = seesSubtree(user);
  const mayLog = can(user, 'CREATE', 'CONSULTATION');
  const [period, setPeriod] = useState<PeriodKey>('thisMonth');
  const [tenantId, setTenantId] = useState<string | null>(null);
  const [newId, setNewId] = useState<string | null>(null);
  const days = useMemo(() => periodDays(period, new Date()), [period]);
  const list = useConsultationList({ tenantId, ...days });
  const counts = useQuery(ConsultationCountsDocument, {
    variables: { tenantId: tenantId ?? user.tenant.id, ...days },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const reload = () => {
    void list.reload();
    void counts.refetch().catch(() => undefined);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('consultations.title')}
        subtitle={mayLog ? t('consultations.subtitleLog') : t('consultations.subtitleRead')}
        extra={
          <Space wrap>
            {subtree && (
              <TenantTreeSelect
                value={tenantId}
                onChange={setTenantId}
                allowClear
                placeholder={t('consultations.allTenants')}
                style={{ minWidth: 200 }}
                testId="consultations-tenant-filter"
              />
            )}
            <Select<PeriodKey>
              value={period}
              onChange={setPeriod}
              style={{ minWidth: 120 }}
              options={PERIODS.map((key) => ({
                value: key,
                label: t(`consultations.periods.${key}`),
              }))}
              data-testid="consultations-period"
            />
            <ReloadButton loading={list.loading} onClick={reload} testId="consultations-reload" />
          </Space>
        }
      />
      {mayLog && (
        <LogConsultationCard
          onLogged={(consultation: Consultation) => {
            setNewId(consultation.id);
            list.prepend(consultation);
            void counts.refetch().catch(() => undefined);
          }}
        />
      )}
      <Card title={t('consultations.countsTitle', days)} data-testid="consultation-counts-card">
        <ConsultationCounts
          counts={counts.data?.consultationCounts ?? null}
          error={counts.error}
          onRetry={() => void counts.refetch().catch(() => undefined)}
        />
      </Card>
      <Card title={t('consultations.listTitle')} data-testid="consultations-card">
        <ConsultationsTable list={list} showTenant={subtree} newId={newId} />
      </Card>
    </Space>
  );
}
