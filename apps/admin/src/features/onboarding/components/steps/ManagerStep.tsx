import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../../../shared/i18n/labels';
import { AccountFields } from '../../../staff/components/AccountFields';
import { DISPLAY_NAME_MAX } from '../../../staff/rules/account-rules';
import { exampleKind, firstManagerRole, type OnboardingDraft } from '../../rules/onboarding-rules';
import { StepNav } from './StepFooter';

/** Step 3: the first manager's account (they set their password with a one-time link). */
export function ManagerStep({
  draft,
  onChange,
  onBack,
  onNext,
}: {
  draft: OnboardingDraft;
  onChange: (manager: OnboardingDraft['manager']) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OnboardingDraft['manager']>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={draft.manager}
      onValuesChange={(_changed, all: OnboardingDraft['manager']) => onChange(all)}
      style={{ maxWidth: 640 }}
    >
      <Typography.Paragraph type="secondary">{t('onboarding.managerHint')}</Typography.Paragraph>
      <AccountFields
        testIdPrefix="onboarding-manager"
        placeholders={{
          username: t(`onboarding.examples.${exampleKind(draft.kind)}.username`),
          displayName: t(`onboarding.examples.${exampleKind(draft.kind)}.displayName`),
        }}
        inputStyle={{ maxWidth: 360 }}
        displayNameMaxLength={DISPLAY_NAME_MAX}
      />
      <Form.Item label={t('onboarding.managerRole')}>
        <Typography.Text strong>{roleLabel(t, firstManagerRole(draft.kind))}</Typography.Text>
      </Form.Item>
      <StepNav form={form} onBack={onBack} onNext={onNext} />
    </Form>
  );
}
