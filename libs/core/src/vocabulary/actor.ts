import { TenantKind, TenantStatus } from '../vocabulary/tenant-kind';
import { Role } from './role';

/** The tenant a request acts in, as far as the request needs to know it. */
export interface ActorTenant {
  id: string;
  name: string;
  kind: TenantKind;
  divisionCode: string;
  status: TenantStatus;
  /** Ids from the root down to this tenant, inclusive. */
  path: string[];
}

/** Who is acting: resolved from a verified access token and the server-side membership. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  tenant: ActorTenant;
  roles: Role[];
}
