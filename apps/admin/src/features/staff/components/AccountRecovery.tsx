import { useMutation } from '@apollo/client/react';
import { KeyOutlined, LinkOutlined, UnlockOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type IssuedSetupLinkFragment as SetupLink,
  IssueSetupLinkDocument,
  ResetStaffPasswordDocument,
  UnlockStaffDocument,
} from '../../../shared/api/graphql.generated';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';
import type { MemberActionProps } from './AccountSwitch';
import { SetupLinkModal } from './SetupLinkNotice';

/**
 * Getting a person back in: a new setup link while their invitation is pending, a password
 * reset (by a setup link) once active, and lifting a lock-out. Each new link is shown once.
 */
export function AccountRecovery({ member, onChanged }: MemberActionProps) {
  const { t } = useTranslation();
  const [issueLink] = useMutation(IssueSetupLinkDocument);
  const [resetPassword] = useMutation(ResetStaffPasswordDocument);
  const [unlock] = useMutation(UnlockStaffDocument);
  const [issued, setIssued] = useState<{ link: SetupLink; done: string } | null>(null);
  const input = { userId: member.userId };
  const name = member.displayName;
  const pending = member.status === 'INVITED';

  const newLink = async () => {
    const { data } = pending
      ? await issueLink({ variables: { input } }).then((r) => ({ data: r.data?.issueSetupLink }))
      : await resetPassword({ variables: { input } }).then((r) => ({
          data: r.data?.resetStaffPassword,
        }));
    if (data) {
      setIssued({
        link: data.setupLink,
        done: t(pending ? 'staff.linkIssued' : 'staff.passwordReset', { name }),
      });
    }
  };

  return (
    <>
      {member.status !== 'DISABLED' && (
        <ConfirmAction
          label={t(pending ? 'staff.newLink' : 'staff.resetPassword')}
          confirm={t(pending ? 'staff.newLinkConfirm' : 'staff.resetPasswordConfirm', { name })}
          success={t(pending ? 'staff.linkIssued' : 'staff.passwordReset', { name })}
          run={newLink}
          onChanged={onChanged}
          icon={pending ? <LinkOutlined /> : <KeyOutlined />}
          testId={`staff-${pending ? 'new-link' : 'reset-password'}-${member.username}`}
        />
      )}
      {member.locked && (
        <ConfirmAction
          label={t('staff.unlock')}
          confirm={t('staff.unlockConfirm', { name })}
          success={t('staff.unlocked', { name })}
          run={() => unlock({ variables: { input } })}
          onChanged={onChanged}
          icon={<UnlockOutlined />}
          testId={`staff-unlock-${member.username}`}
        />
      )}
      {issued && (
        <SetupLinkModal
          title={t('staff.linkTitle', { name })}
          done={issued.done}
          link={issued.link}
          testId="staff-setup-link"
          onClose={() => setIssued(null)}
        />
      )}
    </>
  );
}
