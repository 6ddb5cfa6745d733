import { Card, Result, Skeleton, Space, Steps } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IssuedSetupLinkFragment as SetupLink,
  TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader } from '../../../shared/ui/PageHeader';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { useTenantList } from '../../tenants/hooks/useTenantList';
import { initialDraft, type OnboardingDraft, withBasics } from '../rules/onboarding-rules';
import { BasicsStep } from './steps/BasicsStep';
import { DoneStep } from './steps/DoneStep';
import { ManagerStep } from './steps/ManagerStep';
import { PreviewStep } from './steps/PreviewStep';
import { WindowsStep } from './steps/WindowsStep';

const STEP_KEYS = ['basics', 'windows', 'manager', 'preview', 'done'] as const;
const DONE = STEP_KEYS.indexOf('done');

/** Opening a township center or village station, step by step, checked by the server. */
export function OnboardingPage({ user, parentId }: { user: CurrentUser; parentId: string | null }) {
  const { t } = useTranslation();
  const list = useTenantList();
  // Where the server lets the user open one (and not below a suspended tenant).
  const parents = useMemo(
    () =>
      (list.tenants ?? []).filter(
        (tenant) => tenant.viewerCan.onboardBelow && tenant.status !== 'SUSPENDED',
      ),
    [list.tenants],
  );
  const names = useMemo(
    () => ({
      comprehensive: t('onboarding.suggestedComprehensive'),
      proxy: t('onboarding.suggestedProxy'),
    }),
    [t],
  );
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<OnboardingDraft | null>(null);
  const [windowsTouched, setWindowsTouched] = useState(false);
  const [result, setResult] = useState<{ tenant: TenantSummary; link: SetupLink } | null>(null);
  // The first draft, once the tenants are in.
  useEffect(() => {
    if (list.tenants && draft === null) {
      setDraft(initialDraft(parents, [parentId, user.tenant.id], names));
    }
  }, [list.tenants, parents, draft, parentId, user.tenant.id, names]);

  const restart = () => {
    setDraft(initialDraft(parents, [parentId, user.tenant.id], names));
    setWindowsTouched(false);
    setResult(null);
    setStep(0);
    void list.reload();
  };
  // The county above the new center: the parent itself, or the township's parent.
  const countyOf = (parentId: string): string | null => {
    const parent = parents.find((p) => p.id === parentId);
    if (!parent) return null;
    return parent.kind === 'COUNTY' ? parent.id : (parent.parentId ?? null);
  };
  const update = (change: (current: OnboardingDraft) => OnboardingDraft) =>
    setDraft((current) => (current ? change(current) : current));

  let body: ReactNode;
  if (!list.tenants || (draft === null && parents.length > 0)) {
    body = list.error ? (
      <LoadFailure title={t('tenants.loadError')} error={list.error} />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    );
  } else if (draft === null) {
    body = <Result status="info" title={t('onboarding.noParents')} />;
  } else if (step === 0) {
    body = (
      <BasicsStep
        draft={draft}
        parents={parents}
        onChange={(patch) => update((current) => withBasics(current, patch, windowsTouched, names))}
        onNext={() => setStep(1)}
      />
    );
  } else if (step === 1) {
    body = (
      <WindowsStep
        draft={draft}
        onChange={(windows) => {
          setWindowsTouched(true);
          update((current) => ({ ...current, windows }));
        }}
        onBack={() => setStep(0)}
        onNext={() => setStep(2)}
      />
    );
  } else if (step === 2) {
    body = (
      <ManagerStep
        draft={draft}
        onChange={(manager) => update((current) => ({ ...current, manager }))}
        onBack={() => setStep(1)}
        onNext={() => setStep(3)}
      />
    );
  } else if (step === 3) {
    body = (
      <PreviewStep
        draft={draft}
        parent={parents.find((p) => p.id === draft.parentId) ?? user.tenant}
        countyId={countyOf(draft.parentId)}
        onMenuTemplate={(menuTemplateId) => update((current) => ({ ...current, menuTemplateId }))}
        onBack={() => setStep(2)}
        onDone={(tenant, link) => {
          setResult({ tenant, link });
          setStep(DONE);
        }}
      />
    );
  } else if (result) {
    body = <DoneStep tenant={result.tenant} link={result.link} draft={draft} onAnother={restart} />;
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('onboarding.title')} subtitle={t('onboarding.subtitle')} />
      <Card>
        <Steps
          current={step}
          status={step === DONE ? 'finish' : 'process'}
          size="small"
          style={{ marginBottom: 28 }}
          onChange={(target) => {
            // Back to an earlier step; none once onboarded.
            if (step < DONE && target < step) setStep(target);
          }}
          items={STEP_KEYS.map((key, index) => ({
            title: t(`onboarding.steps.${key}`),
            disabled: step === DONE || index >= step,
          }))}
          data-testid="onboarding-steps"
        />
        {body}
      </Card>
    </Space>
  );
}
