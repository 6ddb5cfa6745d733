import { useMutation } from '@apollo/client/react';
import { App, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Role,
  SetStaffRolesDocument,
  type StaffMemberSummaryFragment as StaffMember,
} from '../../../shared/api/graphql.generated';
import { roleLabel } from '../../../shared/i18n/labels';
import { useDialogAction } from '../../../shared/ui/actions';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { roleChoices } from '../rules/grantable-roles';

/** Changing a person's roles: those one may give, and theirs. */
export function RolesDialog({
  member,
  roles,
  onClose,
  onSaved,
}: {
  member: StaffMember;
  /** The roles one may give here. */
  roles: Role[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Role[]>(member.roles);
  const action = useDialogAction();
  const [setRoles] = useMutation(SetStaffRolesDocument);

  const save = async () => {
    const input = { userId: member.userId, roles: chosen };
    if (await action.run(() => setRoles({ variables: { input } }))) {
      void message.success(t('staff.rolesSaved', { name: member.displayName }));
      onSaved();
      onClose();
    }
  };

  return (
    <ActionDialog
      title={t('staff.editRolesTitle', { name: member.displayName })}
      okButtonProps={{ disabled: chosen.length === 0 }}
      running={action.running}
      error={action.error}
      onOk={() => void save()}
      onClose={onClose}
    >
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
    </ActionDialog>
  );
}
