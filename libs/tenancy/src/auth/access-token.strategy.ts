import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { accessTokenVerifyOptions, AccessTokenClaims } from '../identity/access-token';
import { Actor } from '../identity/actor';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity/identity-options';
import { IdentityService } from '../identity/identity.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    if (![sub, sid, tid].every((claim) => typeof claim === 'string' && UUID.test(claim)))
      return false;
    return (await this.identity.resolveActor({ sub, sid, tid })) ?? false;
  }
}
