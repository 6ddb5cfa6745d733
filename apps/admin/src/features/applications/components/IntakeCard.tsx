import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Form, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationRowFragment as Application,
  IntakeMenuDocument,
  IntakeWindowsDocument,
} from '../../../shared/api/graphql.generated';
import { actionErrorText } from '../../../shared/i18n/describe';
import { type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import { intakeAvailability, intakeWindows } from '../rules/intake-windows';
import { IntakeForm, type IntakeValues } from './IntakeForm';
import { Receipt } from './Receipt';

/** 收件: take in an application at one of the windows the server lets the person use. */
export function IntakeCard({
  user,
  onSubmitted,
}: {
  user: CurrentUser;
  onSubmitted: (application: Application) => void;
}) {
  const { t } = useTranslation();
  // Those who see the tenants below (center managers) take applications in for any of them.
  const picksTenant = seesSubtree(user);
  const [tenantId, setTenantId] = useState(user.tenant.id);
  const [form] = Form.useForm<IntakeValues>();
  const [done, setDone] = useState<Application | null>(null);
  const windowsQuery = useQuery(IntakeWindowsDocument, {
    variables: { tenantId },
    fetchPolicy: 'cache-and-network',
  });
  const tenantWindows = windowsQuery.data?.tenant;
  const hall = tenantWindows && tenantWindows.id === tenantId ? tenantWindows : null;
  const windows = useMemo(() => (hall ? intakeWindows(hall.serviceWindows) : null), [hall]);
  const availability = hall ? intakeAvailability(hall.serviceWindows, picksTenant) : null;
  // The hall's menu, found on the server by the text typed: a county's list has hundreds.
  const [menuSearch, setMenuSearch] = useState('');
  const menuQuery = useQuery(IntakeMenuDocument, {
    variables: { input: { tenantId, first: 50, search: menuSearch.trim() || null } },
  });
  const menuItems = useMemo(
    () =>
      (menuQuery.data?.implementationItems.nodes ?? [])
        .filter((item) => item.handling !== 'NONE')
        .map((item) => ({
          code: item.code,
          name: item.standard.name,
          department: item.standard.competentDepartment,
          intakeOnly: item.handling === 'INTAKE_ONLY',
        })),
    [menuQuery.data],
  );

  // The only usable window is chosen in advance; a window of another tenant is let go.
  useEffect(() => {
    if (!windows || availability === 'notAssigned') return; // no form shown
    const chosen = form.getFieldValue('windowId') as string | undefined;
    if (chosen && !windows.some((w) => w.id === chosen)) form.setFieldValue('windowId', undefined);
    if (!form.getFieldValue('windowId') && windows.length === 1) {
      form.setFieldValue('windowId', windows[0].id);
    }
  }, [windows, form, availability]);

  let body;
  if (!windows) {
    body = windowsQuery.error ? (
      <Alert
        type="warning"
        showIcon
        message={t('intake.windowsLoadError')}
        description={actionErrorText(t, windowsQuery.error)}
        action={
          <Button size="small" onClick={() => void windowsQuery.refetch().catch(() => undefined)}>
            {t('common.retry')}
          </Button>
        }
      />
    ) : (
      <Skeleton active paragraph={{ rows: 3 }} />
    );
  } else if (availability === 'notAssigned') {
    body = (
      <Alert
        type="info"
        showIcon
        message={t('intake.noAssignedWindow')}
        data-testid="intake-no-window"
      />
    );
  } else {
    body = (
      <IntakeForm
        form={form}
        windows={windows}
        menu={{ items: menuItems, loading: menuQuery.loading, onSearch: setMenuSearch }}
        onStart={() => setDone(null)}
        onSubmitted={(application) => {
          setDone(application);
          onSubmitted(application);
        }}
      />
    );
  }

  return (
    <Card
      title={t('intake.title')}
      extra={<Typography.Text type="secondary">{t('intake.hint')}</Typography.Text>}
      data-testid="intake-card"
    >
      {done && <Receipt application={done} onClose={() => setDone(null)} />}
      {picksTenant && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form layout="vertical" component="div">
              <Form.Item label={t('intake.tenant')} required>
                <TenantTreeSelect
                  value={tenantId}
                  onChange={(id) => id && setTenantId(id)}
                  testId="intake-tenant"
                />
              </Form.Item>
            </Form>
          </Col>
        </Row>
      )}
      {body}
    </Card>
  );
}
