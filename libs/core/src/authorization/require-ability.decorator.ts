import { SetMetadata } from '@nestjs/common';
import { Action, Subject } from './role-rules';

export const REQUIRED_ABILITY = 'tongban:requiredAbility';

export interface RequiredAbility {
  action: Action;
  subject: Subject;
}

/**
 * Declares what an endpoint needs: the guard lets a caller through when their ability allows
 * the action on some record of the subject; the service then checks the very record (and
 * answers NOT_FOUND for records outside the caller's scope).
 */
export const RequireAbility = (action: Action, subject: Subject) =>
  SetMetadata(REQUIRED_ABILITY, { action, subject } satisfies RequiredAbility);
