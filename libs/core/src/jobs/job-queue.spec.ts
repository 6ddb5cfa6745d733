import { assertRunnable, JobDeclaration, RejectedJobError } from './job-queue';

const tenantJob: JobDeclaration = { name: 'tenant.thing', scope: 'tenant' };
const platformJob: JobDeclaration = { name: 'platform.chore', scope: 'platform' };
const TENANT = '5f1d7c1e-0a7b-4b8e-9c1f-2d3e4f5a6b7c';
const ACTOR = '0b7e6f1a-3c2d-4e5f-8a9b-1c2d3e4f5a6b';

describe('assertRunnable', () => {
  it('refuses a job nobody processes', () => {
    expect(() => assertRunnable(undefined, 'nope', {})).toThrow(RejectedJobError);
  });

  it('refuses a tenant job without tenantId or actorId', () => {
    expect(() => assertRunnable(tenantJob, tenantJob.name, {})).toThrow(
      /must carry tenantId and actorId/,
    );
    expect(() => assertRunnable(tenantJob, tenantJob.name, { tenantId: TENANT })).toThrow(
      RejectedJobError,
    );
    expect(() =>
      assertRunnable(tenantJob, tenantJob.name, { tenantId: 'all', actorId: ACTOR }),
    ).toThrow(RejectedJobError);
    expect(() => assertRunnable(tenantJob, tenantJob.name, null)).toThrow(RejectedJobError);
  });

  it('accepts a tenant job with its context, and a platform chore as is', () => {
    expect(() =>
      assertRunnable(tenantJob, tenantJob.name, { tenantId: TENANT, actorId: ACTOR }),
    ).not.toThrow();
    expect(() => assertRunnable(platformJob, platformJob.name, {})).not.toThrow();
  });
});
