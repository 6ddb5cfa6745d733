import { DownloadOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { Link, navigate } from '../../../shared/navigation/navigation';
import { Code } from '../../../shared/ui/Facts';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import {
  useRolloutList,
  useRolloutPreview,
  useRolloutVersions,
  useVersionsHeld,
} from '../hooks/useRollouts';
import { refusalText } from '../rules/rollout-rules';
import { PreviewView } from './PreviewView';
import { RolloutProgressPage } from './RolloutProgressPage';
import { RolloutProgressBar, RolloutStatusTag } from './RolloutStatus';

/**
 * 清理轮次: roll a published standard version out over a county's subtree (the province's,
 * for the platform operator): preview it, start it, and follow the rollouts under way.
 */
export function RolloutsPage({ user, rolloutId }: { user: CurrentUser; rolloutId: string | null }) {
  return rolloutId ? (
    <RolloutProgressPage user={user} rolloutId={rolloutId} />
  ) : (
    <RolloutsOverview user={user} />
  );
}

function RolloutsOverview({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const list = useRolloutList();
  if (list.error && !list.data) {
    return (
      <LoadFailure
        title={t('rollouts.loadError')}
        error={list.error}
        onRetry={() => list.refetch()}
      />
    );
  }
  // The province and a city see the counties below; a county administrator starts from theirs.
  const above = user.tenant.kind === 'PROVINCE' || user.tenant.kind === 'CITY';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('rollouts.title')} subtitle={t('rollouts.subtitle')} />
      <StartCard user={user} />
      <RolloutList rollouts={list.rollouts} loading={list.loading} />
      {above && <VersionsHeldCard tenantId={user.tenant.id} />}
    </Space>
  );
}

