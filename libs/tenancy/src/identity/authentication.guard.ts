import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { TokenExpiredError } from 'jsonwebtoken';
import { Actor, PUBLIC_ACCESS, RequestContext, UnauthenticatedError } from '@tongban/core';

/**
 * Global guard: every resolver and controller needs a valid access token unless it is
 * marked @Public(). The actor it resolves is put into the request context.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('access-token') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    await super.canActivate(context);
    const actor = this.getRequest(context).user as Actor;
    this.requestContext.setActor(actor);
    return true;
  }

  override getRequest(context: ExecutionContext) {
    if (context.getType<GqlContextType>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext().req;
    }
    return context.switchToHttp().getRequest();
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err) throw err;
    if (!user) {
      const expired = info instanceof TokenExpiredError;
      throw new UnauthenticatedError(
        expired ? 'Access token expired' : 'A valid access token is required',
      );
    }
    return user;
  }
}
