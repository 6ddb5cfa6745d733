import { useMutation } from '@apollo/client/react';
import { App, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AssignStaffToWindowDocument,
  type StaffMemberSummaryFragment as StaffMember,
  UnassignStaffFromWindowDocument,
  type WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { useDialogAction } from '../../../shared/ui/actions';
import { ActionDialog } from '../../../shared/ui/ActionDialog';

/** Who works at a window: the hall's people, a disabled account only if already there. */
export function AssignStaffDialog({
  window,
  staff,
  onClose,
  onSaved,
}: {
  window: ServiceWindow;
  staff: StaffMember[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>(window.staffIds);
  const action = useDialogAction();
  const [assign] = useMutation(AssignStaffToWindowDocument);
  const [unassign] = useMutation(UnassignStaffFromWindowDocument);

  const save = async () => {
    const saved = await action.run(async () => {
      for (const userId of chosen.filter((id) => !window.staffIds.includes(id))) {
        await assign({ variables: { input: { windowId: window.id, userId } } });
      }
      for (const userId of window.staffIds.filter((id) => !chosen.includes(id))) {
        await unassign({ variables: { input: { windowId: window.id, userId } } });
      }
    });
    if (saved) void message.success(t('windows.assigned', { name: window.name }));
    onSaved(); // after a failure too: some changes may have gone through
    if (saved) onClose();
  };

  return (
    <ActionDialog
      title={t('windows.assignTitle', { name: window.name })}
      running={action.running}
      error={action.error}
      onOk={() => void save()}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('windows.assignHint')}</Typography.Paragraph>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={chosen}
        onChange={setChosen}
        notFoundContent={t('windows.assignNobody')}
        optionFilterProp="label"
        options={staff
          .filter((member) => member.status !== 'DISABLED' || chosen.includes(member.userId))
          .map((member) => ({
            value: member.userId,
            label: `${member.displayName} (${member.username})`,
          }))}
      />
    </ActionDialog>
  );
}
