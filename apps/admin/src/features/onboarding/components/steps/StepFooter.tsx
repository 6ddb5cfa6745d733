import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Button, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The buttons under a step, on the right. */
export function StepFooter({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'flex-end',
        gap: 8,
        borderTop: '1px solid #f0f0f0',
        paddingTop: 16,
        marginTop: 8,
      }}
    >
      {children}
    </div>
  );
}

/** Back to the step before, if there is one. */
export function BackButton({ onBack, disabled }: { onBack: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button onClick={onBack} icon={<ArrowLeftOutlined />} disabled={disabled}>
      {t('common.previous')}
    </Button>
  );
}

/** Previous and next: next only once the step's form shows nothing to fix. */
export function StepNav({
  form,
  onBack,
  onNext,
}: {
  form: FormInstance;
  onBack?: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const next = async () => {
    try {
      await form.validateFields();
      onNext();
    } catch {
      // the form shows what to fix
    }
  };
  return (
    <StepFooter>
      {onBack && <BackButton onBack={onBack} />}
      <Button type="primary" onClick={() => void next()} data-testid="onboarding-next">
        {t('common.next')} <ArrowRightOutlined />
      </Button>
    </StepFooter>
  );
}
