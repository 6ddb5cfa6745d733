import { Alert, Form, Input, Radio, Transfer } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceTier } from '../../../shared/api/graphql.generated';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { useDialogAction } from '../../../shared/ui/actions';
import {
  type MenuTemplate,
  useImplementationItems,
  useSaveMenuTemplate,
} from '../hooks/useImplementation';
import { chosenFor, offeredAt } from '../rules/menu-template';

type Tier = Extract<ServiceTier, 'TOWNSHIP' | 'VILLAGE'>;

// A county's list fits one page of the API's largest (500); the demo county has 197.
const WHOLE_LIST = 500;

/** Creating or changing a template: its name, tier, and items chosen from the county's list. */
export function TemplateDialog({
  countyId,
  template,
  onClose,
}: {
  countyId: string;
  template: MenuTemplate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(template?.name ?? '');
  const [tier, setTier] = useState<Tier>((template?.tier as Tier | undefined) ?? 'TOWNSHIP');
  const [codes, setCodes] = useState<string[]>(template?.itemCodes ?? []);
  const list = useImplementationItems(countyId, '', null, WHOLE_LIST);
  const { save } = useSaveMenuTemplate();
  const action = useDialogAction();
  const offered = useMemo(
    () =>
      list.items
        .filter((item) => offeredAt(item, tier))
        .map((item) => ({ key: item.code, title: `${item.code} ${item.standard.name}` })),
    [list.items, tier],
  );
  const chosen = chosenFor(list.items, codes, tier);
  const nameMissing = name.trim() === '';
  const submit = async () => {
    if (nameMissing) return;
    const done = await action.run(() =>
      save({ countyId, id: template?.id ?? null, name: name.trim(), tier, itemCodes: chosen }),
    );
    if (done) onClose();
  };
  return (
    <ActionDialog
      title={t(`implementation.templates.${template ? 'editTitle' : 'createTitle'}`)}
      running={action.running}
      error={action.error}
      onOk={() => void submit()}
      onClose={onClose}
      // Not before the list is in: the chosen items are read against it.
      okButtonProps={{ disabled: nameMissing || !list.data, 'data-testid': 'template-save' }}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('implementation.templates.name')} required>
          <Input
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            data-testid="template-name"
          />
        </Form.Item>
        <Form.Item label={t('implementation.templates.tier')} required>
          <Radio.Group
            value={tier}
            onChange={(event) => setTier(event.target.value as Tier)}
            data-testid="template-tier"
            options={(['TOWNSHIP', 'VILLAGE'] as const).map((value) => ({
              value,
              label: t(`catalogue.tier.${value}`),
            }))}
          />
        </Form.Item>
        {tier === 'VILLAGE' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('implementation.templates.villageHint')}
          />
        )}
        <div data-testid="template-items">
          <Transfer
            dataSource={offered}
            targetKeys={chosen}
            onChange={(keys) => setCodes(keys.map(String))}
            render={(item) => item.title}
            showSearch
            filterOption={(text, item) => item.title.includes(text.trim())}
            titles={[t('implementation.templates.available'), t('implementation.templates.chosen')]}
            locale={{ searchPlaceholder: t('implementation.templates.searchItems') }}
            listStyle={{ width: '100%', height: 320 }}
          />
        </div>
      </Form>
    </ActionDialog>
  );
}
