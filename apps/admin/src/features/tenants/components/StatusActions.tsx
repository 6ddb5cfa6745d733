import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReactivateTenantDocument,
  SuspendTenantDocument,
  type TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import { useDialogAction, useQuickAction } from '../../../shared/ui/actions';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { Confirm } from '../../../shared/ui/Confirm';

function SuspendDialog({
  tenant,
  onClose,
  onDone,
}: {
  tenant: TenantSummary;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useDialogAction();
  const [suspend] = useMutation(SuspendTenantDocument);

  const submit = async ({ reason }: { reason: string }) => {
    const input = { tenantId: tenant.id, reason: reason.trim() };
    if (await action.run(() => suspend({ variables: { input } }))) {
      void message.success(t('tenant.suspended', { name: tenant.name }));
      onDone();
      onClose();
    }
  };

  return (
    <ActionDialog
      title={t('tenant.suspendTitle', { name: tenant.name })}
      okText={t('tenant.suspendConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'tenant-suspend-submit' }}
      running={action.running}
      error={action.error}
      onOk={() => form.submit()}
      onClose={onClose}
      lead={<Typography.Paragraph type="secondary">{t('tenant.suspendHint')}</Typography.Paragraph>}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          label={t('tenant.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('tenant.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('tenant.reasonPlaceholder')}
            data-testid="tenant-suspend-reason"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** Suspend a tenant (with a reason), or reactivate a suspended one. */
export function StatusActions({
  tenant,
  onChanged,
}: {
  tenant: TenantSummary;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [suspending, setSuspending] = useState(false);
  const [reactivate, { loading }] = useMutation(ReactivateTenantDocument);
  const quick = useQuickAction(onChanged);

  if (tenant.status === 'SUSPENDED') {
    return (
      <Confirm
        title={t('tenant.reactivateTitle', { name: tenant.name })}
        description={t('tenant.reactivateHint')}
        onConfirm={() =>
          quick(
            () => reactivate({ variables: { input: { tenantId: tenant.id } } }),
            t('tenant.reactivated', { name: tenant.name }),
          )
        }
      >
        <Button icon={<PlayCircleOutlined />} loading={loading} data-testid="tenant-reactivate">
          {t('tenant.reactivate')}
        </Button>
      </Confirm>
    );
  }
  return (
    <>
      <Button
        danger
        icon={<PauseCircleOutlined />}
        onClick={() => setSuspending(true)}
        data-testid="tenant-suspend"
      >
        {t('tenant.suspend')}
      </Button>
      {suspending && (
        <SuspendDialog tenant={tenant} onClose={() => setSuspending(false)} onDone={onChanged} />
      )}
    </>
  );
}
