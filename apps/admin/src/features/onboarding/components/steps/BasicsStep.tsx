import { Form, Input, Radio, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../../shared/i18n/describe';
import { tenantKindLabel } from '../../../../shared/i18n/labels';
import { problemRule } from '../../../../shared/ui/form-rules';
import type { TenantListItem } from '../../../tenants/hooks/useTenantList';
import { buildTenantTree, mapTenantTree } from '../../../tenants/rules/tenant-tree';
import {
  exampleKind,
  childKindsFor,
  divisionCodeProblems,
  divisionCodeShape,
  NAME_MAX,
  nameProblems,
  type OnboardingDraft,
} from '../../rules/onboarding-rules';
import { StepNav } from './StepFooter';

type Basics = Pick<OnboardingDraft, 'parentId' | 'kind' | 'divisionCode' | 'name'>;

/** Step 1: where the new tenant goes, its kind, division code and name. */
export function BasicsStep({
  draft,
  parents,
  onChange,
  onNext,
}: {
  draft: OnboardingDraft;
  parents: TenantListItem[];
  onChange: (patch: Partial<OnboardingDraft>) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Basics>();
  const options = useMemo(
    () =>
      mapTenantTree(buildTenantTree(parents), (tenant) => ({
        value: tenant.id,
        label: tenant.name,
        title: (
          <span>
            {tenant.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tenant.divisionCode}
            </Typography.Text>
          </span>
        ),
        selectable: true,
      })),
    [parents],
  );
  const byId = useMemo(() => new Map(parents.map((p) => [p.id, p])), [parents]);
  const parent = byId.get(draft.parentId);
  const kinds = parent ? childKindsFor(parent.kind) : [];
  const shape = parent ? divisionCodeShape(draft.kind, parent) : null;

  // A new parent may not take the kind chosen so far: its first possible kind then.
  const changed = (changes: Partial<Basics>) => {
    const patch: Partial<OnboardingDraft> = { ...changes };
    const chosen = changes.parentId ? byId.get(changes.parentId) : undefined;
    const allowed = chosen ? childKindsFor(chosen.kind) : [];
    if (chosen && !allowed.includes(form.getFieldValue('kind'))) {
      patch.kind = allowed[0];
      form.setFieldValue('kind', allowed[0]);
    }
    onChange(patch);
    if (form.getFieldValue('divisionCode'))
      void form.validateFields(['divisionCode']).catch(() => undefined);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={draft}
      onValuesChange={changed}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        label={t('onboarding.parent')}
        name="parentId"
        extra={t('onboarding.parentHint')}
        rules={[{ required: true, message: t('onboarding.parentRequired') }]}
      >
        <TreeSelect
          treeData={options}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="label"
          treeNodeLabelProp="label"
          data-testid="onboarding-parent"
        />
      </Form.Item>
      <Form.Item label={t('onboarding.kind')} name="kind">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={kinds.map((kind) => ({ value: kind, label: tenantKindLabel(t, kind) }))}
          data-testid="onboarding-kind"
        />
      </Form.Item>
      <Form.Item
        label={t('onboarding.divisionCode')}
        name="divisionCode"
        extra={shape ? t('onboarding.codeHint', shape) : undefined}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_: unknown, value: string) => {
              const chosen = byId.get(getFieldValue('parentId'));
              if (!chosen) return;
              const [problem] = divisionCodeProblems(
                (value ?? '').trim(),
                getFieldValue('kind'),
                chosen,
              );
              if (problem) throw new Error(problemText(t, problem));
            },
          }),
        ]}
      >
        <Input
          inputMode="numeric"
          maxLength={12}
          placeholder={shape ? shape.example : ''}
          style={{
            maxWidth: 260,
            fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          }}
          data-testid="onboarding-division-code"
        />
      </Form.Item>
      <Form.Item label={t('onboarding.name')} name="name" rules={[problemRule(t, nameProblems)]}>
        <Input
          maxLength={NAME_MAX}
          placeholder={t(`onboarding.examples.${exampleKind(draft.kind)}.name`)}
          style={{ maxWidth: 360 }}
          data-testid="onboarding-name"
        />
      </Form.Item>
      <StepNav form={form} onNext={onNext} />
    </Form>
  );
}
