import { useMutation } from '@apollo/client/react';
import { Alert, Checkbox, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type IssuedSetupLinkFragment as SetupLink,
  InviteStaffDocument,
  type Role,
} from '../../../shared/api/graphql.generated';
import { roleLabel } from '../../../shared/i18n/labels';
import { useDialogAction } from '../../../shared/ui/actions';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { AccountFields } from './AccountFields';
import { SetupLinkModal } from './SetupLinkNotice';

interface Invitation {
  username: string;
  displayName: string;
  roles: Role[];
}

/** Inviting a person: their account and roles, then the one-time setup link to hand on. */
export function InviteDialog({
  tenant,
  roles,
  onClose,
  onInvited,
}: {
  tenant: { id: string; name: string };
  /** The roles one may give here. */
  roles: Role[];
  onClose: () => void;
  onInvited: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Invitation>();
  const action = useDialogAction();
  const [result, setResult] = useState<{ name: string; link: SetupLink } | null>(null);
  const [invite] = useMutation(InviteStaffDocument);

  const submit = async (values: Invitation) => {
    const input = {
      tenantId: tenant.id,
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      roles: values.roles,
    };
    await action.run(async () => {
      const { data } = await invite({ variables: { input } });
      if (data) {
        setResult({ name: data.inviteStaff.staff.displayName, link: data.inviteStaff.setupLink });
      }
      onInvited();
    });
  };

  if (result) {
    return (
      <SetupLinkModal
        title={t('staff.linkTitle', { name: result.name })}
        done={t('staff.invited', { name: result.name })}
        link={result.link}
        testId="invite-setup-link"
        onClose={onClose}
      />
    );
  }

  return (
    <ActionDialog
      title={t('staff.inviteTitle', { tenant: tenant.name })}
      okText={t('staff.inviteSubmit')}
      okButtonProps={{ disabled: roles.length === 0 }}
      running={action.running}
      error={action.error}
      onOk={() => form.submit()}
      onClose={onClose}
      lead={
        <>
          <Typography.Paragraph type="secondary">{t('staff.inviteHint')}</Typography.Paragraph>
          {roles.length === 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('staff.noGrantable')}
              style={{ marginBottom: 16 }}
            />
          )}
        </>
      }
    >
      <Form<Invitation>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ username: '', displayName: '', roles: roles.length === 1 ? roles : [] }}
        onFinish={submit}
      >
        <AccountFields testIdPrefix="invite" />
        <Form.Item
          label={t('staff.roles')}
          name="roles"
          rules={[{ type: 'array', min: 1, required: true, message: t('staff.rolesRequired') }]}
        >
          <Checkbox.Group
            options={roles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
