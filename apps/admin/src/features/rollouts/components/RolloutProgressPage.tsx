import {
  ArrowLeftOutlined,
  CaretRightOutlined,
  DownloadOutlined,
  PauseOutlined,
  RedoOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CatalogueRolloutCommand,
  CatalogueRolloutStepStatus,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { Link } from '../../../shared/navigation/navigation';
import { Confirm } from '../../../shared/ui/Confirm';
import { Code } from '../../../shared/ui/Facts';
import { Loading } from '../../../shared/ui/Loading';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import {
  type RolloutStep,
  type RolloutView,
  STEP_PAGE,
  useRollout,
  useRolloutCommand,
  useRolloutExport,
} from '../hooks/useRollouts';
import { commandsFor, refusalText, STEP_STATUSES } from '../rules/rollout-rules';
import { TenantChanges } from './RolloutDetails';
import { RolloutProgressBar, RolloutStatusTag, StepStatusTag } from './RolloutStatus';

const COMMAND_ICONS: Record<CatalogueRolloutCommand, ReactNode> = {
  PAUSE: <PauseOutlined />,
  RESUME: <CaretRightOutlined />,
  CANCEL: <StopOutlined />,
  RETRY: <RedoOutlined />,
};

/** One rollout as it runs: its progress, pause / resume / cancel / retry, and each step. */
export function RolloutProgressPage({ user, rolloutId }: { user: CurrentUser; rolloutId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<CatalogueRolloutStepStatus | null>(null);
  const shown = useRollout(rolloutId, page, status);
  const rollout = shown.rollout;
  if (!rollout) {
    if (shown.error) {
      return (
        <LoadFailure
          title={t('rollouts.loadError')}
          error={shown.error}
          onRetry={() => shown.refetch()}
        />
      );
    }
    return <Loading minHeight={240} />;
  }
  const steered = can(user, 'UPDATE', 'CATALOGUE_ROLLOUT');
  const { progress } = rollout;
  const matching = status === null ? progress.total : progress[countOf(status)];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to={{ name: 'rollouts', rolloutId: null }} data-testid="rollout-back">
        <ArrowLeftOutlined /> {t('rollouts.back')}
      </Link>
      <PageHeader
        title={t('rollouts.detailTitle', { label: rollout.version.label })}
        subtitle={`${rollout.tenant.name} · ${t('rollouts.total', { count: progress.total })}`}
        extra={
          <Space wrap>
            {steered && <Commands rollout={rollout} />}
            <ExportAuditButton rollout={rollout} />
          </Space>
        }
      />
      <Card data-testid="rollout-progress">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap>
            <RolloutStatusTag status={rollout.status} />
            <Typography.Text data-testid="rollout-counts">
              {t('rollouts.counts', progress)}
            </Typography.Text>
            {shown.live && <Typography.Text type="secondary">{t('rollouts.live')}</Typography.Text>}
          </Space>
          <RolloutProgressBar progress={progress} running={rollout.status === 'RUNNING'} />
          <History rollout={rollout} />
        </Space>
      </Card>
      <Card
        title={t('rollouts.stepsTitle')}
        extra={
          <Select<CatalogueRolloutStepStatus | 'ALL'>
            style={{ minWidth: 140 }}
            value={status ?? 'ALL'}
            onChange={(value) => {
              setStatus(value === 'ALL' ? null : value);
              setPage(1);
            }}
            options={[
              { value: 'ALL', label: t('rollouts.allSteps') },
              ...STEP_STATUSES.map((value) => ({
                value,
                label: t(`rollouts.stepStatus.${value}`),
              })),
            ]}
            data-testid="rollout-step-filter"
          />
        }
      >
        <StepsTable
          steps={rollout.steps}
          loading={shown.loading && !shown.data}
          page={page}
          total={matching}
          onPage={setPage}
        />
      </Card>
    </Space>
  );
}

function countOf(status: CatalogueRolloutStepStatus): 'pending' | 'done' | 'failed' | 'cancelled' {
  return ({ PENDING: 'pending', DONE: 'done', FAILED: 'failed', CANCELLED: 'cancelled' } as const)[
    status
  ];
}

function Commands({ rollout }: { rollout: RolloutView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const command = useRolloutCommand(rollout.id);
  const [running, setRunning] = useState<CatalogueRolloutCommand | null>(null);
  const run = async (name: CatalogueRolloutCommand) => {
    setRunning(name);
    try {
      await command(name);
      void message.success(t(`rollouts.commandDone.${name}`));
    } catch (error) {
      modal.warning({ title: t('common.refused'), content: refusalText(t, error) });
    } finally {
      setRunning(null);
    }
  };
  return (
    <>
      {commandsFor(rollout.status, rollout.progress.failed).map((name) => {
        const button = (
          <Button
            key={name}
            icon={COMMAND_ICONS[name]}
            danger={name === 'CANCEL'}
            loading={running === name}
            disabled={running !== null && running !== name}
            onClick={name === 'CANCEL' ? undefined : () => void run(name)}
            data-testid={`rollout-${name.toLowerCase()}`}
          >
            {t(`rollouts.command.${name}`)}
          </Button>
        );
        return name === 'CANCEL' ? (
          <Confirm key={name} title={t('rollouts.cancelConfirm')} onConfirm={() => run(name)}>
            {button}
          </Confirm>
        ) : (
          button
        );
      })}
    </>
  );
}

function ExportAuditButton({ rollout }: { rollout: RolloutView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exportAudit = useRolloutExport(rollout.id);
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      await exportAudit(t('rollouts.auditFile', { label: rollout.version.label }));
    } catch (error) {
      void message.error(refusalText(t, error));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={loading}
      onClick={() => void download()}
      data-testid="rollout-export"
    >
      {t('rollouts.exportAudit')}
    </Button>
  );
}

function StepsTable({
  steps,
  loading,
  page,
  total,
  onPage,
}: {
  steps: readonly RolloutStep[];
  loading: boolean;
  page: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RolloutStep>
      size="middle"
      rowKey={(step) => step.tenant.id}
      loading={loading}
      dataSource={[...steps]}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize: STEP_PAGE,
        total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: onPage,
      }}
      data-testid="rollout-steps"
      expandable={{
        rowExpandable: (step) => step.outcomes.length > 0 || step.conflicts.length > 0,
        expandedRowRender: (step) => (
          <TenantChanges
            conflicts={step.conflicts}
            outcomes={step.outcomes}
            emptyText={t('rollouts.stepEmpty')}
          />
        ),
      }}
      columns={[
        {
          title: t('rollouts.tenantName'),
          key: 'tenant',
          width: 200,
          // Fixed, so an expanded row keeps to the visible width and scrolls on its own.
          fixed: 'left',
          render: (_, step) => <span style={{ whiteSpace: 'nowrap' }}>{step.tenant.name}</span>,
        },
        {
          title: t('rollouts.divisionCode'),
          key: 'divisionCode',
          width: 130,
          render: (_, step) => <Code>{step.tenant.divisionCode}</Code>,
        },
        {
          title: t('rollouts.statusColumn'),
          dataIndex: 'status',
          width: 100,
          render: (value: string) => <StepStatusTag status={value} />,
        },
        { title: t('rollouts.changed'), dataIndex: 'changed', width: 90, align: 'right' },
        { title: t('rollouts.conflicts'), dataIndex: 'conflictCount', width: 80, align: 'right' },
        { title: t('rollouts.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
        {
          title: t('rollouts.finishedAt'),
          dataIndex: 'finishedAt',
          width: 170,
          render: (value: string | null) => (value ? formatDateTime(i18n.language, value) : '—'),
        },
        {
          title: t('rollouts.reason'),
          dataIndex: 'reason',
          render: (reason: string | null) =>
            reason ? (
              <Typography.Text type="danger" style={{ whiteSpace: 'normal' }}>
                {reason}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/** Who started, paused, resumed, cancelled or retried the rollout, and when (its audit). */
function History({ rollout }: { rollout: RolloutView }) {
  const { t, i18n } = useTranslation();
  if (rollout.history.length === 0) return null;
  return (
    <Space direction="vertical" size={0} data-testid="rollout-history">
      {rollout.history.map((event) => (
        <Typography.Text type="secondary" key={`${event.action}:${event.at}`}>
          {t('rollouts.historyEntry', {
            at: formatDateTime(i18n.language, event.at),
            who: event.actorName ?? t('rollouts.someone'),
            what: t(`rollouts.historyAction.${event.action}`, { defaultValue: event.action }),
          })}
        </Typography.Text>
      ))}
    </Space>
  );
}
