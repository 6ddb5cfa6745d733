import { useQuery } from '@apollo/client/react';
import { Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MenuTemplatesDocument, type TenantKind } from '../../../../shared/api/graphql.generated';

/**
 * The item menu a new center starts with: one of its county's templates of the center's tier.
 * Shown only to those who may read the county's templates (a county administrator); without
 * one the center opens with no menu and its county gives it one later.
 */
export function MenuTemplateField({
  countyId,
  kind,
  value,
  onChange,
}: {
  countyId: string | null;
  kind: TenantKind;
  value: string | null;
  onChange: (templateId: string | null) => void;
}) {
  const { t } = useTranslation();
  const templates = useQuery(MenuTemplatesDocument, {
    variables: { countyId: countyId ?? '' },
    skip: !countyId,
  });
  const options = (templates.data?.menuTemplates ?? [])
    .filter((template) => template.tier === kind)
    .map((template) => ({
      value: template.id,
      label: t('onboarding.menuTemplateOption', {
        name: template.name,
        count: template.itemCodes.length,
      }),
    }));
  if (!countyId || templates.error || (templates.data && options.length === 0)) return null;
  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 480 }}>
      <Form.Item label={t('onboarding.menuTemplate')} extra={t('onboarding.menuTemplateHint')}>
        <Select
          allowClear
          loading={templates.loading}
          value={value}
          placeholder={t('onboarding.menuTemplateNone')}
          onChange={(id?: string) => onChange(id ?? null)}
          options={options}
          data-testid="onboarding-menu-template"
        />
      </Form.Item>
      {value === null && (
        <Typography.Text type="secondary">{t('onboarding.menuTemplateLater')}</Typography.Text>
      )}
    </Form>
  );
}
