import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabel, sortRoles, tenantKindLabel } from '../../../shared/i18n/labels';
import { Code, Facts } from '../../../shared/ui/Facts';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { TenantStatusTag } from '../../../shared/ui/tags';
import type { CurrentUser } from '../../../shared/viewer/viewer';

/** The landing page: who is signed in, for which organization, in which roles. */
export function HomePage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { tenant } = user;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('home.title')} />
      <Card data-testid="welcome-card">
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="welcome-title">
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          {t('home.welcomeHint')}
        </Typography.Paragraph>
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={12}>
            <Facts
              title={t('home.tenantSection')}
              size="middle"
              column={1}
              testId="welcome-tenant"
              facts={[
                ['name', t('home.tenantName'), tenant.name],
                ['divisionCode', t('home.divisionCode'), <Code>{tenant.divisionCode}</Code>],
                ['kind', t('home.kind'), tenantKindLabel(t, tenant.kind)],
                ['status', t('home.status'), <TenantStatusTag status={tenant.status} />],
              ]}
            />
          </Col>
          <Col xs={24} xl={12}>
            <Facts
              title={t('home.accountSection')}
              size="middle"
              column={1}
              testId="welcome-account"
              facts={[
                ['displayName', t('home.displayName'), user.displayName],
                ['username', t('home.username'), user.username],
                [
                  'roles',
                  t('home.roles'),
                  <Space size={[4, 4]} wrap>
                    {sortRoles(user.roles).map((role) => (
                      <Tag key={role} color="geekblue">
                        {roleLabel(t, role)}
                      </Tag>
                    ))}
                  </Space>,
                ],
              ]}
            />
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
