import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialForm } from '../../../shared/api/graphql.generated';
import { materialFreedom } from '../rules/localization';

/**
 * The entry's materials: each may be made optional, accepted as a copy, or removed; what the
 * standard does not ask for cannot be asked for here (the switches only relax).
 */
export function MaterialsField({
  standard,
}: {
  standard: readonly { name: string; form: MaterialForm; required: boolean }[];
}) {
  const { t } = useTranslation();
  return (
    <Form.List name="materials">
      {(fields, { remove }) => (
        <Card size="small" title={t('implementation.materials')} data-testid="entry-materials">
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('implementation.noMaterials')}</Typography.Text>
          )}
          {fields.map((field) => (
            <MaterialRow
              key={field.key}
              index={field.name}
              standard={standard}
              onRemove={() => remove(field.name)}
            />
          ))}
        </Card>
      )}
    </Form.List>
  );
}

function MaterialRow({
  index,
  standard,
  onRemove,
}: {
  index: number;
  standard: readonly { name: string; form: MaterialForm; required: boolean }[];
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const name = Form.useWatch(['materials', index, 'name'], form) as string | undefined;
  const freedom = materialFreedom(standard, name ?? '');
  return (
    <div style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', padding: '8px 0' }}>
      {/* The name is fixed; a refusal of this material shows under it. */}
      <Form.Item name={[index, 'name']} style={{ marginBottom: 4 }}>
        <MaterialName />
      </Form.Item>
      <Space wrap>
        <Form.Item name={[index, 'required']} valuePropName="checked" noStyle>
          <Switch size="small" disabled={!freedom.mayRequire} />
        </Form.Item>
        <span>{t('implementation.required')}</span>
        <Form.Item
          name={[index, 'form']}
          noStyle
          getValueProps={(value: MaterialForm) => ({ checked: value === 'COPY' })}
          getValueFromEvent={(copy: boolean) => (copy ? 'COPY' : 'ORIGINAL')}
        >
          <Switch size="small" disabled={!freedom.mayAskOriginal} />
        </Form.Item>
        <span>{t('implementation.copyAccepted')}</span>
        <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onRemove}>
          {t('implementation.removeMaterial')}
        </Button>
      </Space>
    </div>
  );
}

function MaterialName({ value }: { value?: string }) {
  return <Typography.Text strong>{value}</Typography.Text>;
}
