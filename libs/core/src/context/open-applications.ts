import { EntityManager } from 'typeorm';

/**
 * Which items a center still has open applications for, as the catalogue's clean-up rounds
 * need it (an item the standard removes stays readable for those). Provided by
 * @tongban/workflow, which owns applications; read in the caller's scoped transaction.
 */
export abstract class OpenApplications {
  abstract openItemCodes(manager: EntityManager, tenantId: string): Promise<Set<string>>;
}