function StartCard({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const versions = useRolloutVersions();
  const [versionId, setVersionId] = useState<string | null>(null);
  const [tenantId, setTenantId] = useState<string>(user.tenant.id);
  const [exporting, setExporting] = useState(false);
  const chosen = versionId ?? versions.published[0]?.id ?? null;
  const preview = useRolloutPreview();
  const shown = preview.preview;
  const startable = can(user, 'CREATE', 'CATALOGUE_ROLLOUT');
  const tenantName =
    shown?.tenants.find((entry) => entry.tenant.id === tenantId)?.tenant.name ?? user.tenant.name;

  const exportSheet = async () => {
    if (!shown) return;
    setExporting(true);
    try {
      await preview.exportSheet(t('rollouts.previewFile', { label: shown.version.label }));
    } catch (error) {
      void message.error(refusalText(t, error));
    } finally {
      setExporting(false);
    }
  };
  const start = async () => {
    try {
      const id = await preview.start();
      if (id) navigate({ name: 'rollouts', rolloutId: id });
    } catch {
      // shown below from startError
    }
  };

  return (
    <Card title={t('rollouts.startTitle')} data-testid="rollout-start">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space wrap align="center">
          <Typography.Text>{t('rollouts.version')}</Typography.Text>
          <Select
            style={{ minWidth: 280 }}
            value={chosen ?? undefined}
            placeholder={t('rollouts.versionPlaceholder')}
            notFoundContent={t('rollouts.noPublished')}
            loading={versions.loading}
            onChange={setVersionId}
            options={versions.published.map((version) => ({
              value: version.id,
              label: version.label,
            }))}
            data-testid="rollout-version"
          />
          <Typography.Text>{t('rollouts.tenant')}</Typography.Text>
          {user.tenant.kind === 'COUNTY' ? (
            <Typography.Text strong data-testid="rollout-tenant">
              {user.tenant.name}
            </Typography.Text>
          ) : (
            <TenantTreeSelect
              style={{ minWidth: 240 }}
              value={tenantId}
              placeholder={t('rollouts.tenantPlaceholder')}
              onChange={(id) => id && setTenantId(id)}
              testId="rollout-tenant"
            />
          )}
          <Button
            type="primary"
            icon={<EyeOutlined />}
            disabled={!chosen}
            loading={preview.loading}
            onClick={() => chosen && void preview.load({ versionId: chosen, tenantId })}
            data-testid="rollout-preview"
          >
            {t('rollouts.preview')}
          </Button>
        </Space>
        {preview.error !== null && (
          <Alert
            type="error"
            showIcon
            message={t('rollouts.previewFailed')}
            description={refusalText(t, preview.error)}
            data-testid="rollout-preview-error"
          />
        )}
        {shown && (
          <>
            <PreviewView preview={shown} />
            {preview.startError && (
              <Alert
                type="error"
                showIcon
                message={t('rollouts.startFailed')}
                description={refusalText(t, preview.startError)}
                data-testid="rollout-start-error"
              />
            )}
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportSheet()}
                data-testid="rollout-preview-export"
              >
                {t('rollouts.exportPreview')}
              </Button>
              {startable && (
                <Popconfirm
                  title={t('rollouts.start')}
                  description={
                    <div style={{ maxWidth: 320 }}>
                      {t('rollouts.startConfirm', {
                        label: shown.version.label,
                        tenant: tenantName,
                        count: shown.tenants.length,
                      })}
                    </div>
                  }
                  okText={t('rollouts.start')}
                  cancelText={t('common.cancel')}
                  onConfirm={start}
                >
                  <Button
                    type="primary"
                    icon={<SendOutlined />}
                    loading={preview.starting}
                    data-testid="rollout-start-button"
                  >
                    {t('rollouts.start')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </>
        )}
      </Space>
    </Card>
  );
}

type RolloutRow = ReturnType<typeof useRolloutList>['rollouts'][number];

function RolloutList({ rollouts, loading }: { rollouts: RolloutRow[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const when = (value: string | null) => (value ? formatDateTime(i18n.language, value) : '—');
  return (
    <Card title={t('rollouts.listTitle')}>
      <Table<RolloutRow>
        size="middle"
        rowKey="id"
        loading={loading && rollouts.length === 0}
        dataSource={rollouts}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('rollouts.listEmpty') }}
        data-testid="rollout-list"
        columns={[
          {
            title: t('rollouts.version'),
            key: 'version',
            width: 240,
            render: (_, rollout) => (
              <Link to={{ name: 'rollouts', rolloutId: rollout.id }}>{rollout.version.label}</Link>
            ),
          },
          {
            title: t('rollouts.tenant'),
            key: 'tenant',
            width: 140,
            render: (_, rollout) => rollout.tenant.name,
          },
          {
            title: t('rollouts.statusColumn'),
            key: 'status',
            width: 100,
            render: (_, rollout) => <RolloutStatusTag status={rollout.status} />,
          },
          {
            title: t('rollouts.progress'),
            key: 'progress',
            width: 220,
            render: (_, rollout) => (
              <RolloutProgressBar
                size="small"
                progress={rollout.progress}
                running={rollout.status === 'RUNNING'}
              />
            ),
          },
          {
            title: t('rollouts.startedAt'),
            dataIndex: 'startedAt',
            width: 170,
            render: when,
          },
          {
            title: t('rollouts.finishedAt'),
            dataIndex: 'finishedAt',
            width: 170,
            render: when,
          },
        ]}
      />
    </Card>
  );
}

/** Per county of the subtree, the versions its list stands on (platform operator, city). */
function VersionsHeldCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const held = useVersionsHeld(tenantId, false);
  type County = (typeof held.counties)[number];
  return (
    <Card title={t('rollouts.held.title')} data-testid="rollout-held">
      <Table<County>
        size="middle"
        rowKey={(county) => county.tenant.id}
        loading={held.loading && held.counties.length === 0}
        dataSource={held.counties}
        pagination={held.counties.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('rollouts.held.empty') }}
        columns={[
          {
            title: t('rollouts.held.county'),
            key: 'county',
            width: 220,
            render: (_, county) => (
              <Space>
                <span>{county.tenant.name}</span>
                <Code>{county.tenant.divisionCode}</Code>
              </Space>
            ),
          },
          {
            title: t('rollouts.held.versions'),
            key: 'versions',
            render: (_, county) => (
              <Space wrap size={4}>
                {county.versions.map((held) => (
                  <Tag key={held.version.id} color="blue">
                    {held.version.label} · {t('rollouts.held.entries', { count: held.entries })}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
