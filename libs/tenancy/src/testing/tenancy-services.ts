import {
  Actor,
  CoreModule,
  InProcessJobQueue,
  JobQueue,
  JobRunner,
  RequestContext,
} from '@tongban/core';
import { startServices, testSigningKeys, type ServiceHarness } from '@tongban/test-support';
import type { DynamicModule, Type } from '@nestjs/common';
import { IdentityService } from '../identity/identity.service';
import { LoginThrottle } from '../identity/login-throttle';
import { TenancyModule } from '../tenancy.module';

/**
 * For service tests (`*.service.spec.ts`) of this library and those standing on it: core and
 * tenancy on a fresh demo database, jobs in-process, and `as(username, work)` to act as a
 * demo person (their roles read from the database, as a job's actor is).
 */
export interface TenancyServices extends ServiceHarness {
  as<T>(username: string, work: () => Promise<T>): Promise<T>;
  actor(username: string): Promise<Actor>;
  /** Waits until the in-process jobs enqueued so far have run. */
  jobsIdle(): Promise<void>;
}

const THROTTLE = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 50, lockoutSeconds: 900 };

export async function startTenancyServices(
  extra: (Type<unknown> | DynamicModule)[] = [],
): Promise<TenancyServices> {
  const harness = await startServices({
    imports: [
      CoreModule.forRoot(),
      TenancyModule.forRoot({
        signingKeys: testSigningKeys(),
        accessTokenTtlSeconds: 900,
        refreshTokenTtlSeconds: 3600,
        loginThrottle: LoginThrottle.inMemory(THROTTLE),
        setupThrottle: LoginThrottle.inMemory(THROTTLE),
        tokenThrottle: LoginThrottle.inMemory(THROTTLE),
      }),
      ...extra,
    ],
    globalProviders: [
      {
        provide: JobQueue,
        useFactory: (runner: JobRunner) => new InProcessJobQueue(runner),
        inject: [JobRunner],
      },
    ],
  });
  const actor = async (username: string) => {
    const [user] = await harness.db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = $1`,
      [username],
    );
    const found = user && (await harness.get(IdentityService).actorForJob(user.id));
    if (!found) throw new Error(`No active demo person ${username}`);
    return found;
  };
  return {
    ...harness,
    actor,
    as: async (username, work) => harness.get(RequestContext).runAs(await actor(username), work),
    jobsIdle: () => (harness.get(JobQueue) as InProcessJobQueue).idle(),
  };
}
