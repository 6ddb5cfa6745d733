import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  applicationStatusLabel,
  roleLabel,
  sortRoles,
  staffStatusLabel,
  tenantKindLabel,
  tenantStatusLabel,
  type Translate,
  windowKindLabel,
} from '../i18n/labels';

/**
 * A tag for a value of one of the API's enums: its label in the language, its colour (an
 * unknown value shows its code, in the default colour). Statuses carry `data-status`.
 */
function enumTag(
  label: (t: Translate, value: string) => string,
  colors: Record<string, string>,
  look: { bordered?: boolean; dataStatus?: boolean } = {},
) {
  return function EnumTag({ value }: { value: string }) {
    const { t } = useTranslation();
    return (
      <Tag
        color={colors[value] ?? 'default'}
        bordered={look.bordered}
        data-status={look.dataStatus ? value : undefined}
      >
        {label(t, value)}
      </Tag>
    );
  };
}

const ApplicationStatus = enumTag(
  applicationStatusLabel,
  {
    SUBMITTED: 'processing',
    ACCEPTED: 'blue',
    REJECTED: 'error',
    SUPPLEMENT_REQUESTED: 'warning',
    IN_REVIEW: 'geekblue',
    SUSPENDED: 'orange',
    APPROVED: 'success',
    DENIED: 'red',
    COMPLETED: 'green',
    WITHDRAWN: 'default',
    FORWARDED: 'cyan',
    RESULT_READY: 'gold',
  },
  { dataStatus: true },
);

const TenantStatus = enumTag(
  tenantStatusLabel,
  { ONBOARDING: 'processing', ACTIVE: 'success', SUSPENDED: 'error' },
  { dataStatus: true },
);

const TenantKind = enumTag(
  tenantKindLabel,
  { PROVINCE: 'purple', CITY: 'magenta', COUNTY: 'blue', TOWNSHIP: 'cyan', VILLAGE: 'green' },
  { bordered: false },
);

const StaffStatus = enumTag(staffStatusLabel, {
  INVITED: 'warning',
  ACTIVE: 'success',
  DISABLED: 'default',
});

const WindowKind = enumTag(
  windowKindLabel,
  { COMPREHENSIVE: 'blue', SERVICE: 'geekblue', CHARGING: 'gold', COMPLAINT: 'volcano' },
  { bordered: false },
);

export const ApplicationStatusTag = ({ status }: { status: string }) => (
  <ApplicationStatus value={status} />
);
export const TenantStatusTag = ({ status }: { status: string }) => <TenantStatus value={status} />;
export const TenantKindTag = ({ kind }: { kind: string }) => <TenantKind value={kind} />;
export const StaffStatusTag = ({ status }: { status: string }) => <StaffStatus value={status} />;
export const WindowKindTag = ({ kind }: { kind: string }) => <WindowKind value={kind} />;

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {sortRoles(roles).map((role) => (
        <Tag key={role} color="geekblue" style={{ marginBlock: 2 }}>
          {roleLabel(t, role)}
        </Tag>
      ))}
    </>
  );
}

/** Tags naming the records `ids` refer to (a person's windows, a window's staff). */
export function NamedTags({
  ids,
  among,
  bordered,
}: {
  ids: readonly string[];
  among: readonly { id: string; name: string }[];
  bordered?: boolean;
}) {
  const names = new Map(among.map((record) => [record.id, record.name]));
  return (
    <>
      {ids.map((id) => (
        <Tag key={id} bordered={bordered} style={{ marginBlock: 2 }}>
          {names.get(id) ?? id}
        </Tag>
      ))}
    </>
  );
}
