import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AttendanceMonthQuery,
  AttendanceMonthDocument,
  type AttendanceTerminalRowFragment as Terminal,
  AttendanceTerminalsDocument,
  type ClockDirection,
  EnterAttendanceDocument,
  ExportAttendanceMonthDocument,
  RegisterAttendanceTerminalDocument,
  RevokeAttendanceTerminalDocument,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { downloadSheet } from '../../../shared/rules/spreadsheet-file';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';
import { CopyBox } from '../../../shared/ui/CopyBox';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { actionsColumn, TableSection } from '../../../shared/ui/TableSection';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { localDateTimeInput, monthOf, parseMonthInput } from '../rules/attendance-rules';
import { attendanceErrorText } from './attendance-text';

type Row = AttendanceMonthQuery['attendanceMonth']['rows'][number];

/**
 * 考勤: the month's sheet of one's own center (present, late, left early, absent per person),
 * exported as XLSX; a center manager also enters a forgotten punch and keeps the terminals.
 */
export function AttendancePage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const mayManage = can(user, 'UPDATE', 'ATTENDANCE');
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const sheet = <MonthSheet user={user} month={month} onMonth={setMonth} mayEnter={mayManage} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('attendance.title')} subtitle={t('attendance.subtitle')} />
      {mayManage ? (
        <Tabs
          items={[
            { key: 'sheet', label: t('attendance.sheetTab'), children: sheet },
            {
              key: 'terminals',
              label: (
                <span data-testid="attendance-terminals-tab">{t('attendance.terminalsTab')}</span>
              ),
              children: <Terminals />,
            },
          ]}
        />
      ) : (
        sheet
      )}
    </Space>
  );
}

