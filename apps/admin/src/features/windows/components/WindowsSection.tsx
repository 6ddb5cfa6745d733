import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  StaffMemberSummaryFragment as StaffMember,
  WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { actionsColumn, TableSection } from '../../../shared/ui/TableSection';
import { NamedTags } from '../../../shared/ui/tags';
import { AssignStaffDialog } from './AssignStaffDialog';
import { CreateWindowDialog } from './CreateWindowDialog';
import { CameraLinkDialog } from './CameraLinkDialog';
import { RenameWindowDialog } from './RenameWindowDialog';
import { WindowActions } from './WindowActions';
import { windowColumns } from './window-fields';

/** The windows of a hall: table, and for managers a create form and staff assignment. */
export function WindowsSection({
  tenant,
  windows,
  staff,
  canManage,
  onChanged,
}: {
  tenant: { id: string; name: string };
  windows: ServiceWindow[];
  /** Undefined when the user may not read the staff list. */
  staff: StaffMember[] | undefined;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<ServiceWindow | null>(null);
  const [renaming, setRenaming] = useState<ServiceWindow | null>(null);
  const [filming, setFilming] = useState<ServiceWindow | null>(null);
  const people = (staff ?? []).map((member) => ({ id: member.userId, name: member.displayName }));

  return (
    <>
      <TableSection<ServiceWindow>
        testId="windows-section"
        data-testid="windows-table"
        action={
          canManage
            ? {
                label: t('windows.create'),
                icon: <PlusOutlined />,
                onClick: () => setCreating(true),
                testId: 'window-create',
              }
            : null
        }
        pageSize={20}
        empty={t('windows.empty')}
        rowKey="id"
        dataSource={windows}
        rowClassName={(window) => (window.disabled ? 'windows-row-disabled' : '')}
        columns={[
          ...windowColumns<ServiceWindow>(t, { code: 100, kind: 150 }),
          {
            title: t('windows.state'),
            dataIndex: 'disabled',
            width: 90,
            render: (disabled: boolean, window) => (
              <Tag
                color={disabled ? 'default' : 'success'}
                data-testid={`window-state-${window.code}`}
              >
                {t(disabled ? 'windows.stateDisabled' : 'windows.stateActive')}
              </Tag>
            ),
          },
          {
            title: t('windows.staff'),
            dataIndex: 'staffIds',
            render: (ids: string[]) => {
              if (ids.length === 0)
                return (
                  <Typography.Text type="secondary">{t('windows.unassigned')}</Typography.Text>
                );
              if (!staff) return t('windows.staffCount', { count: ids.length });
              return <NamedTags ids={ids} among={people} />;
            },
          },
          ...actionsColumn<ServiceWindow>(canManage, t('common.actions'), 200, (window) => (
            <WindowActions
              window={window}
              // Assigning needs the staff list.
              assign={
                staff && (
                  <Button
                    size="small"
                    type="link"
                    icon={<TeamOutlined />}
                    onClick={() => setAssigning(window)}
                  >
                    {t('windows.assign')}
                  </Button>
                )
              }
              onRename={() => setRenaming(window)}
              onCamera={() => setFilming(window)}
              onChanged={onChanged}
            />
          )),
        ]}
      />
      {creating && (
        <CreateWindowDialog
          tenant={tenant}
          existing={windows}
          onClose={() => setCreating(false)}
          onCreated={onChanged}
        />
      )}
      {filming && (
        <CameraLinkDialog window={filming} onClose={() => setFilming(null)} onSaved={onChanged} />
      )}
      {renaming && (
        <RenameWindowDialog
          window={renaming}
          onClose={() => setRenaming(null)}
          onSaved={onChanged}
        />
      )}
      {assigning && staff && (
        <AssignStaffDialog
          window={assigning}
          staff={staff}
          onClose={() => setAssigning(null)}
          onSaved={onChanged}
        />
      )}
    </>
  );
}
