import { startTenancyServices, TenancyServices } from '@tongban/tenancy/testing';
import { WorkflowModule } from '../workflow.module';
import { EvaluationService } from './evaluation.service';

/** Default ratings (默认好评) on a real database: once per application and stage, never twice. */
describe('EvaluationService.recordDefaultRatings', () => {
  let services: TenancyServices;
  let evaluations: EvaluationService;
  let tenantId: string;
  let windowId: string;
  let userId: string;
  let receipts = 0;

  /** An application of 马山乡 at 综合窗口1, in the state given, its times `daysAgo` back. */
  const application = async (state: {
    status: string;
    acceptedDaysAgo?: number;
    completedDaysAgo?: number;
    promisedDays?: number;
  }) => {
    const [{ id }] = await services.db.query<{ id: string }>(
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
         applicant_name, status, submitted_by, submitted_at, accepted_at, completed_at,
         item_version_id, item_promised_days)
       VALUES ($1, $2, $3, '00013112800001', '个体工商户设立登记', '默认好评', $4, $5,
               now() - interval '30 days',
               now() - make_interval(days => $6::int), now() - make_interval(days => $7::int),
               gen_random_uuid(), $8)
       RETURNING id`,
      [
        tenantId,
        `DEFAULT-${++receipts}`,
        windowId,
        state.status,
        userId,
        state.acceptedDaysAgo ?? null,
        state.completedDaysAgo ?? null,
        state.promisedDays ?? null,
      ],
    );
    return id;
  };
  const ratingsOf = (id: string) =>
    services.db.query<{ stage: string; channel: string; rating: number }>(
      `SELECT stage, channel, rating FROM evaluations WHERE application_id = $1 ORDER BY stage`,
      [id],
    );

  beforeAll(async () => {
    services = await startTenancyServices([WorkflowModule]);
    evaluations = services.get(EvaluationService);
    [{ tenantId, windowId }] = await services.db.query<{ tenantId: string; windowId: string }>(
      `SELECT t.id AS "tenantId", w.id AS "windowId" FROM tenants t
         JOIN service_windows w ON w.tenant_id = t.id
        WHERE t.division_code = '450222203' AND w.code = 'C1'`,
    );
    [{ id: userId }] = await services.db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'mashan.manager'`,
    );
  });
  afterAll(() => services?.close());

  it('rates by default what was not rated within 7 days, once, also when two sweeps run at once', async () => {
    // 即办件 completed 8 days ago: a default at completion.
    const stale = await application({
      status: 'COMPLETED',
      acceptedDaysAgo: 8,
      completedDaysAgo: 8,
    });
    // Completed 2 days ago: still the applicant's to rate.
    const fresh = await application({
      status: 'COMPLETED',
      acceptedDaysAgo: 2,
      completedDaysAgo: 2,
    });
    // 承诺件 accepted 8 days ago, still in review: a default at acceptance (rated twice).
    const promised = await application({
      status: 'IN_REVIEW',
      acceptedDaysAgo: 8,
      promisedDays: 5,
    });
    // Rated by the applicant: no default beside it.
    const rated = await application({
      status: 'COMPLETED',
      acceptedDaysAgo: 9,
      completedDaysAgo: 9,
    });
    await services.db.query(
      `INSERT INTO evaluations (tenant_id, application_id, window_id, stage, rating, channel)
       VALUES ($1, $2, $3, 'COMPLETION', 2, 'PORTAL')`,
      [tenantId, rated, windowId],
    );

    await Promise.all([
      evaluations.recordDefaultRatings(tenantId),
      evaluations.recordDefaultRatings(tenantId),
    ]);
    expect(await evaluations.recordDefaultRatings(tenantId)).toBe(0);

    expect(await ratingsOf(stale)).toEqual([
      { stage: 'COMPLETION', channel: 'DEFAULT', rating: 5 },
    ]);
    expect(await ratingsOf(fresh)).toEqual([]);
    expect(await ratingsOf(promised)).toEqual([
      { stage: 'ACCEPTANCE', channel: 'DEFAULT', rating: 5 },
    ]);
    expect(await ratingsOf(rated)).toEqual([{ stage: 'COMPLETION', channel: 'PORTAL', rating: 2 }]);
    // A default rating is never a bad review: no case opened.
    const [{ n }] = await services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rectification_cases WHERE application_id = ANY ($1::uuid[])`,
      [[stale, promised]],
    );
    expect(n).toBe(0);
  });

  it('follows the tenant’s settings: rated at completion only, 3 days, 4 stars', async () => {
    await services.db.query(
      `INSERT INTO supervision_settings (tenant_id, default_rating_after_days, default_rating,
         rate_at_acceptance, updated_by)
       VALUES ($1, 3, 4, false, $2)`,
      [tenantId, userId],
    );
    const completed = await application({
      status: 'COMPLETED',
      acceptedDaysAgo: 4,
      completedDaysAgo: 4,
    });
    const promised = await application({
      status: 'IN_REVIEW',
      acceptedDaysAgo: 8,
      promisedDays: 5,
    });
    await evaluations.recordDefaultRatings(tenantId);
    expect(await ratingsOf(completed)).toEqual([
      { stage: 'COMPLETION', channel: 'DEFAULT', rating: 4 },
    ]);
    expect(await ratingsOf(promised)).toEqual([]);
  });
});
