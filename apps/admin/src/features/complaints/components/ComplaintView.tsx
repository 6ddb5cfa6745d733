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
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddComplaintNoteDocument,
  AssignComplaintDocument,
  CloseComplaintDocument,
  ComplaintDocument,
  type ComplaintDetailFragment as Detail,
  type ComplaintOutcome,
  ResolveComplaintDocument,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { navigate } from '../../../shared/navigation/navigation';
import { type Fact, Facts } from '../../../shared/ui/Facts';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { Loading } from '../../../shared/ui/Loading';
import { PageHeader } from '../../../shared/ui/PageHeader';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { OUTCOMES, STATUS_COLORS } from '../rules/complaint-rules';
import { complaintErrorText, subjectText } from './complaint-text';

type Dialog = 'note' | 'resolve' | 'close' | null;

/** One complaint: what it says, its deadline, its handling steps, and what one may do. */
export function ComplaintView({ id, user }: { id: string; user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery(ComplaintDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [assign, assigning] = useMutation(AssignComplaintDocument);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate({ name: 'complaints', complaintId: null })}
      data-testid="complaint-back"
    >
      {t('complaints.back')}
    </Button>
  );
  const item = query.data?.complaint;
  if (!item) {
    return query.error ? (
      <Space direction="vertical" style={{ width: '100%' }}>
        {back}
        <LoadFailure
          title={t('complaints.loadError')}
          error={query.error}
          onRetry={() => void query.refetch().catch(() => undefined)}
        />
      </Space>
    ) : (
      <Loading minHeight={240} />
    );
  }
  const at = (value: string | null) => (value ? formatDateTime(i18n.language, value) : '—');
  const facts: Fact[] = [
    ['subject', t('complaints.subject'), subjectText(t, item)],
    ...(item.subjectKind !== 'WINDOW' && item.windowName
      ? ([['window', t('complaints.window'), item.windowName]] as Fact[])
      : []),
    ...(item.subjectKind === 'APPLICATION' && item.staffName
      ? ([['handler', t('complaints.handler'), item.staffName]] as Fact[])
      : []),
    ['tenant', t('complaints.tenant'), item.tenantName],
    ['channel', t('complaints.channel'), t(`complaints.channels.${item.channel}`)],
    [
      'complainant',
      t('complaints.complainant'),
      `${item.complainantName}${item.complainantPhone ? ` · ${item.complainantPhone}` : ''}`,
    ],
    ['receivedAt', t('complaints.receivedAt'), at(item.receivedAt)],
    [
      'dueAt',
      t('complaints.dueAt'),
      <span data-testid="complaint-due">
        {at(item.dueAt)}
        {item.overdue && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('complaints.overdue')}
          </Tag>
        )}
      </span>,
    ],
    [
      'status',
      t('complaints.status'),
      <Tag color={STATUS_COLORS[item.status]} data-testid="complaint-status">
        {t(`complaints.statuses.${item.status}`)}
      </Tag>,
    ],
    ['loggedBy', t('complaints.loggedBy'), item.loggedByName],
    ...(item.assigneeName
      ? ([['assignee', t('complaints.assignee'), item.assigneeName]] as Fact[])
      : []),
    ...(item.outcome
      ? ([
          [
            'outcome',
            t('complaints.outcome'),
            <span data-testid="complaint-outcome">{t(`complaints.outcomes.${item.outcome}`)}</span>,
          ],
        ] as Fact[])
      : []),
    ...(item.resolution
      ? ([
          [
            'resolution',
            t(item.status === 'CLOSED' ? 'complaints.closeReason' : 'complaints.resolution'),
            item.resolution,
          ],
          [
            'finishedBy',
            t('complaints.finishedBy'),
            `${item.finishedByName ?? ''} · ${at(item.finishedAt)}`,
          ],
        ] as Fact[])
      : []),
  ];
  const done = (updated: Detail | undefined) => {
    if (updated) void query.refetch().catch(() => undefined);
    setDialog(null);
  };
  const takeOn = async () => {
    setError(null);
    try {
      await assign({ variables: { input: { complaintId: item.id, assigneeId: user.id } } });
      void message.success(t('complaints.assigned'));
      void query.refetch().catch(() => undefined);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('complaints.detailTitle')}
        extra={
          <Space wrap>
            {back}
            {item.mayHandle && item.status === 'RECEIVED' && (
              <Button
                loading={assigning.loading}
                onClick={() => void takeOn()}
                data-testid="complaint-take-on"
              >
                {t('complaints.takeOn')}
              </Button>
            )}
            {item.mayHandle && (
              <Button onClick={() => setDialog('note')} data-testid="complaint-note">
                {t('complaints.addNote')}
              </Button>
            )}
            {item.mayHandle && (
              <Button onClick={() => setDialog('close')} data-testid="complaint-close">
                {t('complaints.close')}
              </Button>
            )}
            {item.mayHandle && (
              <Button
                type="primary"
                onClick={() => setDialog('resolve')}
                data-testid="complaint-resolve"
              >
                {t('complaints.resolve')}
              </Button>
            )}
          </Space>
        }
      />
      {error !== null && <Alert type="error" showIcon message={complaintErrorText(t, error)} />}
      {item.personalDataMasked && <Alert type="info" showIcon message={t('complaints.masked')} />}
      <Card>
        <Facts facts={facts} testId="complaint-facts" column={{ xs: 1, md: 2 }} size="small" />
      </Card>
      <Card title={t('complaints.content')}>
        <div style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-content-text">
          {item.content}
        </div>
      </Card>
      <Card title={t('complaints.eventsTitle')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={item.events}
          locale={{ emptyText: <Empty /> }}
          data-testid="complaint-events"
          columns={[
            { title: t('complaints.occurredAt'), dataIndex: 'occurredAt', render: at },
            {
              title: t('complaints.action'),
              dataIndex: 'action',
              render: (value: string) => t(`complaints.actions.${value}`),
            },
            { title: t('complaints.actor'), dataIndex: 'actorName' },
            { title: t('complaints.note'), dataIndex: 'note', render: (v) => v ?? '—' },
          ]}
        />
      </Card>
      {dialog && <ActDialog act={dialog} item={item} onDone={done} />}
    </Space>
  );
}

