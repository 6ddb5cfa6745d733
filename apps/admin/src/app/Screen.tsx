import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApplicationsPage } from '../features/applications/components/ApplicationsPage';
import { HomePage } from '../features/home/components/HomePage';
import { OnboardingPage } from '../features/onboarding/components/OnboardingPage';
import { TenantsPage } from '../features/tenants/components/TenantsPage';
import { WindowsStaffPage } from '../features/tenants/components/WindowsStaffPage';
import { navigate } from '../shared/navigation/navigation';
import type { Route } from '../shared/navigation/routes';
import type { CurrentUser } from '../shared/viewer/viewer';
import { mayOpen } from './menu';

/** The screen of the current route, if the user may open it. */
export function Screen({ route, user }: { route: Route; user: CurrentUser }) {
  const { t } = useTranslation();
  // No such screen, or one the user may not open (typed or an old link): say so.
  const refusal = (status: '404' | '403', key: 'notFound' | 'forbidden') => (
    <Result
      status={status}
      title={t(`shell.${key}Title`)}
      subTitle={t(`shell.${key}`)}
      extra={
        <Button type="primary" onClick={() => navigate({ name: 'home' })}>
          {t('shell.backHome')}
        </Button>
      }
    />
  );
  if (route.name === 'notFound') return refusal('404', 'notFound');
  if (!mayOpen(route.name, user)) return refusal('403', 'forbidden');
  switch (route.name) {
    case 'applications':
      return <ApplicationsPage user={user} />;
    case 'tenants':
      return <TenantsPage user={user} tenantId={route.tenantId} />;
    case 'windows':
      return <WindowsStaffPage user={user} tenantId={route.tenantId} />;
    case 'onboarding':
      return <OnboardingPage key={route.parentId ?? ''} user={user} parentId={route.parentId} />;
    default:
      return <HomePage user={user} />;
  }
}
