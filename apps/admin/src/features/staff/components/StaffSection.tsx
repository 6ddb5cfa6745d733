import { SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import {
  DisableStaffDocument,
  EnableStaffDocument,
  InviteStaffDocument,
  type IssuedSetupLinkFragment as SetupLink,
  type Role,
  SetStaffRolesDocument,
  type StaffMemberSummaryFragment as StaffMember,
  type TenantKind,
} from '../../../shared/api/graphql.generated';
import { actionErrorText, problemText } from '../../../shared/i18n/describe';
import { formatDateTime } from '../../../shared/i18n/format';
import { roleLabel } from '../../../shared/i18n/labels';
import { displayNameProblems, usernameProblems } from '../rules/account-rules';
import { grantableRolesFor, roleChoices } from '../rules/grantable-roles';
import { setupLinkUrl } from '../../setup/rules/setup-link';
import { CopyBox } from '../../../shared/ui/CopyBox';
import { RoleTags, StaffStatusTag } from '../../../shared/ui/tags';

/** The tenant whose staff are shown (the tenants feature passes its own record). */
interface StaffTenant {
  id: string;
  name: string;
  kind: TenantKind;
}

interface Invitation {
  username: string;
  displayName: string;
  roles: Role[];
}

/** The setup link of a fresh invitation: shown once, copyable, with how long it lasts. */
export function SetupLinkNotice({
  link,
  testId,
  lead,
}: {
  link: SetupLink;
  testId: string;
  lead: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text>{lead}</Typography.Text>
      <CopyBox value={setupLinkUrl(window.location.origin, link.path)} testId={testId} />
      <Typography.Text type="secondary">
        {t('staff.linkExpiry', { expiresAt: formatDateTime(i18n.language, link.expiresAt) })}
      </Typography.Text>
    </Space>
  );
}

function InviteDialog({
  tenant,
  roles,
  onClose,
  onInvited,
}: {
  tenant: StaffTenant;
  roles: Role[];
  onClose: () => void;
  onInvited: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Invitation>();
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ name: string; link: SetupLink } | null>(null);
  const [invite, { loading }] = useMutation(InviteStaffDocument);

  const submit = async (values: Invitation) => {
    setError(null);
    try {
      const { data } = await invite({
        variables: {
          input: {
            tenantId: tenant.id,
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            roles: values.roles,
          },
        },
      });
      if (data)
        setResult({ name: data.inviteStaff.staff.displayName, link: data.inviteStaff.setupLink });
      onInvited();
    } catch (caught) {
      setError(caught);
    }
  };

  if (result) {
    return (
      <Modal
        open
        title={t('staff.linkTitle', { name: result.name })}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose} data-testid="invite-done">
            {t('common.done')}
          </Button>
        }
      >
        <Alert
          type="success"
          showIcon
          message={t('staff.invited', { name: result.name })}
          style={{ marginBottom: 16 }}
        />
        <SetupLinkNotice link={result.link} testId="invite-setup-link" lead={t('staff.linkOnce')} />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('staff.inviteTitle', { tenant: tenant.name })}
      okText={t('staff.inviteSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: roles.length === 0 }}
    >
      <Typography.Paragraph type="secondary">{t('staff.inviteHint')}</Typography.Paragraph>
      {roles.length === 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('staff.noGrantable')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={actionErrorText(t, error)}
        />
      )}
      <Form<Invitation>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ username: '', displayName: '', roles: roles.length === 1 ? roles : [] }}
        onFinish={submit}
      >
        <Form.Item
          label={t('staff.username')}
          name="username"
          extra={t('onboarding.usernameHelp')}
          rules={[
            {
              validator: async (_, value: string) => {
                const [problem] = usernameProblems((value ?? '').trim());
                if (problem) throw new Error(problemText(t, problem));
              },
            },
          ]}
        >
          <Input autoComplete="off" data-testid="invite-username" />
        </Form.Item>
        <Form.Item
          label={t('staff.displayName')}
          name="displayName"
          rules={[
            {
              validator: async (_, value: string) => {
                const [problem] = displayNameProblems(value ?? '');
                if (problem) throw new Error(problemText(t, problem));
              },
            },
          ]}
        >
          <Input autoComplete="off" data-testid="invite-display-name" />
        </Form.Item>
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
    </Modal>
  );
}

