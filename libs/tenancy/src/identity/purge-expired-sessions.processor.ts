import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor } from '../jobs/job-queue';
import { IdentityService } from './identity.service';

/** Repeatable chore: deletes refresh tokens and sessions that can no longer be used. */
@Injectable()
export class PurgeExpiredSessionsProcessor implements JobProcessor {
  static readonly jobName = 'identity.purge-expired-sessions';
  readonly jobName = PurgeExpiredSessionsProcessor.jobName;
  readonly scope = 'platform' as const;
  private readonly logger = new Logger(PurgeExpiredSessionsProcessor.name);

  constructor(private readonly identity: IdentityService) {}

  async process(): Promise<{ refreshTokens: number; sessions: number }> {
    const purged = await this.identity.purgeExpiredSessions();
    this.logger.log({ msg: 'purged expired sessions', ...purged });
    return purged;
  }
}
