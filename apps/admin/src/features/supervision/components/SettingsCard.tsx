import { useApolloClient } from '@apollo/client/react';
import { App as AntApp, Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SetSupervisionSettingsDocument,
  type SupervisionSettingsFieldsFragment as Settings,
} from '../../../shared/api/graphql.generated';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { type Fact, Facts } from '../../../shared/ui/Facts';

type Key = keyof Omit<Settings['effective'], '__typename'>;
const KEYS: Key[] = [
  'yellowShare',
  'yellowWorkingDays',
  'rectificationWorkingDays',
  'defaultRatingAfterDays',
  'defaultRating',
  'rateAtAcceptance',
  'complaintWorkingDays',
];

/** The settings in force here, where each comes from, and (a province or county) its own. */
export function SettingsCard({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const show = (key: Key, value: unknown) =>
    value === null || value === undefined
      ? '—'
      : key === 'rateAtAcceptance'
        ? value
          ? t('supervision.yes')
          : t('supervision.no')
        : key === 'yellowShare'
          ? `${Math.round(Number(value) * 100)}%`
          : String(value);
  const facts: Fact[] = KEYS.map((key) => {
    const source = settings.sources.find((s) => s.field === key);
    return [
      key,
      t(`supervision.settings.${key}`),
      <span key={key}>
        {show(key, settings.effective[key])}
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {source?.tenantName
            ? t('supervision.settingsFrom', { tenant: source.tenantName })
            : t('supervision.settingsDefault')}
        </Typography.Text>
      </span>,
    ];
  });
  return (
    <Card
      title={t('supervision.settingsTitle')}
      extra={
        settings.mayEdit && (
          <Button onClick={() => setEditing(true)} data-testid="settings-edit">
            {t('supervision.settingsEdit')}
          </Button>
        )
      }
      data-testid="supervision-settings"
    >
      <Typography.Paragraph type="secondary">{t('supervision.settingsHint')}</Typography.Paragraph>
      <Facts facts={facts} column={1} size="small" testId="settings-facts" />
      {editing && (
        <SettingsDialog
          settings={settings}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      )}
    </Card>
  );
}

function SettingsDialog({
  settings,
  onClose,
  onSaved,
}: {
  settings: Settings;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { message } = AntApp.useApp();
  const [own, setOwn] = useState<Record<Key, number | boolean | null>>(
    Object.fromEntries(KEYS.map((key) => [key, settings.own[key] ?? null])) as Record<
      Key,
      number | boolean | null
    >,
  );
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setRunning(true);
    setError(null);
    try {
      await client.mutate({
        mutation: SetSupervisionSettingsDocument,
        variables: {
          input: {
            tenantId: settings.tenantId,
            yellowShare: own.yellowShare as number | null,
            yellowWorkingDays: own.yellowWorkingDays as number | null,
            rectificationWorkingDays: own.rectificationWorkingDays as number | null,
            defaultRatingAfterDays: own.defaultRatingAfterDays as number | null,
            defaultRating: own.defaultRating as number | null,
            rateAtAcceptance: own.rateAtAcceptance as boolean | null,
            complaintWorkingDays: own.complaintWorkingDays as number | null,
          },
        },
      });
      void message.success(t('supervision.settingsSaved'));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };
  const number = (key: Key, props: { min: number; max: number; step: number }) => (
    <Form.Item key={key} label={t(`supervision.settings.${key}`)}>
      <InputNumber
        {...props}
        value={own[key] as number | null}
        placeholder={t('supervision.inherit')}
        onChange={(value) => setOwn((o) => ({ ...o, [key]: value ?? null }))}
        style={{ width: 200 }}
        data-testid={`settings-${key}`}
      />
    </Form.Item>
  );
  return (
    <ActionDialog
      title={t('supervision.settingsEdit')}
      running={running}
      error={error}
      onOk={() => void send()}
      onClose={onClose}
      okButtonProps={{ 'data-testid': 'settings-save' }}
    >
      <Form layout="vertical">
        {number('yellowShare', { min: 0.01, max: 0.9, step: 0.05 })}
        {number('yellowWorkingDays', { min: 0, max: 10, step: 0.5 })}
        {number('rectificationWorkingDays', { min: 1, max: 60, step: 1 })}
        {number('defaultRatingAfterDays', { min: 1, max: 60, step: 1 })}
        {number('defaultRating', { min: 1, max: 5, step: 1 })}
        {number('complaintWorkingDays', { min: 1, max: 60, step: 1 })}
        <Form.Item label={t('supervision.settings.rateAtAcceptance')}>
          <Select<string>
            value={own.rateAtAcceptance === null ? 'inherit' : String(own.rateAtAcceptance)}
            onChange={(value) =>
              setOwn((o) => ({
                ...o,
                rateAtAcceptance: value === 'inherit' ? null : value === 'true',
              }))
            }
            style={{ width: 200 }}
            options={[
              { value: 'inherit', label: t('supervision.inherit') },
              { value: 'true', label: t('supervision.yes') },
              { value: 'false', label: t('supervision.no') },
            ]}
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
