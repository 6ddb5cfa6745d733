import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  abilityFor,
  grantableRolesOf,
  permissionsOf,
  Public,
  RequestContext,
  RequireAbility,
  visibilityOf,
  HttpReply,
  HttpRequest,
} from '@tongban/core';
import {
  AuthPayload,
  CurrentUser,
  GrantableRole,
  LoginInput,
  Permission,
  PermissionAction,
  PermissionSubject,
  RefreshInput,
  Visibility,
} from './identity.graphql';
import { AuthTokens, IdentityService } from './identity.service';
import { setRefreshCookie } from './session.controller';

@Resolver(() => CurrentUser)
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly context: RequestContext,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Log in with username and password; a browser also gets its refresh token as an httpOnly cookie for POST /auth/refresh',
  })
  async login(
    @Args('input') input: LoginInput,
    @Context('req') req: HttpRequest,
    @Context('res') res: HttpReply,
  ): Promise<AuthPayload> {
    const tokens = await this.identity.login(input.username, input.password, clientAddress(req));
    setRefreshCookie(req, res, tokens.refreshToken, this.identity.refreshTokenTtlSeconds);
    return withTokenType(tokens);
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

  @ResolveField(() => [Permission], { description: 'What the user may do, from their roles' })
  permissions(): Permission[] {
    return permissionsOf(abilityFor(this.context.actor)).map(({ action, subject }) => ({
      action: action as PermissionAction,
      subject: subject as PermissionSubject,
    }));
  }

  @ResolveField(() => Visibility, { description: 'Which tenants the user sees' })
  visibility(): Visibility {
    return visibilityOf(this.context.actor.roles) as Visibility;
  }

  @ResolveField(() => [GrantableRole])
  grantableRoles(): GrantableRole[] {
    return grantableRolesOf(this.context.actor.roles).map(({ role, tenantKinds }) => ({
      role,
      tenantKinds: [...tenantKinds],
    }));
  }
}

function withTokenType(tokens: AuthTokens): AuthPayload {
  return { ...tokens, tokenType: 'Bearer' };
}

function clientAddress(req: HttpRequest): string {
  return req.ip || 'unknown';
}
