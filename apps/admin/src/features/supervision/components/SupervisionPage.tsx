import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CloseWarningDocument,
  SupervisionSettingsDocument,
  SweepDeadlinesDocument,
  WarningBoardDocument,
  type WarningRowFragment as Warning,
  WarningsDocument,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { navigate } from '../../../shared/navigation/navigation';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { boardRows, percent } from '../rules/board';
import { SettingsCard } from './SettingsCard';

type StatusFilter = 'OPEN' | 'CLOSED' | 'ALL';

/**
 * 电子监察: the open cards by window, the cards themselves (the case behind each one click
 * away), closing a card with what was done, sweeping now, and the settings in force.
 */
export function SupervisionPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<StatusFilter>('OPEN');
  const [level, setLevel] = useState<'YELLOW' | 'RED' | null>(null);
  const [closing, setClosing] = useState<Warning | null>(null);
  const [sweeping, setSweeping] = useState(false);
  const [sweepError, setSweepError] = useState<unknown>(null);
  const mayClose = can(user, 'UPDATE', 'WARNING');
  const board = useQuery(WarningBoardDocument, { fetchPolicy: 'cache-and-network' });
  const list = useQuery(WarningsDocument, {
    variables: {
      filter: { status: status === 'ALL' ? null : status, level },
      page: { first: 200 },
    },
    fetchPolicy: 'cache-and-network',
  });
  const settings = useQuery(SupervisionSettingsDocument, { fetchPolicy: 'cache-and-network' });
  const share = settings.data?.supervisionSettings.effective.yellowShare ?? 0.2;
  const when = (value: string) => formatDateTime(i18n.language, value);

  const reload = () => {
    void board.refetch().catch(() => undefined);
    void list.refetch().catch(() => undefined);
  };
  const sweepNow = async () => {
    setSweeping(true);
    setSweepError(null);
    try {
      const { data } = await client.mutate({ mutation: SweepDeadlinesDocument });
      void message.success(t('supervision.swept', data!.sweepDeadlines));
      reload();
    } catch (error) {
      setSweepError(error);
    } finally {
      setSweeping(false);
    }
  };

  const columns: ColumnsType<Warning> = [
    {
      title: t('supervision.levelFilter'),
      key: 'level',
      width: 110,
      render: (_, row) => (
        <Tag color={row.level === 'RED' ? 'red' : 'gold'} data-level={row.level}>
          {t(`supervision.level.${row.level}`)}
        </Tag>
      ),
    },
    {
      title: t('supervision.receipt'),
      key: 'receipt',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Link
            onClick={() => navigate({ name: 'application', id: row.applicationId })}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="warning-open-application"
          >
            {row.receiptNumber}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`supervision.kind.${row.kind}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('supervision.item'), dataIndex: 'itemName', key: 'item' },
    {
      title: t('supervision.window'),
      key: 'window',
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{`${row.tenantName} · ${row.windowName}`}</span>
          {row.cameraUrl && (
            // 视频监控: the video system is outside Tongban; its page opens beside.
            <Typography.Link
              href={row.cameraUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="warning-camera"
            >
              {t('supervision.camera')}
            </Typography.Link>
          )}
        </Space>
      ),
      responsive: ['lg'],
    },
    { title: t('supervision.due'), key: 'due', render: (_, row) => when(row.dueAt) },
    {
      title: t('supervision.raised'),
      key: 'raised',
      render: (_, row) => when(row.raisedAt),
      responsive: ['md'],
    },
    {
      title: t('supervision.state'),
      key: 'state',
      render: (_, row) =>
        row.status === 'CLOSED' ? (
          <Typography.Text type="secondary" data-testid="warning-closed">
            {t('supervision.closedBy', {
              name: row.closedByName ?? '',
              at: row.closedAt ? when(row.closedAt) : '',
              note: row.note ?? '',
            })}
          </Typography.Text>
        ) : row.mayClose ? (
          <Button size="small" onClick={() => setClosing(row)} data-testid="warning-close">
            {t('supervision.close')}
          </Button>
        ) : (
          <Tag>{t('supervision.status.OPEN')}</Tag>
        ),
    },
  ];

  const rows = boardRows(board.data?.warningBoard ?? []);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('supervision.title')}
        subtitle={t('supervision.subtitle', { share: percent(share) })}
        extra={
          <Space wrap>
            {mayClose && (
              <Button
                type="primary"
                loading={sweeping}
                onClick={() => void sweepNow()}
                data-testid="supervision-sweep"
              >
                {t('supervision.sweepNow')}
              </Button>
            )}
            <ReloadButton loading={list.loading} onClick={reload} testId="supervision-reload" />
          </Space>
        }
      />
      {sweepError !== null && (
        <ErrorAlert title={t('supervision.loadError')} error={sweepError} testId="sweep-error" />
      )}
      <Card title={t('supervision.boardTitle')} data-testid="supervision-board">
        {rows.length === 0 ? (
          <Typography.Text type="secondary">{t('supervision.boardEmpty')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            scroll={{ x: true }}
            columns={[
              { title: t('supervision.tenant'), dataIndex: 'tenantName', key: 'tenant' },
              { title: t('supervision.window'), dataIndex: 'windowName', key: 'window' },
              {
                title: t('supervision.yellow'),
                dataIndex: 'yellow',
                key: 'yellow',
                render: (n: number) => (n ? <Tag color="gold">{n}</Tag> : 0),
              },
              {
                title: t('supervision.red'),
                dataIndex: 'red',
                key: 'red',
                render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
              },
            ]}
          />
        )}
      </Card>
      <Card
        title={t('supervision.listTitle')}
        extra={
          <Space wrap>
            <Select<StatusFilter>
              value={status}
              onChange={setStatus}
              style={{ minWidth: 110 }}
              options={[
                { value: 'OPEN', label: t('supervision.status.OPEN') },
                { value: 'CLOSED', label: t('supervision.status.CLOSED') },
                { value: 'ALL', label: t('supervision.allStatuses') },
              ]}
              data-testid="supervision-status"
            />
            <Select<'YELLOW' | 'RED'>
              value={level ?? undefined}
              onChange={(value) => setLevel(value ?? null)}
              allowClear
              placeholder={t('supervision.levelFilter')}
              style={{ minWidth: 110 }}
              options={(['YELLOW', 'RED'] as const).map((value) => ({
                value,
                label: t(`supervision.level.${value}`),
              }))}
              data-testid="supervision-level"
            />
          </Space>
        }
      >
        {list.error ? (
          <ErrorAlert
            title={t('supervision.loadError')}
            error={list.error}
            testId="warnings-error"
          />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={list.loading && !list.data}
            dataSource={list.data?.warnings.nodes ?? []}
            columns={columns}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            onRow={(row) => ({ 'data-testid': `warning-row-${row.receiptNumber}` }) as object}
            data-testid="warnings-table"
          />
        )}
      </Card>
      {settings.data && (
        <SettingsCard
          settings={settings.data.supervisionSettings}
          onSaved={() => void settings.refetch()}
        />
      )}
      {closing && (
        <CloseWarningDialog
          warning={closing}
          onClose={() => setClosing(null)}
          onClosed={() => {
            setClosing(null);
            void message.success(t('supervision.closed'));
            reload();
          }}
        />
      )}
    </Space>
  );
}

function CloseWarningDialog({
  warning,
  onClose,
  onClosed,
}: {
  warning: Warning;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = tried && note.trim() === '';
  const send = async () => {
    setTried(true);
    if (note.trim() === '') return;
    setRunning(true);
    setError(null);
    try {
      await client.mutate({
        mutation: CloseWarningDocument,
        variables: { input: { id: warning.id, note: note.trim() } },
      });
      onClosed();
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };
  return (
    <ActionDialog
      title={t('supervision.closeTitle', { receipt: warning.receiptNumber })}
      okText={t('supervision.close')}
      okButtonProps={{ 'data-testid': 'warning-close-confirm' }}
      running={running}
      error={error}
      onOk={() => void send()}
      onClose={onClose}
    >
      <Form layout="vertical">
        <Form.Item
          label={t('supervision.note')}
          required
          extra={t('supervision.noteHint')}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('supervision.noteRequired') : undefined}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="warning-note"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
