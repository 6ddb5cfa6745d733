import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@tongban/test-support';

// Issue 13: applications taken in before the insights existed get their facts and counters
// from a job queued at start (InsightsBackfillJob), once: a second start records nothing.
async function waitForLog(api: ApiProcess, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!api.logs().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no “${text}” in the API's log:\n${api.logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('insights: the backfill of applications older than the insights', () => {
  let db: TestDatabase;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Counters summed over every tenant and day, as the rollups hold them. */
  const rolledUp = async () =>
    (
      await db.query<Record<string, number>>(
        `SELECT coalesce(sum(submissions), 0)::int AS submissions,
                coalesce(sum(acceptances), 0)::int AS acceptances,
                coalesce(sum(completions), 0)::int AS completions
           FROM insight_counts`,
      )
    )[0];
  const monthly = async () =>
    (
      await db.query<{ submissions: number }>(
        `SELECT coalesce(sum(submissions), 0)::int AS submissions FROM insight_month_counts`,
      )
    )[0].submissions;
  /** The same counted from the applications. */
  const naive = async () =>
    (
      await db.query<Record<string, number>>(
        `SELECT count(*) FILTER (WHERE forwarded_from_id IS NULL)::int AS submissions,
                count(*) FILTER (WHERE accepted_at IS NOT NULL AND forwarded_to_id IS NULL)::int
                  AS acceptances,
                count(*) FILTER (WHERE status = 'COMPLETED' AND forwarded_to_id IS NULL)::int
                  AS completions
           FROM applications`,
      )
    )[0];
  const factsCount = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM insight_facts`))[0].n;

  it('records the facts of every application that has none, once', async () => {
    const applications = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applications`)
    )[0].n;
    expect(applications).toBeGreaterThan(3);
    const expected = await naive();
    expect(await rolledUp()).toEqual(expected);

    // As before the insights: no facts, no application counters.
    await db.query(`DELETE FROM insight_facts`);
    await db.query(`UPDATE insight_counts SET submissions = 0, acceptances = 0, completions = 0`);
    await db.query(
      `UPDATE insight_month_counts SET submissions = 0, acceptances = 0, completions = 0`,
    );
    await db.query(`DELETE FROM insight_counts WHERE consultations = 0`);
    await db.query(`DELETE FROM insight_month_counts WHERE consultations = 0`);
    expect((await rolledUp()).submissions).toBe(0);

    api = await startApi({ databaseUrl: db.url, env: { REDIS_URL: '' } });
    const deadline = Date.now() + 60_000;
    while ((await factsCount()) < applications && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await factsCount()).toBe(applications);
    expect(await rolledUp()).toEqual(expected);
    expect(await monthly()).toBe(expected.submissions);
    await waitForLog(api, 'insight facts backfilled');
    expect(api.logs()).toMatch(new RegExp(`"recorded":${applications}\\b`));
    await api.stop();

    // A second start: nothing to record, nothing moves.
    const counters = await db.query(`SELECT * FROM insight_counts ORDER BY 1, 2, 3, 4`);
    api = await startApi({ databaseUrl: db.url, env: { REDIS_URL: '' } });
    await waitForLog(api, 'insight facts backfilled');
    expect(api.logs()).toContain('"recorded":0');
    expect(await db.query(`SELECT * FROM insight_counts ORDER BY 1, 2, 3, 4`)).toEqual(counters);
  }, 180_000);
});
