import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  DisableStaffDocument,
  EnableStaffDocument,
  type StaffMemberSummaryFragment as StaffMember,
} from '../../../shared/api/graphql.generated';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';

/** One person's row action: the person, and what to call once it changed something. */
export interface MemberActionProps {
  member: StaffMember;
  onChanged: () => void;
}

/** Disables an account (its sessions end at once), or enables it again. */
export function AccountSwitch({ member, onChanged }: MemberActionProps) {
  const { t } = useTranslation();
  const disabled = member.status === 'DISABLED';
  const [disable] = useMutation(DisableStaffDocument);
  const [enable] = useMutation(EnableStaffDocument);
  const input = { userId: member.userId };
  const name = member.displayName;
  return (
    <ConfirmAction
      label={t(disabled ? 'staff.enable' : 'staff.disable')}
      confirm={t(disabled ? 'staff.enableConfirm' : 'staff.disableConfirm', { name })}
      success={t(disabled ? 'staff.enabled' : 'staff.disabled', { name })}
      run={() => (disabled ? enable({ variables: { input } }) : disable({ variables: { input } }))}
      onChanged={onChanged}
      danger={!disabled}
      testId={`staff-${disabled ? 'enable' : 'disable'}-${member.username}`}
    />
  );
}
