import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IssuedSetupLinkFragment as SetupLink,
  TenantSummaryFragment as TenantSummary,
} from '../../../../shared/api/graphql.generated';
import { ErrorAlert } from '../../../../shared/ui/ErrorAlert';
import { roleLabel, tenantKindLabel } from '../../../../shared/i18n/labels';
import { Code, Facts } from '../../../../shared/ui/Facts';
import { TenantKindTag, TenantStatusTag } from '../../../../shared/ui/tags';
import { windowColumns } from '../../../windows/components/window-fields';
import { type OnboardingPreview, useOnboardingPreview } from '../../hooks/useOnboardingPreview';
import {
  type Issue,
  type IssueContext,
  issueText,
  onboardingInput,
  type OnboardingDraft,
  type ParentLike,
} from '../../rules/onboarding-rules';
import { MenuTemplateField } from './MenuTemplateField';
import { BackButton, StepFooter } from './StepFooter';

/** How the server's check came out: checking, failed, what stops onboarding, or all clear. */
function Verdict({
  loading,
  error,
  issues,
  context,
}: {
  loading: boolean;
  error: unknown;
  issues: Issue[];
  context: IssueContext;
}) {
  const { t } = useTranslation();
  if (loading) {
    return (
      <Alert type="info" showIcon icon={<Spin size="small" />} message={t('onboarding.checking')} />
    );
  }
  if (error) {
    return (
      <ErrorAlert
        title={t('onboarding.previewFailed')}
        error={error}
        testId="onboarding-preview-error"
      />
    );
  }
  if (issues.length > 0) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('onboarding.previewProblems', { count: issues.length })}
        description={
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {issues.map((issue) => (
              <li key={`${issue.code}:${issue.message}`} data-code={issue.code}>
                {issueText(t, issue, context)}
              </li>
            ))}
          </ul>
        }
        data-testid="onboarding-problems"
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      message={t('onboarding.previewOk')}
      data-testid="onboarding-preview-ok"
    />
  );
}

/** What onboarding will create: the tenant, its first account, its windows. */
function WillCreate({ preview }: { preview: OnboardingPreview }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Facts
        title={t('onboarding.willCreate')}
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        testId="onboarding-preview-facts"
        facts={[
          [
            'parent',
            t('onboarding.parent'),
            <Space size={4}>
              {preview.parent.name}
              <TenantKindTag kind={preview.parent.kind} />
            </Space>,
          ],
          ['kind', t('onboarding.kind'), tenantKindLabel(t, preview.kind)],
          ['code', t('onboarding.divisionCode'), <Code>{preview.divisionCode}</Code>],
          ['name', t('onboarding.name'), preview.name],
          ['status', t('onboarding.initialStatus'), <TenantStatusTag status="ONBOARDING" />],
          [
            'manager',
            t('onboarding.account'),
            <Space size={4} wrap>
              {preview.managerDisplayName}
              <Code>{preview.managerUsername}</Code>
              <Typography.Text type="secondary">·</Typography.Text>
              {roleLabel(t, preview.managerRole)}
            </Space>,
          ],
        ]}
      />
      <Table
        size="small"
        rowKey={(row) => row.code}
        pagination={false}
        dataSource={preview.windows}
        locale={{ emptyText: <Empty description={t('onboarding.noWindowsWarning')} /> }}
        title={() => <Typography.Text strong>{t('windows.windowsTitle')}</Typography.Text>}
        columns={windowColumns(t, { code: 120, kind: 180 })}
      />
      <Typography.Text type="secondary">{t('onboarding.activationNote')}</Typography.Text>
    </Space>
  );
}

/** Step 4: the server checks the whole draft (writing nothing); then onboarding for real. */
export function PreviewStep({
  draft,
  parent,
  countyId,
  onMenuTemplate,
  onBack,
  onDone,
}: {
  draft: OnboardingDraft;
  /** The parent chosen (its kind and code name what a problem is about). */
  parent: ParentLike;
  /** The county whose menu templates may give the new center its menu. */
  countyId: string | null;
  onMenuTemplate: (templateId: string | null) => void;
  onBack: () => void;
  onDone: (tenant: TenantSummary, link: SetupLink) => void;
}) {
  const { t } = useTranslation();
  const input = useMemo(() => onboardingInput(draft), [draft]);
  const check = useOnboardingPreview(input, onDone);
  const context: IssueContext = {
    kind: input.kind,
    parent: check.preview?.parent ?? parent,
    divisionCode: input.divisionCode,
    username: input.manager.username,
  };

  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="onboarding-preview"
    >
      <Verdict
        loading={check.loading}
        error={check.error}
        issues={check.issues}
        context={context}
      />
      {check.commitError !== null && (
        <ErrorAlert
          title={t('onboarding.commitFailed')}
          error={check.commitError}
          testId="onboarding-commit-error"
        />
      )}
      {check.preview && <WillCreate preview={check.preview} />}
      <MenuTemplateField
        countyId={countyId}
        kind={draft.kind}
        value={draft.menuTemplateId}
        onChange={onMenuTemplate}
      />
      <StepFooter>
        <BackButton onBack={onBack} disabled={check.committing} />
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void check.load()}
          loading={check.loading}
          disabled={check.committing}
        >
          {t('onboarding.recheck')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={!check.canCommit}
          loading={check.committing}
          onClick={() => void check.commit()}
          data-testid="onboarding-commit"
        >
          {t('onboarding.commit')}
        </Button>
      </StepFooter>
    </Space>
  );
}
