import { Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@tongban/core';
import { IdentityService } from './identity.service';

/** Repeatable chore: deletes refresh tokens and sessions that can no longer be used. */
@JobProcessor({ name: 'identity.purge-expired-sessions', scope: 'platform' })
export class PurgeExpiredSessionsJob implements JobHandler {
  private readonly logger = new Logger(PurgeExpiredSessionsJob.name);

  constructor(private readonly identity: IdentityService) {}

  async process(): Promise<{ refreshTokens: number; sessions: number }> {
    const purged = await this.identity.purgeExpiredSessions();
    this.logger.log({ msg: 'purged expired sessions', ...purged });
    return purged;
  }
}