function RolesDialog({
  member,
  roles,
  onClose,
  onSaved,
}: {
  member: StaffMember;
  roles: Role[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Role[]>(member.roles);
  const [error, setError] = useState<unknown>(null);
  const [setRoles, { loading }] = useMutation(SetStaffRolesDocument);

  const save = async () => {
    setError(null);
    try {
      await setRoles({ variables: { input: { userId: member.userId, roles: chosen } } });
      void message.success(t('staff.rolesSaved', { name: member.displayName }));
      onSaved();
      onClose();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Modal
      open
      title={t('staff.editRolesTitle', { name: member.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      okButtonProps={{ disabled: chosen.length === 0 }}
      onOk={() => void save()}
      onCancel={onClose}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={actionErrorText(t, error)}
        />
      )}
      <Checkbox.Group
        value={chosen}
        onChange={(values) => setChosen(values as Role[])}
        options={roleChoices(roles, member.roles).map(({ role, grantable }) => ({
          value: role,
          label: roleLabel(t, role),
          // A role one may not give can be taken away, not given back.
          disabled: !grantable && !chosen.includes(role),
        }))}
      />
      {chosen.length === 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('staff.rolesRequired')}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

function AccountSwitch({ member, onChanged }: { member: StaffMember; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const disabled = member.status === 'DISABLED';
  const [disable, disabling] = useMutation(DisableStaffDocument);
  const [enable, enabling] = useMutation(EnableStaffDocument);

  const run = async () => {
    try {
      const input = { userId: member.userId };
      if (disabled) await enable({ variables: { input } });
      else await disable({ variables: { input } });
      void message.success(
        t(disabled ? 'staff.enabled' : 'staff.disabled', { name: member.displayName }),
      );
    } catch (caught) {
      void message.error(actionErrorText(t, caught), 6);
    } finally {
      onChanged();
    }
  };

  return (
    <Popconfirm
      title={t(disabled ? 'staff.enableConfirm' : 'staff.disableConfirm', {
        name: member.displayName,
      })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onConfirm={run}
    >
      <Button
        size="small"
        type="link"
        danger={!disabled}
        loading={disabling.loading || enabling.loading}
        data-testid={`staff-${disabled ? 'enable' : 'disable'}-${member.username}`}
      >
        {t(disabled ? 'staff.enable' : 'staff.disable')}
      </Button>
    </Popconfirm>
  );
}

/** The people of a tenant: roles, status, windows; inviting and managing accounts. */
export function StaffSection({
  tenant,
  staff,
  windows,
  user,
  canManage,
  onChanged,
}: {
  tenant: StaffTenant;
  staff: StaffMember[];
  /** The tenant's windows, to name those a person works at. */
  windows: readonly { id: string; name: string }[];
  user: CurrentUser;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const roles = grantableRolesFor(user, tenant.kind);
  const windowsById = new Map(windows.map((w) => [w.id, w]));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="staff-section">
      {canManage && (
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setInviting(true)}
            data-testid="staff-invite"
          >
            {t('staff.invite')}
          </Button>
        </div>
      )}
      <Table<StaffMember>
        size="middle"
        scroll={{ x: 'max-content' }}
        rowKey="userId"
        dataSource={staff}
        pagination={staff.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t('staff.empty')} /> }}
        data-testid="staff-table"
        columns={[
          {
            title: t('staff.displayName'),
            dataIndex: 'displayName',
            render: (name: string, member) => (
              <span>
                {name}
                {member.userId === user.id && (
                  <Typography.Text type="secondary"> {t('staff.you')}</Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('staff.username'),
            dataIndex: 'username',
            render: (username: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {username}
              </Typography.Text>
            ),
          },
          {
            title: t('staff.roles'),
            dataIndex: 'roles',
            render: (memberRoles: string[]) => <RoleTags roles={memberRoles} />,
          },
          {
            title: t('staff.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: string) => <StaffStatusTag status={status} />,
          },
          {
            title: t('staff.windows'),
            dataIndex: 'windowIds',
            render: (ids: string[]) =>
              ids.map((id) => (
                <Tag key={id} bordered={false} style={{ marginBlock: 2 }}>
                  {windowsById.get(id)?.name ?? id}
                </Tag>
              )),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, member: StaffMember) =>
                    member.viewerCanManage ? (
                      <Space size={0}>
                        <Button
                          size="small"
                          type="link"
                          icon={<SafetyCertificateOutlined />}
                          onClick={() => setEditing(member)}
                        >
                          {t('staff.editRoles')}
                        </Button>
                        <AccountSwitch member={member} onChanged={onChanged} />
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {inviting && (
        <InviteDialog
          tenant={tenant}
          roles={roles}
          onClose={() => setInviting(false)}
          onInvited={onChanged}
        />
      )}
      {editing && (
        <RolesDialog
          member={editing}
          roles={roles}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      )}
    </Space>
  );
}
