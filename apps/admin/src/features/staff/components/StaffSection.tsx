import { SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  StaffMemberSummaryFragment as StaffMember,
  TenantKind,
} from '../../../shared/api/graphql.generated';
import { actionsColumn, TableSection } from '../../../shared/ui/TableSection';
import { NamedTags, RoleTags, StaffStatusTag } from '../../../shared/ui/tags';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { grantableRolesFor } from '../rules/grantable-roles';
import { AccountRecovery } from './AccountRecovery';
import { AccountSwitch } from './AccountSwitch';
import { InviteDialog } from './InviteDialog';
import { RolesDialog } from './RolesDialog';

/** The people of a tenant: roles, status, windows; inviting and managing accounts. */
export function StaffSection({
  tenant,
  staff,
  windows,
  user,
  canManage,
  onChanged,
}: {
  tenant: { id: string; name: string; kind: TenantKind };
  staff: StaffMember[];
  /** The tenant's windows, to name those a person works at. */
  windows: readonly { id: string; name: string }[];
  user: CurrentUser;
  /** Whether the user may invite here (what they may do to each person, each one says). */
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const roles = grantableRolesFor(user, tenant.kind);

  return (
    <>
      <TableSection<StaffMember>
        testId="staff-section"
        data-testid="staff-table"
        action={
          canManage
            ? {
                label: t('staff.invite'),
                icon: <UserAddOutlined />,
                onClick: () => setInviting(true),
                testId: 'staff-invite',
              }
            : null
        }
        pageSize={10}
        empty={t('staff.empty')}
        rowKey="userId"
        dataSource={staff}
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
            width: 110,
            render: (status: string, member) => (
              <Space size={4} wrap data-testid={`staff-status-${member.username}`}>
                <StaffStatusTag status={status} />
                {member.locked && <Tag color="error">{t('staff.locked')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('staff.windows'),
            dataIndex: 'windowIds',
            render: (ids: string[]) => <NamedTags ids={ids} among={windows} bordered={false} />,
          },
          // Only on the people the server says this user may manage.
          ...actionsColumn<StaffMember>(canManage, t('common.actions'), 300, (member) =>
            member.viewerCanManage ? (
              <Space size={0} wrap>
                <Button
                  size="small"
                  type="link"
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => setEditing(member)}
                >
                  {t('staff.editRoles')}
                </Button>
                <AccountRecovery member={member} onChanged={onChanged} />
                <AccountSwitch member={member} onChanged={onChanged} />
              </Space>
            ) : null,
          ),
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
    </>
  );
}
