import { useMutation } from '@apollo/client/react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DisableStaffDocument,
  EnableStaffDocument,
  type StaffMemberSummaryFragment as StaffMember,
} from '../../../shared/api/graphql.generated';
import { useQuickAction } from '../../../shared/ui/actions';
import { Confirm } from '../../../shared/ui/Confirm';

/** Disables an account (its sessions end at once), or enables it again. */
export function AccountSwitch({
  member,
  onChanged,
}: {
  member: StaffMember;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const disabled = member.status === 'DISABLED';
  const [disable, disabling] = useMutation(DisableStaffDocument);
  const [enable, enabling] = useMutation(EnableStaffDocument);
  const quick = useQuickAction(onChanged);
  const input = { userId: member.userId };

  return (
    <Confirm
      title={t(disabled ? 'staff.enableConfirm' : 'staff.disableConfirm', {
        name: member.displayName,
      })}
      onConfirm={() =>
        quick(
          () => (disabled ? enable({ variables: { input } }) : disable({ variables: { input } })),
          t(disabled ? 'staff.enabled' : 'staff.disabled', { name: member.displayName }),
        )
      }
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
    </Confirm>
  );
}
