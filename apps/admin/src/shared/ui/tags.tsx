import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  applicationStatusLabel,
  roleLabel,
  sortRoles,
  staffStatusLabel,
  tenantKindLabel,
  tenantStatusLabel,
  windowKindLabel,
} from '../i18n/labels';

const STATUS_COLORS: Record<string, string> = {
  ONBOARDING: 'processing',
  ACTIVE: 'success',
  SUSPENDED: 'error',
};

const KIND_COLORS: Record<string, string> = {
  PROVINCE: 'purple',
  CITY: 'magenta',
  COUNTY: 'blue',
  TOWNSHIP: 'cyan',
  VILLAGE: 'green',
};

const STAFF_STATUS_COLORS: Record<string, string> = {
  INVITED: 'warning',
  ACTIVE: 'success',
  DISABLED: 'default',
};

const WINDOW_KIND_COLORS: Record<string, string> = {
  COMPREHENSIVE: 'blue',
  SERVICE: 'geekblue',
  CHARGING: 'gold',
  COMPLAINT: 'volcano',
};

const APPLICATION_STATUS_COLORS: Record<string, string> = {
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
};

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {applicationStatusLabel(t, status)}
    </Tag>
  );
}

export function TenantStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {tenantStatusLabel(t, status)}
    </Tag>
  );
}

export function TenantKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'} bordered={false}>
      {tenantKindLabel(t, kind)}
    </Tag>
  );
}

export function StaffStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STAFF_STATUS_COLORS[status] ?? 'default'}>{staffStatusLabel(t, status)}</Tag>;
}

export function WindowKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={WINDOW_KIND_COLORS[kind] ?? 'default'} bordered={false}>
      {windowKindLabel(t, kind)}
    </Tag>
  );
}

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
