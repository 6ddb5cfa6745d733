import { EntityManager } from 'typeorm';
import type { Action } from '../authorization/role-rules';
import { TenantKind, TenantStatus } from '../vocabulary/tenant-kind';

/** A tenant as other domains need it: where it sits in the tree and what it is. */
export interface TenantNode {
  id: string;
  parentId: string | null;
  kind: TenantKind;
  divisionCode: string;
  name: string;
  /** SUSPENDED also when a tenant above it is. */
  status: TenantStatus;
  /** Ids from the root down to this tenant, inclusive. */
  path: string[];
}

/**
 * The tenant tree as the actor may see it, for domains that stand on core alone (the
 * catalogue). Provided by @tongban/tenancy (its TenantDirectory), which owns the tree.
 */
export abstract class TenantTree {
  /** NOT_FOUND outside the actor's sight (an id reveals nothing), FORBIDDEN when `action` is not theirs. */
  abstract require(
    manager: EntityManager,
    id: string,
    action?: Action,
    lock?: boolean,
  ): Promise<TenantNode>;

  /**
   * The tenant `rootId` and every tenant below it, in tree order (by division code); the
   * root must be one `require` lets the actor see (NOT_FOUND otherwise).
   */
  abstract subtree(manager: EntityManager, rootId: string): Promise<TenantNode[]>;

  /**
   * An ACTIVE tenant by its division code, whoever asks (the public service guide, before any
   * actor exists); undefined for an unknown code and for a tenant onboarding or suspended
   * (also below a suspension), so that a public caller cannot tell those apart.
   */
  abstract findServing(
    manager: EntityManager,
    divisionCode: string,
  ): Promise<TenantNode | undefined>;
}
