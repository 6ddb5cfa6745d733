import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { accessTokenVerifyOptions, AccessTokenClaims } from './access-token';
import { Actor, isUuid } from '@tongban/core';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { IdentityService } from './identity.service';

/** passport-jwt strategy: verifies the bearer token, then loads the actor server-side. */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, 'access-token') {
  constructor(
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
    private readonly identity: IdentityService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      ...accessTokenVerifyOptions(options.signingKeys),
    });
  }

  async validate(payload: AccessTokenClaims): Promise<Actor | false> {
    const { sub, sid, tid } = payload;
    if (![sub, sid, tid].every(isUuid)) return false;
    return (await this.identity.resolveActor({ sub, sid, tid })) ?? false;
  }
}
