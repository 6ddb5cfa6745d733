import type { EntityManager } from 'typeorm';

/**
 * Port: something that onboarding counts has changed in a tenant (a window opened, a manager
 * set up their account). Declared here, beside the tree, so windows and identity can report
 * it; implemented by onboarding, which moves an ONBOARDING tenant to ACTIVE when its checklist
 * is complete. Runs in the caller's transaction.
 */
export abstract class TenantReadiness {
  abstract reevaluate(
    manager: EntityManager,
    tenantId: string,
    actorId: string | null,
  ): Promise<void>;
}
