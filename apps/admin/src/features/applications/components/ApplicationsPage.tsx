import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApplicationRowFragment as Application,
  ApplicationStatus,
} from '../../../shared/api/graphql.generated';
import { APPLICATION_STATUSES, applicationStatusLabel } from '../../../shared/i18n/labels';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import { useApplicationList } from '../hooks/useApplicationList';
import { afterIntake, type ApplicationsFilter } from '../rules/application-list';
import { applicationColumns } from './application-columns';
import { ApplicationsTable } from './ApplicationsTable';
import { IntakeCard } from './IntakeCard';

/** Applications (办件), newest first; intake (收件) above the list for those who take them in. */
export function ApplicationsPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const subtree = seesSubtree(user);
  const mayTakeIn = can(user, 'CREATE', 'APPLICATION');
  const [filter, setFilter] = useState<ApplicationsFilter>({});
  const [newId, setNewId] = useState<string | null>(null);
  const list = useApplicationList(filter);
  const filtered = Boolean(filter.status || filter.tenantId);

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

  const columns = applicationColumns(t, i18n.language, subtree);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('applications.title')}
        subtitle={mayTakeIn ? t('applications.subtitleIntake') : t('applications.subtitleRead')}
        extra={
          <ReloadButton
            loading={list.loading}
            onClick={() => void list.reload()}
            testId="applications-reload"
          />
        }
      />
      {mayTakeIn && <IntakeCard user={user} onSubmitted={submitted} />}
      <Card
        title={t('applications.listTitle')}
        extra={
          <Space wrap>
            {subtree && (
              <TenantTreeSelect
                value={filter.tenantId ?? null}
                onChange={(tenantId) => setFilter((f) => ({ ...f, tenantId }))}
                allowClear
                placeholder={t('applications.allTenants')}
                style={{ minWidth: 200 }}
                testId="applications-tenant-filter"
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
        <ApplicationsTable list={list} columns={columns} filtered={filtered} newId={newId} />
      </Card>
    </Space>
  );
}
