import { registerEnumType } from '@nestjs/graphql';
import { Role } from './role';
import { TenantKind, TenantStatus } from './tenant-kind';

// The shared enums, named once for the whole schema.
registerEnumType(Role, { name: 'Role' });
registerEnumType(TenantKind, { name: 'TenantKind' });
registerEnumType(TenantStatus, { name: 'TenantStatus' });

export { Role, TenantKind, TenantStatus };