function MonthSheet({
  user,
  month,
  onMonth,
  mayEnter,
}: {
  user: CurrentUser;
  month: string;
  onMonth: (month: string) => void;
  mayEnter: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  const sheet = useQuery(AttendanceMonthDocument, {
    variables: { tenantId: null, month },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [exporting, setExporting] = useState(false);
  const [entering, setEntering] = useState(false);
  const reload = () => void sheet.refetch().catch(() => undefined);
  const rows = sheet.data?.attendanceMonth.rows ?? [];
  const download = async () => {
    setExporting(true);
    try {
      const { data } = await client.query({
        query: ExportAttendanceMonthDocument,
        variables: { tenantId: null, month },
        fetchPolicy: 'no-cache',
      });
      if (data) downloadSheet(data.exportAttendanceMonth, `${user.tenant.name}考勤${month}.xlsx`);
    } catch (error) {
      message.error(attendanceErrorText(t, error));
    } finally {
      setExporting(false);
    }
  };
  const count = (value: number, alert = false) =>
    alert && value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value;
  return (
    <Card>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Typography.Text>{t('attendance.month')}</Typography.Text>
            <Input
              type="month"
              value={month}
              max={monthOf(new Date())}
              style={{ width: 170 }}
              onChange={(event) => {
                const value = parseMonthInput(event.target.value);
                if (value) onMonth(value);
              }}
              data-testid="attendance-month"
            />
            {sheet.data && (
              <Typography.Text type="secondary" data-testid="attendance-working-days">
                {t('attendance.workingDaysSoFar', {
                  days: sheet.data.attendanceMonth.workingDays,
                })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            <ReloadButton loading={sheet.loading} onClick={reload} testId="attendance-reload" />
            {mayEnter && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setEntering(true)}
                disabled={rows.length === 0}
                data-testid="attendance-enter"
              >
                {t('attendance.enter')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void download()}
              data-testid="attendance-export"
            >
              {t('attendance.export')}
            </Button>
          </Space>
        </Space>
        {sheet.error && !sheet.data ? (
          <LoadFailure title={t('attendance.loadError')} error={sheet.error} onRetry={reload} />
        ) : (
          <TableSection<Row>
            testId="attendance-sheet"
            rowKey="staffId"
            pageSize={50}
            loading={sheet.loading}
            empty={t('attendance.empty')}
            dataSource={rows}
            columns={[
              { title: t('attendance.staff'), dataIndex: 'staffName' },
              { title: t('attendance.workingDays'), dataIndex: 'workingDays', align: 'right' },
              { title: t('attendance.present'), dataIndex: 'present', align: 'right' },
              {
                title: t('attendance.late'),
                dataIndex: 'late',
                align: 'right',
                render: (value: number) => count(value, true),
              },
              {
                title: t('attendance.leftEarly'),
                dataIndex: 'leftEarly',
                align: 'right',
                render: (value: number) => count(value, true),
              },
              {
                title: t('attendance.absent'),
                dataIndex: 'absent',
                align: 'right',
                render: (value: number) => count(value, true),
              },
            ]}
          />
        )}
      </Space>
      {entering && (
        <EnterDialog
          staff={rows}
          onClose={() => setEntering(false)}
          onEntered={() => {
            setEntering(false);
            reload();
          }}
        />
      )}
    </Card>
  );
}

interface EntryValues {
  staffId: string;
  at: string;
  direction: ClockDirection;
  reason: string;
}

/** A manager enters a forgotten punch: who, when, in or out, and why (all required). */
function EnterDialog({
  staff,
  onClose,
  onEntered,
}: {
  staff: Row[];
  onClose: () => void;
  onEntered: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [enter] = useMutation(EnterAttendanceDocument);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: EntryValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setRunning(true);
    setError(null);
    try {
      await enter({
        variables: {
          input: { ...values, at: new Date(values.at).toISOString(), reason: values.reason.trim() },
        },
      });
      void message.success(t('attendance.entered'));
      onEntered();
    } catch (caught) {
      setError(caught);
      setRunning(false);
    }
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: field }];
  return (
    <Modal
      open
      title={t('attendance.enter')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={{ 'data-testid': 'attendance-enter-submit' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={attendanceErrorText(t, error)}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ direction: 'IN' as ClockDirection, at: localDateTimeInput(new Date()) }}
      >
        <Form.Item
          name="staffId"
          label={t('attendance.staff')}
          rules={required(t('attendance.staff'))}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={staff.map((row) => ({ value: row.staffId, label: row.staffName }))}
            data-testid="attendance-enter-staff"
          />
        </Form.Item>
        <Form.Item name="at" label={t('attendance.at')} rules={required(t('attendance.at'))}>
          <Input
            type="datetime-local"
            max={localDateTimeInput(new Date())}
            data-testid="attendance-enter-at"
          />
        </Form.Item>
        <Form.Item name="direction" label={t('attendance.direction')}>
          <Radio.Group
            options={[
              { value: 'IN' as ClockDirection, label: t('attendance.directions.IN') },
              { value: 'OUT' as ClockDirection, label: t('attendance.directions.OUT') },
            ]}
            data-testid="attendance-enter-direction"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('attendance.reason')}
          rules={required(t('attendance.reason'))}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('attendance.reasonPlaceholder')}
            data-testid="attendance-enter-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 考勤机: the center's terminals; register (token shown once), revoke, last seen. */
function Terminals() {
  const { t, i18n } = useTranslation();
  const terminals = useQuery(AttendanceTerminalsDocument, {
    variables: { tenantId: null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [registering, setRegistering] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [revoke] = useMutation(RevokeAttendanceTerminalDocument);
  const reload = () => void terminals.refetch().catch(() => undefined);
  const at = (value: string | null) => (value ? formatDateTime(i18n.language, value) : null);
  return (
    <Card>
      {terminals.error && !terminals.data ? (
        <LoadFailure
          title={t('attendance.terminalsLoadError')}
          error={terminals.error}
          onRetry={reload}
        />
      ) : (
        <TableSection<Terminal>
          testId="attendance-terminals"
          rowKey="id"
          pageSize={50}
          loading={terminals.loading}
          empty={t('attendance.terminalsEmpty')}
          dataSource={terminals.data?.attendanceTerminals ?? []}
          action={{
            label: t('attendance.register'),
            icon: <PlusOutlined />,
            onClick: () => setRegistering(true),
            testId: 'terminal-register',
          }}
          columns={[
            { title: t('attendance.terminalLabel'), dataIndex: 'label' },
            {
              title: t('attendance.status'),
              key: 'status',
              render: (_, row) =>
                row.revokedAt ? (
                  <Tag>{t('attendance.revoked')}</Tag>
                ) : (
                  <Tag color="green">{t('attendance.active')}</Tag>
                ),
            },
            {
              title: t('attendance.lastSeenAt'),
              dataIndex: 'lastSeenAt',
              render: (value: string | null) =>
                at(value) ?? (
                  <Typography.Text type="secondary">{t('attendance.never')}</Typography.Text>
                ),
            },
            {
              title: t('attendance.registeredBy'),
              key: 'registered',
              render: (_, row) => `${row.registeredByName} · ${at(row.registeredAt)}`,
            },
            ...actionsColumn<Terminal>(true, t('common.actions'), 100, (row) =>
              row.revokedAt ? null : (
                <ConfirmAction
                  label={t('attendance.revoke')}
                  confirm={t('attendance.revokeConfirm', { label: row.label })}
                  success={t('attendance.revokedDone')}
                  danger
                  run={() => revoke({ variables: { id: row.id } })}
                  onChanged={reload}
                  explain={(error) => attendanceErrorText(t, error)}
                  testId={`terminal-revoke-${row.id}`}
                />
              ),
            ),
          ]}
        />
      )}
      {registering && (
        <RegisterDialog
          onClose={() => setRegistering(false)}
          onRegistered={(issued) => {
            setRegistering(false);
            setToken(issued);
            reload();
          }}
        />
      )}
      {token && (
        <Modal
          open
          title={t('attendance.tokenTitle')}
          onOk={() => setToken(null)}
          onCancel={() => setToken(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
          okText={t('attendance.tokenDone')}
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('attendance.tokenHint')}
          />
          <CopyBox value={token} testId="terminal-token" />
        </Modal>
      )}
    </Card>
  );
}

function RegisterDialog({
  onClose,
  onRegistered,
}: {
  onClose: () => void;
  onRegistered: (token: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ label: string }>();
  const [register] = useMutation(RegisterAttendanceTerminalDocument);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: { label: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const result = await register({ variables: { input: { label: values.label.trim() } } });
      void message.success(t('attendance.registered'));
      onRegistered(result.data!.registerAttendanceTerminal.token);
    } catch (caught) {
      setError(caught);
      setRunning(false);
    }
  };
  return (
    <Modal
      open
      title={t('attendance.register')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={{ 'data-testid': 'terminal-register-submit' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={attendanceErrorText(t, error)}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="label"
          label={t('attendance.terminalLabel')}
          rules={[{ required: true, whitespace: true, message: t('attendance.terminalLabel') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('attendance.terminalLabelPlaceholder')}
            data-testid="terminal-label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
