import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { accessTokenVerifyOptions, AccessTokenClaims } from './access-token';
import { Actor, isUuid } from '@tongban/core';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { IdentityService } from './identity.service';

/** A process without keys (the worker) serves no requests; should one come, nothing passes. */
function refuseEveryToken(
  _request: unknown,
  _token: unknown,
  done: (error: Error | null, key?: string) => void,
): void {
  done(new Error('this process verifies no access tokens'));
}

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
      ...(options.signingKeys
        ? accessTokenVerifyOptions(options.signingKeys)
        : { secretOrKeyProvider: refuseEveryToken }),
    });
  }

  async validate(payload: AccessTokenClaims): Promise<Actor | false> {
    const { sub, sid, tid } = payload;
    if (![sub, sid, tid].every(isUuid)) return false;
    return (await this.identity.resolveActor({ sub, sid, tid })) ?? false;
  }
}
