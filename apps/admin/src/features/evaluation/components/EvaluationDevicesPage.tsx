import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EvaluationDeviceRowFragment as Device,
  EvaluationDevicesDocument,
  EvaluationDeviceWindowsDocument,
  RegisterEvaluationDeviceDocument,
  RevokeEvaluationDeviceDocument,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';
import { CopyBox } from '../../../shared/ui/CopyBox';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';
import { actionsColumn, TableSection } from '../../../shared/ui/TableSection';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { evaluationErrorText } from './evaluation-text';

/** 评价器: the devices of one's own tenant's windows; register (token shown once) and revoke. */
export function EvaluationDevicesPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const mayManage = can(user, 'CREATE', 'EVALUATION_DEVICE');
  const devices = useQuery(EvaluationDevicesDocument, {
    variables: { tenantId: null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [registering, setRegistering] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [revoke] = useMutation(RevokeEvaluationDeviceDocument);
  const reload = () => void devices.refetch().catch(() => undefined);
  const at = (value: string | null) => (value ? formatDateTime(i18n.language, value) : null);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('evaluation.devicesTitle')}
        subtitle={t('evaluation.devicesSubtitle')}
        extra={<ReloadButton loading={devices.loading} onClick={reload} testId="devices-reload" />}
      />
      <Card>
        {devices.error && !devices.data ? (
          <LoadFailure
            title={t('evaluation.devicesLoadError')}
            error={devices.error}
            onRetry={reload}
          />
        ) : (
          <TableSection<Device>
            testId="devices"
            rowKey="id"
            pageSize={50}
            loading={devices.loading}
            empty={t('evaluation.devicesEmpty')}
            dataSource={devices.data?.evaluationDevices ?? []}
            scroll={{ x: 'max-content' }}
            action={
              mayManage
                ? {
                    label: t('evaluation.register'),
                    icon: <PlusOutlined />,
                    onClick: () => setRegistering(true),
                    testId: 'device-register',
                  }
                : null
            }
            columns={[
              { title: t('evaluation.window'), dataIndex: 'windowName' },
              { title: t('evaluation.deviceLabel'), dataIndex: 'label' },
              {
                title: t('evaluation.status'),
                key: 'status',
                render: (_, row) =>
                  row.revokedAt ? (
                    <Tag>{t('evaluation.revoked')}</Tag>
                  ) : (
                    <Tag color="green">{t('evaluation.active')}</Tag>
                  ),
              },
              {
                title: t('evaluation.lastSeenAt'),
                dataIndex: 'lastSeenAt',
                render: (value: string | null) =>
                  at(value) ?? (
                    <Typography.Text type="secondary">{t('evaluation.never')}</Typography.Text>
                  ),
              },
              {
                title: t('evaluation.registeredBy'),
                key: 'registered',
                render: (_, row) => `${row.registeredByName} · ${at(row.registeredAt)}`,
              },
              ...actionsColumn<Device>(mayManage, t('common.actions'), 100, (row) =>
                row.revokedAt ? null : (
                  <ConfirmAction
                    label={t('evaluation.revoke')}
                    confirm={t('evaluation.revokeConfirm', { label: row.label })}
                    success={t('evaluation.revokedDone')}
                    danger
                    run={() => revoke({ variables: { id: row.id } })}
                    onChanged={reload}
                    explain={(error) => evaluationErrorText(t, error)}
                    testId={`device-revoke-${row.id}`}
                  />
                ),
              ),
            ]}
          />
        )}
      </Card>
      {registering && (
        <RegisterDeviceDialog
          tenantId={user.tenant.id}
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
          title={t('evaluation.tokenTitle')}
          onOk={() => setToken(null)}
          onCancel={() => setToken(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
          okText={t('evaluation.tokenDone')}
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('evaluation.tokenHint')}
          />
          <CopyBox value={token} testId="device-token" />
        </Modal>
      )}
    </Space>
  );
}

function RegisterDeviceDialog({
  tenantId,
  onClose,
  onRegistered,
}: {
  tenantId: string;
  onClose: () => void;
  onRegistered: (token: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ windowId: string; label: string }>();
  const windows = useQuery(EvaluationDeviceWindowsDocument, { variables: { id: tenantId } });
  const [register] = useMutation(RegisterEvaluationDeviceDocument);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: { windowId: string; label: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const result = await register({ variables: { input: values } });
      void message.success(t('evaluation.registered'));
      onRegistered(result.data!.registerEvaluationDevice.token);
    } catch (caught) {
      setError(caught);
      setRunning(false);
    }
  };
  return (
    <Modal
      open
      title={t('evaluation.register')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={{ 'data-testid': 'device-register-submit' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={evaluationErrorText(t, error)}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="windowId"
          label={t('evaluation.registerWindow')}
          rules={[{ required: true, message: t('evaluation.windowPlaceholder') }]}
        >
          <Select
            placeholder={t('evaluation.windowPlaceholder')}
            loading={windows.loading}
            options={(windows.data?.tenant.serviceWindows ?? [])
              .filter((window) => !window.disabled)
              .map((window) => ({ value: window.id, label: `${window.code} ${window.name}` }))}
            data-testid="device-window"
          />
        </Form.Item>
        <Form.Item
          name="label"
          label={t('evaluation.deviceLabel')}
          rules={[{ required: true, whitespace: true, message: t('evaluation.deviceLabel') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('evaluation.deviceLabelPlaceholder')}
            data-testid="device-label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
