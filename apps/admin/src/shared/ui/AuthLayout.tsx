import { Alert, Button, Card, Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/**
 * The page of those not (yet) in the app, signing in or setting a password: the product's
 * name on a card in the middle, the language switch above, the copyright below.
 */
export function AuthLayout({
  width,
  title,
  subtitle,
  titleTestId,
  children,
}: {
  width: number;
  /** The form's heading; none for a page that shows a result instead. */
  title?: string;
  subtitle?: string;
  titleTestId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(160deg, #eaf1fc 0%, #f6f8fb 55%, #fdf3f3 100%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '16px 24px' }}>
        <LanguageSwitch />
      </div>
      <main
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          padding: '0 16px 48px',
        }}
      >
        <Card style={{ width, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 24 }}>
            <Logo size={44} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('app.fullName')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </div>
          </div>
          {title !== undefined && (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }} data-testid={titleTestId}>
                {title}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                {subtitle}
              </Typography.Paragraph>
            </>
          )}
          {children}
        </Card>
      </main>
      <footer style={{ textAlign: 'center', padding: '0 0 24px', color: '#8c8c8c', fontSize: 12 }}>
        {t('app.copyright')}
      </footer>
    </div>
  );
}

/** Why the form's last submission failed, above the form. */
export function AuthFailure({
  message,
  testId,
  type = 'error',
}: {
  message: string;
  testId: string;
  type?: 'error' | 'info';
}) {
  return (
    <Alert
      type={type}
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={message}
      data-testid={testId}
    />
  );
}

/** The form's one large button. */
export function AuthSubmit({
  submitting,
  disabled,
  label,
  submittingLabel,
  testId,
}: {
  submitting: boolean;
  disabled?: boolean;
  label: string;
  submittingLabel: string;
  testId: string;
}) {
  return (
    <Form.Item style={{ marginBottom: 0 }}>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={submitting}
        disabled={disabled}
        data-testid={testId}
      >
        {submitting ? submittingLabel : label}
      </Button>
    </Form.Item>
  );
}
