import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReactivateTenantDocument,
  SuspendTenantDocument,
  type TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import { useQuickAction } from '../../../shared/ui/actions';
import { Confirm } from '../../../shared/ui/Confirm';
import { TextDialog } from '../../../shared/ui/TextDialog';

function SuspendDialog(props: { tenant: TenantSummary; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [suspend] = useMutation(SuspendTenantDocument);
  const { tenant } = props;
  return (
    <TextDialog
      title={t('tenant.suspendTitle', { name: tenant.name })}
      okText={t('tenant.suspendConfirm')}
      danger
      okTestId="tenant-suspend-submit"
      lead={<Typography.Paragraph type="secondary">{t('tenant.suspendHint')}</Typography.Paragraph>}
      label={t('tenant.reason')}
      rules={[{ required: true, whitespace: true, message: t('tenant.reasonRequired') }]}
      field={
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('tenant.reasonPlaceholder')}
          data-testid="tenant-suspend-reason"
        />
      }
      run={(reason) => suspend({ variables: { input: { tenantId: tenant.id, reason } } })}
      success={() => t('tenant.suspended', { name: tenant.name })}
      onClose={props.onClose}
      onDone={props.onDone}
    />
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
