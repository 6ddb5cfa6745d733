import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../errors/errors';
import { PUBLIC_ACCESS } from '../authorization/public.decorator';
import { RequestContext } from '../context/request-context';
import { abilityFor } from '../authorization/ability';
import { REQUIRED_ABILITY, RequiredAbility } from '../authorization/require-ability.decorator';

/**
 * Global guard after authentication: every endpoint must be @Public() or declare
 * @RequireAbility(); one that declares neither is refused (fail closed).
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
  ) {}

  canActivate(execution: ExecutionContext): boolean {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ACCESS, targets)) return true;
    const required = this.reflector.getAllAndOverride<RequiredAbility | undefined>(
      REQUIRED_ABILITY,
      targets,
    );
    if (!required) {
      throw new ForbiddenError('This operation declares no permission and is closed to everyone');
    }
    if (!abilityFor(this.context.actor).can(required.action, required.subject)) {
      throw new ForbiddenError(`Your role may not ${required.action} ${required.subject}`);
    }
    return true;
  }
}
