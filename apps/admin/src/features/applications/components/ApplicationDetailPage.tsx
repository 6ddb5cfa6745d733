import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationAction } from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { applicationStatusLabel } from '../../../shared/i18n/labels';
import { navigate } from '../../../shared/navigation/navigation';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { type Fact, Facts } from '../../../shared/ui/Facts';
import { Loading } from '../../../shared/ui/Loading';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { ApplicationStatusTag } from '../../../shared/ui/tags';
import { type ApplicationDetail, useApplicationDetail } from '../hooks/useApplicationDetail';
import { asksFirst, needsOf, orderedActions } from '../rules/lifecycle-rules';
import { ActDialog } from './ActDialog';
import { PrintSheet } from './PrintSheet';
import { Remaining } from './Remaining';

/** One application: its clock, the acts one may do now, its timeline, pauses and extensions. */
export function ApplicationDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useApplicationDetail(id);
  const { message } = AntApp.useApp();
  const [asking, setAsking] = useState<ApplicationAction | null>(null);
  const [extending, setExtending] = useState(false);
  const [printing, setPrinting] = useState<'receipt' | 'notice' | null>(null);
  const application = detail.application;

  if (!application) {
    if (detail.loadError) {
      return (
        <ErrorAlert
          title={t('lifecycle.loadError')}
          error={detail.loadError}
          testId="detail-error"
        />
      );
    }
    return <Loading minHeight={240} />;
  }

  const actions = orderedActions(application.actions);
  const act = async (action: ApplicationAction, form = {}) => {
    if (await detail.act(application, action, form)) {
      setAsking(null);
      void message.success(t('lifecycle.done', { action: t(`lifecycle.action.${action}`) }));
    }
  };
  const lastNotice = [...application.timeline]
    .reverse()
    .find((event) => event.action === 'REQUEST_SUPPLEMENT')?.missingMaterials;
  const mayExtend =
    application.actions.length > 0 &&
    ['ACCEPTED', 'IN_REVIEW', 'SUSPENDED'].includes(application.status);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('lifecycle.detailTitle', { receipt: application.receiptNumber })}
        subtitle={`${application.itemName} · ${application.applicant.name} · ${application.tenantName}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'workQueue' })}>
              {t('lifecycle.back')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => setPrinting('receipt')}
              data-testid="print-receipt"
            >
              {t('lifecycle.printReceipt')}
            </Button>
            {lastNotice && (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => setPrinting('notice')}
                data-testid="print-notice"
              >
                {t('lifecycle.printNotice')}
              </Button>
            )}
            <ReloadButton
              loading={detail.loading}
              onClick={() => void detail.reload()}
              testId="detail-reload"
            />
          </Space>
        }
      />
      {detail.error !== null && asking === null && (
        <ErrorAlert title={t('errors.conflict')} error={detail.error} testId="act-error" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('lifecycle.actionsTitle')} data-testid="detail-actions">
              <Space style={{ marginBottom: 12 }} wrap>
                <ApplicationStatusTag status={application.status} />
                <Remaining
                  dueAt={application.dueAt ?? null}
                  workingDaysLeft={application.clock.workingDaysLeft ?? null}
                  paused={application.clock.clockPaused}
                  testId="detail-remaining"
                />
              </Space>
              {actions.length === 0 ? (
                <Typography.Text type="secondary">{t('lifecycle.noActions')}</Typography.Text>
              ) : (
                <Space wrap>
                  {actions.map((action, index) => (
                    <Button
                      key={action}
                      type={index === 0 ? 'primary' : 'default'}
                      danger={needsOf(action).danger}
                      loading={detail.running && asking === null}
                      onClick={() => (asksFirst(action) ? setAsking(action) : void act(action))}
                      data-testid={`act-${action}`}
                    >
                      {t(`lifecycle.action.${action}`)}
                    </Button>
                  ))}
                  {mayExtend && (
                    <Button onClick={() => setExtending(true)} data-testid="act-REQUEST_EXTENSION">
                      {t('lifecycle.requestExtension')}
                    </Button>
                  )}
                </Space>
              )}
            </Card>
            {/* Forwarded, the station's own clock stopped: the chain carries the deadlines. */}
            {!application.forwardedTo && <ClockCard application={application} />}
            <ChainCard application={application} />
            <ExtensionsCard
              application={application}
              running={detail.running}
              onDecide={(extensionId, approve) =>
                void detail.decideExtension(extensionId, approve, '')
              }
            />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('lifecycle.timelineTitle')} data-testid="detail-timeline">
            <Timeline
              items={application.timeline.map((event) => ({
                key: event.id,
                color: ['REJECT', 'DENY', 'WITHDRAW'].includes(event.action) ? 'red' : 'blue',
                children: (
                  <div data-testid="timeline-event" data-action={event.action}>
                    <Typography.Text strong>
                      {t(`lifecycle.action.${event.action}`, { defaultValue: event.action })}
                    </Typography.Text>
                    {' → '}
                    {applicationStatusLabel(t, event.toStatus)}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {formatDateTime(i18n.language, event.occurredAt)} · {event.actorName}
                    </Typography.Text>
                    {event.procedure && <Tag>{t(`lifecycle.pauseKind.${event.procedure}`)}</Tag>}
                    {event.extensionWorkingDays !== null &&
                      event.extensionWorkingDays !== undefined && (
                        <Tag>
                          {t('lifecycle.extensionDays', { days: event.extensionWorkingDays })}
                        </Tag>
                      )}
                    {event.reason && <div>{event.reason}</div>}
                    {event.missingMaterials && (
                      <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                        {event.missingMaterials.map((material) => (
                          <li key={material.name}>{material.name}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {asking && (
        <ActDialog
          application={application}
          action={asking}
          running={detail.running}
          error={detail.error}
          onSend={(form) => void act(asking, form)}
          onClose={() => {
            setAsking(null);
            detail.clearError();
          }}
        />
      )}
      {extending && (
        <ExtensionDialog
          running={detail.running}
          error={detail.error}
          onSend={async (input) => {
            if (await detail.requestExtension(application, input)) setExtending(false);
          }}
          onClose={() => {
            setExtending(false);
            detail.clearError();
          }}
        />
      )}
      {printing && (
        <PrintSheet
          application={application}
          kind={printing}
          missing={lastNotice ?? []}
          onClose={() => setPrinting(null)}
        />
      )}
    </Space>
  );
}

/**
 * 代办: the other end of the chain. At the station, where the center it was forwarded to
 * stands, with that center's deadlines; at that center, the station it came from.
 */
function ChainCard({ application }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const link = application.forwardedTo ?? application.forwardedFrom;
  if (!link) return null;
  const when = (value: string | null | undefined) =>
    value ? formatDateTime(i18n.language, value) : t('applications.none');
  const facts: Fact[] = [
    ['status', t('lifecycle.chainStatus'), <ApplicationStatusTag key="s" status={link.status} />],
    ['receipt', t('lifecycle.chainReceipt'), link.receiptNumber],
    ['arrived', t('lifecycle.chainArrived'), when(link.submittedAt)],
  ];
  if (application.forwardedTo) {
    facts.push(
      [
        'accepted',
        t('lifecycle.acceptedAt'),
        link.acceptedAt ? when(link.acceptedAt) : t('lifecycle.notYet'),
      ],
      ['promised', t('lifecycle.promisedDeadline'), when(link.promisedDeadline)],
      ['statutory', t('lifecycle.statutoryDeadline'), when(link.statutoryDeadline)],
    );
  }
  if (link.completedAt) {
    facts.push(['completed', t('lifecycle.completedAt'), when(link.completedAt)]);
  }
  return (
    <Card
      title={
        application.forwardedTo
          ? t('lifecycle.chainTo', { tenant: link.tenantName })
          : t('lifecycle.chainFrom', { tenant: link.tenantName })
      }
      extra={<Typography.Text type="secondary">{t('lifecycle.chainTitle')}</Typography.Text>}
      data-testid="detail-chain"
    >
      <Facts facts={facts} column={1} size="small" testId="chain-facts" />
    </Card>
  );
}

function ClockCard({ application }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const when = (value: string | null | undefined) =>
    value ? formatDateTime(i18n.language, value) : t('applications.none');
  const limit = (value: ApplicationDetail['promisedLimit']) =>
    !value
      ? t('applications.none')
      : value.onTheSpot
        ? t('lifecycle.onTheSpot')
        : t('guide.workingDays', { count: value.workingDays ?? 0 });
  const facts: Fact[] = [
    ['submitted', t('applications.submittedAt'), when(application.submittedAt)],
    ['acceptanceDue', t('lifecycle.acceptanceDue'), when(application.acceptanceDueAt)],
    [
      'accepted',
      t('lifecycle.acceptedAt'),
      application.acceptedAt ? when(application.acceptedAt) : t('lifecycle.notYet'),
    ],
    [
      'limits',
      t('guide.section.limits'),
      t('lifecycle.limits', {
        promised: limit(application.promisedLimit),
        statutory: limit(application.statutoryLimit),
      }),
    ],
    ['promised', t('lifecycle.promisedDeadline'), when(application.promisedDeadline)],
    ['statutory', t('lifecycle.statutoryDeadline'), when(application.statutoryDeadline)],
  ];
  if (application.decidedAt)
    facts.push(['decided', t('lifecycle.decidedAt'), when(application.decidedAt)]);
  if (application.completedAt)
    facts.push(['completed', t('lifecycle.completedAt'), when(application.completedAt)]);
  return (
    <Card title={t('lifecycle.clockTitle')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {application.clock.acceptanceOverdue && (
          <Alert
            type="error"
            showIcon
            message={t('lifecycle.acceptanceOverdue')}
            data-testid="acceptance-overdue"
          />
        )}
        {application.clock.clockPaused && (
          <Alert
            type="warning"
            showIcon
            message={t('lifecycle.paused')}
            description={
              application.clock.deadlineIfResumed
                ? t('lifecycle.ifResumed', { deadline: when(application.clock.deadlineIfResumed) })
                : undefined
            }
            data-testid="clock-paused"
          />
        )}
        {application.clock.deadlinesProvisional && (
          <Alert
            type="info"
            showIcon
            message={t('lifecycle.provisional')}
            data-testid="deadlines-provisional"
          />
        )}
        {application.extensionDays > 0 && (
          <Tag color="purple">
            {t('lifecycle.extensionDays', { days: application.extensionDays })}
          </Tag>
        )}
        <Facts facts={facts} column={1} size="small" testId="clock-facts" />
      </Space>
    </Card>
  );
}

function ExtensionsCard({
  application,
  running,
  onDecide,
}: {
  application: ApplicationDetail;
  running: boolean;
  onDecide: (extensionId: string, approve: boolean) => void;
}) {
  const { t } = useTranslation();
  if (application.extensions.length === 0) return null;
  return (
    <Card title={t('lifecycle.extensionsTitle')} data-testid="detail-extensions">
      <List
        dataSource={application.extensions}
        renderItem={(extension) => (
          <List.Item
            actions={
              extension.status === 'PENDING' && application.mayApproveExtensions
                ? [
                    <Button
                      key="approve"
                      type="primary"
                      size="small"
                      loading={running}
                      onClick={() => onDecide(extension.id, true)}
                      data-testid="extension-approve"
                    >
                      {t('lifecycle.approveExtension')}
                    </Button>,
                    <Button
                      key="refuse"
                      size="small"
                      danger
                      onClick={() => onDecide(extension.id, false)}
                    >
                      {t('lifecycle.refuseExtension')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={0}>
              <Tag
                color={
                  extension.status === 'APPROVED'
                    ? 'green'
                    : extension.status === 'REFUSED'
                      ? 'red'
                      : 'gold'
                }
              >
                {t(`lifecycle.extensionStatus.${extension.status}`, {
                  defaultValue: extension.status,
                })}
              </Tag>
              <Typography.Text>
                {t('lifecycle.extensionLine', {
                  days: extension.workingDays,
                  reason: extension.reason,
                  who: extension.requestedByName,
                })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ExtensionDialog({
  running,
  error,
  onSend,
  onClose,
}: {
  running: boolean;
  error: unknown;
  onSend: (input: { workingDays: number; reason: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ workingDays: number; reason: string }>();
  return (
    <ActionDialog
      title={t('lifecycle.requestExtension')}
      okText={t('lifecycle.requestExtension')}
      okButtonProps={{ 'data-testid': 'extension-confirm' }}
      running={running}
      error={error}
      onOk={() => void form.validateFields().then(onSend)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ workingDays: 5, reason: '' }}>
        <Form.Item
          name="workingDays"
          label={t('lifecycle.extensionWorkingDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} precision={0} data-testid="extension-days" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('lifecycle.extensionReason')}
          rules={[{ required: true, whitespace: true, message: t('lifecycle.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
