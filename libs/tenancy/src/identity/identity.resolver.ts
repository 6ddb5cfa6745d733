import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { RequireAbility } from '../authorization/require-ability.decorator';
import { RequestContext } from '../context/request-context';
import { AuthPayload, CurrentUser, LoginInput, RefreshInput } from './identity.graphql';
import { AuthTokens, IdentityService } from './identity.service';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly context: RequestContext,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Log in with username and password' })
  async login(
    @Args('input') input: LoginInput,
    @Context('req') req: Request,
  ): Promise<AuthPayload> {
    return withTokenType(
      await this.identity.login(input.username, input.password, clientAddress(req)),
    );
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Exchange a refresh token for new tokens; a reused token ends its session',
  })
  async refresh(@Args('input') input: RefreshInput): Promise<AuthPayload> {
    return withTokenType(await this.identity.refresh(input.refreshToken));
  }

  @RequireAbility('manage', 'Self')
  @Mutation(() => Boolean, { description: 'End the current session' })
  async logout(): Promise<boolean> {
    await this.identity.logout(this.context.actor.sessionId);
    return true;
  }

  @RequireAbility('manage', 'Self')
  @Query(() => CurrentUser)
  me(): CurrentUser {
    const { userId, username, displayName, roles, tenant } = this.context.actor;
    return { id: userId, username, displayName, roles, tenant };
  }
}

function withTokenType(tokens: AuthTokens): AuthPayload {
  return { ...tokens, tokenType: 'Bearer' };
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
