import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { actionsColumn, TableSection } from '../../../shared/ui/TableSection';
import {
  type MenuTemplate,
  useDeleteMenuTemplate,
  useMenuTemplates,
} from '../hooks/useImplementation';
import { ApplyTemplateDialog } from './ApplyTemplateDialog';
import { TemplateDialog } from './TemplateDialog';

type Dialog =
  { kind: 'edit'; template: MenuTemplate | null } | { kind: 'apply'; template: MenuTemplate };

/** 菜单模板: a county's tier menus, edited, deleted and applied to a center below. */
export function MenuTemplatesCard({ countyId, manages }: { countyId: string; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const { templates, error, loading, refetch } = useMenuTemplates(countyId);
  const { remove } = useDeleteMenuTemplate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  return (
    <Card
      title={t('implementation.templates.title')}
      extra={
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('implementation.templates.subtitle')}</span>
      }
      data-testid="menu-templates"
    >
      {error && (
        <ErrorAlert
          title={t('implementation.templates.loadError')}
          error={error}
          testId="menu-templates-error"
        />
      )}
      <TableSection<MenuTemplate>
        testId="menu-templates-table"
        rowKey="id"
        loading={loading}
        dataSource={templates}
        pageSize={20}
        empty={t('implementation.templates.empty')}
        action={
          manages
            ? {
                label: t('implementation.templates.create'),
                icon: <PlusOutlined />,
                onClick: () => setDialog({ kind: 'edit', template: null }),
                testId: 'template-create',
              }
            : null
        }
        columns={[
          { title: t('implementation.templates.name'), dataIndex: 'name', width: 220 },
          {
            title: t('implementation.templates.tier'),
            dataIndex: 'tier',
            width: 120,
            render: (tier: string) => <Tag>{t(`catalogue.tier.${tier}`)}</Tag>,
          },
          {
            title: t('implementation.templates.items'),
            key: 'items',
            width: 100,
            render: (_, template) =>
              t('implementation.templates.itemCount', { count: template.itemCodes.length }),
          },
          {
            title: t('implementation.templates.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (at: string) => formatDateTime(i18n.language, at),
          },
          ...actionsColumn<MenuTemplate>(manages, t('common.actions'), 260, (template) => (
            <Space size={0} wrap>
              <Button
                size="small"
                type="link"
                icon={<SendOutlined />}
                onClick={() => setDialog({ kind: 'apply', template })}
                data-testid={`template-apply-${template.name}`}
              >
                {t('implementation.templates.apply')}
              </Button>
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setDialog({ kind: 'edit', template })}
                data-testid={`template-edit-${template.name}`}
              >
                {t('implementation.edit')}
              </Button>
              <ConfirmAction
                label={t('implementation.templates.delete')}
                confirm={t('implementation.templates.deleteConfirm', { name: template.name })}
                success={t('implementation.templates.delete')}
                run={() => remove(template.id)}
                onChanged={() => void refetch()}
                icon={<DeleteOutlined />}
                danger
                testId={`template-delete-${template.name}`}
              />
            </Space>
          )),
        ]}
      />
      {dialog?.kind === 'edit' && (
        <TemplateDialog
          countyId={countyId}
          template={dialog.template}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'apply' && (
        <ApplyTemplateDialog template={dialog.template} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
