import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AppealDecision,
  AppealRectificationDocument,
  CloseRectificationCaseDocument,
  DecideRectificationAppealDocument,
  RecordRectificationCallbackDocument,
  RectificationCaseDocument,
  type RectificationCaseDetailFragment as CaseDetail,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { navigate } from '../../../shared/navigation/navigation';
import { type Fact, Facts } from '../../../shared/ui/Facts';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { Loading } from '../../../shared/ui/Loading';
import { PageHeader } from '../../../shared/ui/PageHeader';
import {
  type CaseStatus,
  isOverdue,
  localDateTimeInput,
  STATUS_COLORS,
} from '../rules/evaluation-rules';
import { evaluationErrorText, ratingText } from './evaluation-text';

type Dialog = 'callback' | 'close' | 'appeal' | 'decide' | null;

/** One rectification case: the review, the callbacks, the appeals, and what one may do. */
export function RectificationCaseView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(RectificationCaseDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate({ name: 'rectification', caseId: null })}
      data-testid="rectification-back"
    >
      {t('evaluation.back')}
    </Button>
  );
  const item = query.data?.rectificationCase;
  if (!item) {
    return query.error ? (
      <Space direction="vertical" style={{ width: '100%' }}>
        {back}
        <LoadFailure
          title={t('evaluation.loadError')}
          error={query.error}
          onRetry={() => void query.refetch().catch(() => undefined)}
        />
      </Space>
    ) : (
      <Loading minHeight={240} />
    );
  }
  const at = (value: string | null) => (value ? formatDateTime(i18n.language, value) : '—');
  const status = item.status as CaseStatus;
  const facts: Fact[] = [
    ['receipt', t('evaluation.receipt'), item.receiptNumber],
    ['item', t('evaluation.item'), item.itemName],
    ['window', t('evaluation.window'), `${item.windowName} · ${item.tenantName}`],
    ['staff', t('evaluation.staff'), item.staffName ?? '—'],
    ['rating', t('evaluation.rating'), <Tag color="red">{ratingText(t, item.rating)}</Tag>],
    ['code', t('evaluation.nationalCode'), item.nationalSatisfactionCode],
    ['channel', t('evaluation.channel'), t(`evaluation.channels.${item.channel}`)],
    ['ratedAt', t('evaluation.ratedAt'), at(item.ratedAt)],
    [
      'dueAt',
      t('evaluation.dueAt'),
      <span data-testid="rectification-due">
        {at(item.dueAt)}
        {isOverdue(status, item.dueAt, new Date()) && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('evaluation.overdue')}
          </Tag>
        )}
      </span>,
    ],
    [
      'status',
      t('evaluation.status'),
      <Tag color={STATUS_COLORS[status]} data-testid="rectification-status">
        {t(`evaluation.statuses.${status}`)}
      </Tag>,
    ],
    ...(item.outcome
      ? ([
          ['outcome', t('evaluation.outcome'), item.outcome],
          [
            'closedBy',
            t('evaluation.closedBy'),
            `${item.closedByName ?? ''} · ${at(item.closedAt)}`,
          ],
        ] as Fact[])
      : []),
  ];
  const noCallback = item.callbacks.length === 0;
  const done = (updated: CaseDetail | undefined) => {
    if (updated) void query.refetch().catch(() => undefined);
    setDialog(null);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('evaluation.detailTitle', { receipt: item.receiptNumber })}
        extra={
          <Space wrap>
            {back}
            {item.mayUpdate && (
              <Button onClick={() => setDialog('callback')} data-testid="rectification-callback">
                {t('evaluation.recordCallback')}
              </Button>
            )}
            {item.mayUpdate && status === 'OPEN' && (
              <Tooltip title={noCallback ? t('evaluation.closeNeedsCallback') : undefined}>
                <Button
                  type="primary"
                  disabled={noCallback}
                  onClick={() => setDialog('close')}
                  data-testid="rectification-close"
                >
                  {t('evaluation.close')}
                </Button>
              </Tooltip>
            )}
            {item.mayAppeal && (
              <Button onClick={() => setDialog('appeal')} data-testid="rectification-appeal">
                {t('evaluation.appeal')}
              </Button>
            )}
            {item.mayDecide && (
              <Button
                type="primary"
                onClick={() => setDialog('decide')}
                data-testid="rectification-decide"
              >
                {t('evaluation.decide')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Facts facts={facts} testId="rectification-facts" column={{ xs: 1, md: 2 }} size="small" />
      </Card>
      <Card title={t('evaluation.callbacksTitle')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={item.callbacks}
          locale={{ emptyText: <Empty description={t('evaluation.noCallbacks')} /> }}
          data-testid="rectification-callbacks"
          columns={[
            { title: t('evaluation.calledAt'), dataIndex: 'calledAt', render: at },
            { title: t('evaluation.callerName'), dataIndex: 'callerName' },
            { title: t('evaluation.agreed'), dataIndex: 'agreed' },
            { title: t('evaluation.recordedBy'), dataIndex: 'recordedByName' },
          ]}
        />
      </Card>
      <Card title={t('evaluation.appealsTitle')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={item.appeals}
          locale={{ emptyText: <Empty description={t('evaluation.noAppeals')} /> }}
          data-testid="rectification-appeals"
          columns={[
            { title: t('evaluation.filedAt'), dataIndex: 'filedAt', render: at },
            { title: t('evaluation.appellant'), dataIndex: 'appellantName' },
            { title: t('evaluation.appealReason'), dataIndex: 'reason' },
            {
              title: t('evaluation.status'),
              dataIndex: 'status',
              render: (value: string) => t(`evaluation.appealStatuses.${value}`),
            },
            {
              title: t('evaluation.decisionNote'),
              key: 'decision',
              render: (_, row) =>
                row.decisionNote ? `${row.decisionNote}（${row.decidedByName ?? ''}）` : '—',
            },
          ]}
        />
      </Card>
      {dialog === 'callback' && <CallbackDialog item={item} onDone={done} />}
      {dialog === 'close' && <CloseDialog item={item} onDone={done} />}
      {dialog === 'appeal' && <AppealDialog item={item} onDone={done} />}
      {dialog === 'decide' && <DecideDialog item={item} onDone={done} />}
    </Space>
  );
}

/** A dialog of one act on the case; the server's refusal shown in the clerk's words. */
function CaseDialog<T extends object>({
  title,
  lead,
  testId,
  initial,
  run,
  success,
  onDone,
  children,
}: {
  title: string;
  lead: string;
  testId: string;
  initial?: Partial<T>;
  run: (values: T) => Promise<CaseDetail | undefined>;
  success: string;
  onDone: (updated: CaseDetail | undefined) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const updated = await run(values);
      void message.success(success);
      onDone(updated);
    } catch (caught) {
      setError(caught);
      setRunning(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as never}
      onOk={() => void submit()}
      onCancel={() => onDone(undefined)}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={lead} />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={evaluationErrorText(t, error)}
          data-testid={`${testId}-error`}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial}>
        {children}
      </Form>
    </Modal>
  );
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

function CallbackDialog({ item, onDone }: { item: CaseDetail; onDone: Done }) {
  const { t } = useTranslation();
  const [record] = useMutation(RecordRectificationCallbackDocument);
  return (
    <CaseDialog<{ callerName: string; calledAt: string; agreed: string }>
      title={t('evaluation.recordCallback')}
      lead={t('evaluation.recordCallbackHint')}
      testId="callback"
      initial={{ calledAt: localDateTimeInput(new Date()) }}
      success={t('evaluation.callbackRecorded')}
      onDone={onDone}
      run={async (values) =>
        (
          await record({
            variables: {
              input: {
                caseId: item.id,
                callerName: values.callerName,
                calledAt: new Date(values.calledAt).toISOString(),
                agreed: values.agreed,
              },
            },
          })
        ).data?.recordRectificationCallback
      }
    >
      <Form.Item
        name="callerName"
        label={t('evaluation.callerName')}
        rules={required(t('evaluation.callerName'))}
      >
        <Input
          maxLength={100}
          placeholder={t('evaluation.callerNamePlaceholder')}
          data-testid="callback-caller"
        />
      </Form.Item>
      <Form.Item
        name="calledAt"
        label={t('evaluation.calledAt')}
        rules={[{ required: true, message: t('evaluation.calledAt') }]}
      >
        <Input
          type="datetime-local"
          max={localDateTimeInput(new Date())}
          data-testid="callback-at"
        />
      </Form.Item>
      <Form.Item
        name="agreed"
        label={t('evaluation.agreed')}
        rules={required(t('evaluation.agreed'))}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={t('evaluation.agreedPlaceholder')}
          data-testid="callback-agreed"
        />
      </Form.Item>
    </CaseDialog>
  );
}

type Done = (updated: CaseDetail | undefined) => void;

function CloseDialog({ item, onDone }: { item: CaseDetail; onDone: Done }) {
  const { t } = useTranslation();
  const [close] = useMutation(CloseRectificationCaseDocument);
  return (
    <CaseDialog<{ outcome: string }>
      title={t('evaluation.close')}
      lead={t('evaluation.closeHint')}
      testId="close"
      success={t('evaluation.closed')}
      onDone={onDone}
      run={async ({ outcome }) =>
        (await close({ variables: { input: { caseId: item.id, outcome } } })).data
          ?.closeRectificationCase
      }
    >
      <Form.Item
        name="outcome"
        label={t('evaluation.outcome')}
        rules={required(t('evaluation.outcome'))}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={t('evaluation.outcomePlaceholder')}
          data-testid="close-outcome"
        />
      </Form.Item>
    </CaseDialog>
  );
}

function AppealDialog({ item, onDone }: { item: CaseDetail; onDone: Done }) {
  const { t } = useTranslation();
  const [appeal] = useMutation(AppealRectificationDocument);
  return (
    <CaseDialog<{ reason: string }>
      title={t('evaluation.appeal')}
      lead={t('evaluation.appealHint')}
      testId="appeal"
      success={t('evaluation.appealed')}
      onDone={onDone}
      run={async ({ reason }) =>
        (await appeal({ variables: { input: { caseId: item.id, reason } } })).data
          ?.appealRectification
      }
    >
      <Form.Item
        name="reason"
        label={t('evaluation.appealReason')}
        rules={required(t('evaluation.appealReason'))}
      >
        <Input.TextArea rows={3} maxLength={1000} data-testid="appeal-reason" />
      </Form.Item>
    </CaseDialog>
  );
}

function DecideDialog({ item, onDone }: { item: CaseDetail; onDone: Done }) {
  const { t } = useTranslation();
  const [decide] = useMutation(DecideRectificationAppealDocument);
  return (
    <CaseDialog<{ decision: AppealDecision; note: string }>
      title={t('evaluation.decide')}
      lead={item.appeals.at(-1)?.reason ?? ''}
      testId="decide"
      initial={{ decision: 'DISMISSED' }}
      success={t('evaluation.decided')}
      onDone={onDone}
      run={async ({ decision, note }) =>
        (await decide({ variables: { input: { caseId: item.id, decision, note } } })).data
          ?.decideRectificationAppeal
      }
    >
      <Form.Item name="decision" label={t('evaluation.decision')}>
        <Radio.Group>
          <Space direction="vertical">
            {(['DISMISSED', 'UPHELD'] as const).map((value) => (
              <Radio key={value} value={value} data-testid={`decide-${value}`}>
                {t(`evaluation.decisions.${value}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('evaluation.decisionNote')}
        rules={required(t('evaluation.decisionNote'))}
      >
        <Input.TextArea rows={3} maxLength={1000} data-testid="decide-note" />
      </Form.Item>
    </CaseDialog>
  );
}
