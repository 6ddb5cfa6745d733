import { Button, Result } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/components/HomePage';
import { navigate } from '../shared/navigation/navigation';
import type { Route } from '../shared/navigation/routes';
import { Loading } from '../shared/ui/Loading';
import type { CurrentUser } from '../shared/viewer/viewer';
import { mayOpen } from './menu';

/** A feature's page as its own chunk, loaded when first opened. */
function page<P>(load: () => Promise<Record<string, ComponentType<P>>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const ApplicationsPage = page(
  () => import('../features/applications/components/ApplicationsPage'),
  'ApplicationsPage',
);
const WorkQueuePage = page(
  () => import('../features/applications/components/WorkQueuePage'),
  'WorkQueuePage',
);
const ApplicationDetailPage = page(
  () => import('../features/applications/components/ApplicationDetailPage'),
  'ApplicationDetailPage',
);
const ConsultationsPage = page(
  () => import('../features/consultations/components/ConsultationsPage'),
  'ConsultationsPage',
);
const ComplaintsPage = page(
  () => import('../features/complaints/components/ComplaintsPage'),
  'ComplaintsPage',
);
const AttendancePage = page(
  () => import('../features/attendance/components/AttendancePage'),
  'AttendancePage',
);
const RectificationPage = page(
  () => import('../features/evaluation/components/RectificationPage'),
  'RectificationPage',
);
const EvaluationDevicesPage = page(
  () => import('../features/evaluation/components/EvaluationDevicesPage'),
  'EvaluationDevicesPage',
);
const SupervisionPage = page(
  () => import('../features/supervision/components/SupervisionPage'),
  'SupervisionPage',
);
const InboxPage = page(() => import('../features/notifications/components/InboxPage'), 'InboxPage');
const TenantsPage = page(() => import('../features/tenants/components/TenantsPage'), 'TenantsPage');
const TenantSectionPage = page(
  () => import('../features/tenants/components/TenantSectionPage'),
  'TenantSectionPage',
);
const OnboardingPage = page(
  () => import('../features/onboarding/components/OnboardingPage'),
  'OnboardingPage',
);
const VillageSheetPage = page(
  () => import('../features/village-sheet/components/VillageSheetPage'),
  'VillageSheetPage',
);

const CataloguePage = page(
  () => import('../features/catalogue/components/CataloguePage'),
  'CataloguePage',
);

const ImplementationPage = page(
  () => import('../features/implementation/components/ImplementationPage'),
  'ImplementationPage',
);

const CalendarPage = page(
  () => import('../features/calendar/components/CalendarPage'),
  'CalendarPage',
);

const RolloutsPage = page(
  () => import('../features/rollouts/components/RolloutsPage'),
  'RolloutsPage',
);

const InsightsPage = page(
  () => import('../features/insights/components/InsightsPage'),
  'InsightsPage',
);

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
  return (
    <Suspense fallback={<Loading minHeight={240} />}>
      <RouteScreen route={route} user={user} />
    </Suspense>
  );
}

function RouteScreen({ route, user }: { route: Route; user: CurrentUser }) {
  switch (route.name) {
    case 'applications':
      return <ApplicationsPage user={user} />;
    case 'workQueue':
      return <WorkQueuePage />;
    case 'application':
      return <ApplicationDetailPage key={route.id} id={route.id} />;
    case 'consultations':
      return <ConsultationsPage user={user} />;
    case 'rectification':
      return <RectificationPage key={route.caseId ?? ''} user={user} caseId={route.caseId} />;
    case 'evaluationDevices':
      return <EvaluationDevicesPage user={user} />;
    case 'supervision':
      return <SupervisionPage user={user} />;
    case 'inbox':
      return <InboxPage />;
    case 'complaints':
      return (
        <ComplaintsPage key={route.complaintId ?? ''} user={user} complaintId={route.complaintId} />
      );
    case 'attendance':
      return <AttendancePage user={user} />;
    case 'tenants':
      return <TenantsPage user={user} tenantId={route.tenantId} />;
    case 'windows':
    case 'staff':
      return <TenantSectionPage section={route.name} user={user} tenantId={route.tenantId} />;
    case 'onboarding':
      return <OnboardingPage key={route.parentId ?? ''} user={user} parentId={route.parentId} />;
    case 'villageSheet':
      return <VillageSheetPage key={route.parentId ?? ''} user={user} parentId={route.parentId} />;
    case 'catalogue':
      return <CataloguePage user={user} />;
    case 'implementation':
      return <ImplementationPage user={user} />;
    case 'calendar':
      return <CalendarPage user={user} />;
    case 'rollouts':
      return <RolloutsPage key={route.rolloutId ?? ''} user={user} rolloutId={route.rolloutId} />;
    case 'insights':
      return <InsightsPage user={user} />;
    default:
      return <HomePage user={user} />;
  }
}
