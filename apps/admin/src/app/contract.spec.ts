/**
 * The admin app's GraphQL documents and enum tables against the API's committed schema
 * (apps/api/schema.gql), so a change of the contract fails here rather than in the browser.
 * The documents are generated from it (codegen.mjs, checked by `admin:schema-check`); this
 * also covers what the app lists by hand: the enum values it shows, in its own order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type DocumentNode,
  GraphQLEnumType,
  type OperationDefinitionNode,
  validate,
} from 'graphql';
import * as generated from '../shared/api/graphql.generated';
import {
  APPLICATION_STATUSES,
  ROLES,
  TENANT_KINDS,
  TENANT_STATUSES,
  WINDOW_KINDS,
} from '../shared/i18n/labels';

const schema = buildSchema(readFileSync(join(__dirname, '../../../api/schema.gql'), 'utf8'));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum`);
  return type
    .getValues()
    .map((v) => v.name)
    .sort();
}

/** The generated operations (not the fragments), by operation name. */
function operations(): [string, DocumentNode][] {
  return Object.entries(generated)
    .filter(([name]) => name.endsWith('Document'))
    .map(([, document]) => document as DocumentNode)
    .map((document) => {
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      return [operation?.name?.value ?? '(anonymous)', document] as [string, DocumentNode];
    });
}

describe('GraphQL contract', () => {
  const documents = operations();

  it('covers the session, tenant, window, staff, onboarding, application, catalogue, implementation list, clean-up round and service guide documents', () => {
    const session = ['CompleteSetup', 'Login', 'Logout', 'Me'];
    const tenancy = [
      'AssignStaffToWindow',
      'CreateServiceWindow',
      'DeleteServiceWindow',
      'DisableServiceWindow',
      'DisableStaff',
      'EnableServiceWindow',
      'EnableStaff',
      'InviteStaff',
      'IssueSetupLink',
      'OnboardTenant',
      'OnboardVillages',
      'OnboardingPreview',
      'ReactivateTenant',
      'RenameServiceWindow',
      'SetServiceWindowCamera',
      'ResetStaffPassword',
      'SetStaffRoles',
      'SuspendTenant',
      'TenantDetail',
      'Tenants',
      'UnassignStaffFromWindow',
      'UnlockStaff',
      'VillageSheetPreview',
      'VillageSheetTemplate',
    ];
    const applications = [
      'AcceptApplication',
      'ApplicationDetail',
      'Applications',
      'ApproveApplication',
      'CompleteApplication',
      'CompleteOnTheSpot',
      'DecideExtension',
      'DenyApplication',
      'ForwardApplication',
      'HandBackResult',
      'IntakeMenu',
      'IntakeWindows',
      'ReceiveSupplement',
      'RejectApplication',
      'RequestExtension',
      'RequestSupplement',
      'ResumeApplication',
      'StartReview',
      'SubmitApplication',
      'SuspendApplication',
      'WithdrawApplication',
      'WorkQueue',
    ];
    const supervision = [
      'CloseWarning',
      'Inbox',
      'MarkInboxMessageRead',
      'SetSupervisionSettings',
      'SupervisionSettings',
      'SweepDeadlines',
      'WarningBoard',
      'Warnings',
    ];
    const catalogue = [
      'CatalogueImport',
      'CatalogueItems',
      'CatalogueVersions',
      'ImportCatalogue',
      'PublishCatalogueVersion',
      'SetCatalogueMappings',
    ];
    const implementation = [
      'AdoptCatalogue',
      'ApplyMenuTemplate',
      'DeleteMenuTemplate',
      'ImplementationDepartments',
      'ImplementationItems',
      'ImplementationTenant',
      'ExportImplementationList',
      'MenuTemplates',
      'SaveMenuTemplate',
      'UpdateImplementationItem',
    ];
    const rollouts = [
      'CatalogueRollout',
      'CatalogueRolloutPreview',
      'CatalogueRollouts',
      'CatalogueVersionsHeld',
      'CommandCatalogueRollout',
      'ExportCatalogueRollout',
      'ExportCatalogueRolloutPreview',
      'RolloutVersions',
      'StartCatalogueRollout',
    ];
    const consultations = [
      'ConsultationCounts',
      'ConsultationWindows',
      'Consultations',
      'LogConsultation',
    ];
    const calendar = [
      'CalendarLayers',
      'EnterCalendarYear',
      'SetBusinessHours',
      'WorkingCalendarYear',
    ];
    const evaluation = [
      'AppealRectification',
      'CloseRectificationCase',
      'DecideRectificationAppeal',
      'EvaluationDeviceWindows',
      'EvaluationDevices',
      'EvaluationLink',
      'RateByLink',
      'RecordRectificationCallback',
      'RectificationCase',
      'RectificationCases',
      'RegisterEvaluationDevice',
      'RevokeEvaluationDevice',
    ];
    const complaints = [
      'AddComplaintNote',
      'AssignComplaint',
      'CloseComplaint',
      'Complaint',
      'ComplaintSubjects',
      'Complaints',
      'LogComplaint',
      'ResolveComplaint',
    ];
    const attendance = [
      'AttendanceMonth',
      'AttendanceTerminals',
      'EnterAttendance',
      'ExportAttendanceMonth',
      'RegisterAttendanceTerminal',
      'RevokeAttendanceTerminal',
    ];
    const insights = [
      'InsightCases',
      'InsightComparison',
      'InsightDefinitions',
      'InsightSeries',
      'InsightYearlySummary',
    ];
    const guide = [
      'OneTimeNotification',
      'ServiceGuideCenter',
      'ServiceGuideItem',
      'ServiceGuideItems',
    ];
    expect(documents.map(([name]) => name).sort()).toEqual(
      [
        ...session,
        ...tenancy,
        ...applications,
        ...catalogue,
        ...implementation,
        ...rollouts,
        ...consultations,
        ...supervision,
        ...calendar,
        ...evaluation,
        ...complaints,
        ...attendance,
        ...insights,
        ...guide,
      ].sort(),
    );
  });

  it.each(documents)('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it('the app knows every application status of the schema', () => {
    expect([...APPLICATION_STATUSES].sort()).toEqual(enumValues('ApplicationStatus'));
  });

  it('the app knows every service window kind of the schema', () => {
    expect([...WINDOW_KINDS].sort()).toEqual(enumValues('ServiceWindowKind'));
  });

  it('the app knows every role, tenant kind and tenant status of the schema', () => {
    expect([...ROLES].sort()).toEqual(enumValues('Role'));
    expect([...TENANT_KINDS].sort()).toEqual(enumValues('TenantKind'));
    expect([...TENANT_STATUSES].sort()).toEqual(enumValues('TenantStatus'));
  });
});
