import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import type { TenantStatus } from '../../../shared/api/graphql.generated';
import {
  roleLabel,
  sortRoles,
  tenantKindLabel,
  tenantStatusLabel,
} from '../../../shared/i18n/labels';

const STATUS_COLORS: Record<TenantStatus, string> = {
  ONBOARDING: 'processing',
  ACTIVE: 'success',
  SUSPENDED: 'error',
};

/** The landing page: who is signed in, for which organization, in which roles. */
export function HomePage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { tenant } = user;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('home.title')}
      </Typography.Title>
      <Card data-testid="welcome-card">
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="welcome-title">
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          {t('home.welcomeHint')}
        </Typography.Paragraph>
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={12}>
            <Descriptions
              title={t('home.tenantSection')}
              bordered
              size="middle"
              column={1}
              data-testid="welcome-tenant"
              items={[
                { key: 'name', label: t('home.tenantName'), children: tenant.name },
                {
                  key: 'divisionCode',
                  label: t('home.divisionCode'),
                  children: <Typography.Text code>{tenant.divisionCode}</Typography.Text>,
                },
                { key: 'kind', label: t('home.kind'), children: tenantKindLabel(t, tenant.kind) },
                {
                  key: 'status',
                  label: t('home.status'),
                  children: (
                    <Tag color={STATUS_COLORS[tenant.status] ?? 'default'}>
                      {tenantStatusLabel(t, tenant.status)}
                    </Tag>
                  ),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={12}>
            <Descriptions
              title={t('home.accountSection')}
              bordered
              size="middle"
              column={1}
              data-testid="welcome-account"
              items={[
                { key: 'displayName', label: t('home.displayName'), children: user.displayName },
                { key: 'username', label: t('home.username'), children: user.username },
                {
                  key: 'roles',
                  label: t('home.roles'),
                  children: (
                    <Space size={[4, 4]} wrap>
                      {sortRoles(user.roles).map((role) => (
                        <Tag key={role} color="geekblue">
                          {roleLabel(t, role)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