interface ActValues {
  outcome?: ComplaintOutcome;
  text: string;
}

/** A note, the resolution (outcome and what was done) or the closing (why), in one dialog. */
function ActDialog({
  act,
  item,
  onDone,
}: {
  act: Exclude<Dialog, null>;
  item: Detail;
  onDone: (updated: Detail | undefined) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActValues>();
  const [note] = useMutation(AddComplaintNoteDocument);
  const [resolve] = useMutation(ResolveComplaintDocument);
  const [close] = useMutation(CloseComplaintDocument);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titles = {
    note: t('complaints.addNote'),
    resolve: t('complaints.resolve'),
    close: t('complaints.close'),
  };
  const labels = {
    note: t('complaints.note'),
    resolve: t('complaints.resolution'),
    close: t('complaints.closeReason'),
  };
  const submit = async () => {
    let values: ActValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const complaintId = item.id;
      const updated =
        act === 'note'
          ? (await note({ variables: { input: { complaintId, note: values.text } } })).data
              ?.addComplaintNote
          : act === 'resolve'
            ? (
                await resolve({
                  variables: {
                    input: { complaintId, outcome: values.outcome, resolution: values.text },
                  },
                })
              ).data?.resolveComplaint
            : (await close({ variables: { input: { complaintId, reason: values.text } } })).data
                ?.closeComplaint;
      void message.success(t('complaints.saved'));
      onDone(updated);
    } catch (caught) {
      setError(caught);
      setRunning(false);
    }
  };
  return (
    <Modal
      open
      title={titles[act]}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={{ 'data-testid': `complaint-${act}-submit` } as never}
      onOk={() => void submit()}
      onCancel={() => onDone(undefined)}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={complaintErrorText(t, error)}
          data-testid={`complaint-${act}-error`}
        />
      )}
      <Form<ActValues> form={form} layout="vertical">
        {act === 'resolve' && (
          <Form.Item
            name="outcome"
            label={t('complaints.outcome')}
            rules={[{ required: true, message: t('complaints.outcomeRequired') }]}
          >
            <Radio.Group
              options={OUTCOMES.map((value) => ({
                value,
                label: t(`complaints.outcomes.${value}`),
              }))}
              data-testid="complaint-outcome-choice"
            />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={labels[act]}
          rules={[{ required: true, whitespace: true, message: labels[act] }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            data-testid={`complaint-${act}-text`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
