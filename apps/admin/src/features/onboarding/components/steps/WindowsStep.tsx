import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WindowKindSelect, windowRowRule } from '../../../windows/components/window-fields';
import {
  WINDOW_CODE_MAX,
  WINDOW_NAME_MAX,
  type WindowDraft,
} from '../../../windows/rules/window-rules';
import type { OnboardingDraft } from '../../rules/onboarding-rules';
import { StepNav } from './StepFooter';

/** Step 2: the hall's windows (a tenant without one stays in onboarding). */
export function WindowsStep({
  draft,
  onChange,
  onBack,
  onNext,
}: {
  draft: OnboardingDraft;
  onChange: (windows: WindowDraft[]) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ windows: WindowDraft[] }>();
  const windows: WindowDraft[] = Form.useWatch('windows', form) ?? draft.windows;
  const rows = () =>
    ((form.getFieldValue('windows') ?? []) as WindowDraft[]).map((r) => ({
      code: r?.code ?? '',
      name: r?.name ?? '',
      kind: r?.kind,
    }));

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ windows: draft.windows }}
      onValuesChange={(_changed, all: { windows: WindowDraft[] }) => onChange(all.windows ?? [])}
    >
      <Typography.Paragraph type="secondary">{t('onboarding.windowsHint')}</Typography.Paragraph>
      <Form.List name="windows">
        {(fields, { add, remove }) => (
          <Space direction="vertical" size={0} style={{ width: '100%', maxWidth: 760 }}>
            {fields.length > 0 && (
              <div style={{ display: 'flex', gap: 8, color: '#8c8c8c', paddingBottom: 4 }}>
                <span style={{ width: 120 }}>{t('windows.code')}</span>
                <span style={{ flex: 1 }}>{t('windows.name')}</span>
                <span style={{ width: 170 }}>{t('windows.kind')}</span>
                <span style={{ width: 32 }} />
              </div>
            )}
            {fields.map((field, index) => (
              <div
                key={field.key}
                style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}
                data-testid={`onboarding-window-${index}`}
              >
                <Form.Item
                  name={[field.name, 'code']}
                  rules={[windowRowRule(t, rows, index, 'code')]}
                  style={{ width: 120 }}
                >
                  <Input
                    maxLength={WINDOW_CODE_MAX}
                    placeholder="C1"
                    data-testid="onboarding-window-code"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[windowRowRule(t, rows, index, 'name')]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={WINDOW_NAME_MAX} data-testid="onboarding-window-name" />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} style={{ width: 170 }}>
                  <WindowKindSelect t={t} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('onboarding.removeWindow')}
                  title={t('onboarding.removeWindow')}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', name: '', kind: 'COMPREHENSIVE' })}
              style={{ width: '100%' }}
              data-testid="onboarding-add-window"
            >
              {t('onboarding.addWindow')}
            </Button>
          </Space>
        )}
      </Form.List>
      {windows.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16, maxWidth: 760 }}
          message={t('onboarding.noWindowsWarning')}
        />
      )}
      <StepNav form={form} onBack={onBack} onNext={onNext} />
    </Form>
  );
}
