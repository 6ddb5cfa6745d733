import { DynamicModule, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccessTokenStrategy } from './access-token.strategy';
import { AuthenticationGuard } from './authentication.guard';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { IdentityRepository } from './identity.repository';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { PurgeExpiredSessionsJob } from './purge-expired-sessions.job';
import { SessionController } from './session.controller';
import { SetupLinkRepository } from './setup-link.repository';
import { UserDirectory } from './user-directory';
import { UserRepository } from './user.repository';

/** Who people are: login, sessions and tokens, accounts and their setup links. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      // Global: accounts and sessions serve every domain (staff, onboarding, the guards).
      global: true,
      imports: [PassportModule],
      controllers: [SessionController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        IdentityRepository,
        UserRepository,
        SetupLinkRepository,
        IdentityService,
        UserDirectory,
        AccessTokenStrategy,
        AuthenticationGuard,
        IdentityResolver,
        PurgeExpiredSessionsJob,
      ],
      exports: [
        IDENTITY_OPTIONS,
        IdentityService,
        IdentityRepository,
        UserRepository,
        SetupLinkRepository,
        UserDirectory,
        AuthenticationGuard,
      ],
    };
  }
}
