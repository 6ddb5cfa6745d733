import { join } from 'node:path';
import {
  API_DIST,
  createTestDatabase,
  gql,
  login,
  runNode,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import {
  ApplicationStatus,
  clockDeadlines,
  composeCalendar,
  DEFAULT_BUSINESS_HOURS,
  layersFor,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
} from '@tongban/workflow';

const MIGRATE = join(API_DIST, 'migrate.js');

interface Row {
  id: string;
  status: ApplicationStatus;
  division: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  completedAt: Date | null;
  promisedDays: number | null;
  statutoryDays: number | null;
  extensionDays: number;
  acceptanceDueAt: Date;
  promisedDeadline: Date | null;
  statutoryDeadline: Date | null;
  submittedBy: string;
  forwardedFrom: string | null;
}

/**
 * The demo's months of applications (issue 11 item 7), made by `migrate --seed-demo
 * --demo-history` through the real services: every state, a trail of events that leads to
 * each application's state, deadlines as the calendar's rules count them, once.
 */
describe('demo history', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let rows: Row[];
  let firstLog: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
      DATABASE_URL: db.url,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    };
    const first = await runNode(MIGRATE, ['--seed-demo', '--demo-history'], env, 240_000);
    firstLog = first.stdout + first.stderr;
    expect(first.code).toBe(0);
    rows = await db.query<Row>(
      `SELECT a.id, a.status, t.division_code AS division, a.submitted_at AS "submittedAt",
              a.accepted_at AS "acceptedAt", a.decided_at AS "decidedAt",
              a.completed_at AS "completedAt", a.item_promised_days AS "promisedDays",
              a.item_statutory_days AS "statutoryDays", a.extension_days AS "extensionDays",
              a.acceptance_due_at AS "acceptanceDueAt", a.promised_deadline AS "promisedDeadline",
              a.statutory_deadline AS "statutoryDeadline", u.username AS "submittedBy",
              a.forwarded_from_id AS "forwardedFrom"
         FROM applications a JOIN tenants t ON t.id = a.tenant_id
         JOIN users u ON u.id = a.submitted_by
        WHERE a.intake_key LIKE 'demo-history-%' OR a.forwarded_from_id IS NOT NULL`,
    );
  }, 300_000);
  afterAll(() => db?.drop());

  it('adds several hundred applications over the last thirteen months, in every state', () => {
    const report = /"history":\{"applications":(\d+),"acts":(\d+)/.exec(firstLog);
    // Each forwarded one (代办) has its row at the station and one at the township.
    const forwarded = rows.filter((row) => row.forwardedFrom).length;
    expect(forwarded).toBeGreaterThan(10);
    expect(Number(report?.[1])).toBe(rows.length - forwarded);
    expect(rows.length).toBeGreaterThanOrEqual(600);
    const states = new Set(rows.map((row) => row.status));
    expect([...states].sort()).toEqual(Object.values(ApplicationStatus).sort());
    const halls = new Set(rows.map((row) => row.division));
    expect([...halls].sort()).toEqual(['450222', '450222203', '450222203201']);
    const oldest = Math.min(...rows.map((row) => row.submittedAt.getTime()));
    // Thirteen months: last month has a year before it to compare with.
    expect(Date.now() - oldest).toBeGreaterThan(365 * 86_400_000);
    expect(rows.every((row) => row.submittedAt.getTime() < Date.now())).toBe(true);
  });

  it('gives every application a trail of events from intake to its state, by the demo people', async () => {
    const events = await db.query<{
      applicationId: string;
      fromStatus: ApplicationStatus | null;
      toStatus: ApplicationStatus;
      actor: string;
      occurredAt: Date;
    }>(
      `SELECT e.application_id AS "applicationId", e.from_status AS "fromStatus",
              e.to_status AS "toStatus", u.username AS actor, e.occurred_at AS "occurredAt"
         FROM application_events e JOIN users u ON u.id = e.actor_id
        ORDER BY e.occurred_at, e.id`,
    );
    const byApplication = new Map<string, typeof events>();
    for (const event of events) {
      byApplication.set(event.applicationId, [
        ...(byApplication.get(event.applicationId) ?? []),
        event,
      ]);
    }
    for (const row of rows) {
      const trail = byApplication.get(row.id)!;
      expect(trail[0]).toMatchObject({ fromStatus: null, toStatus: ApplicationStatus.SUBMITTED });
      trail.slice(1).forEach((event, i) => expect(event.fromStatus).toBe(trail[i].toStatus));
      expect(trail.at(-1)!.toStatus).toBe(row.status);
      expect(trail[0].occurredAt).toEqual(row.submittedAt);
      if (row.status !== ApplicationStatus.SUBMITTED) expect(trail.length).toBeGreaterThan(1);
      // Window staff act at their hall; only a center manager decides extensions.
      for (const event of trail) {
        expect(['liucheng.window', 'liucheng.land', 'mashan.manager', 'village.staff']).toContain(
          event.actor,
        );
      }
    }
    const decided = await db.query<{ status: string; decidedBy: string }>(
      `SELECT x.status, u.username AS "decidedBy" FROM application_extensions x
         LEFT JOIN users u ON u.id = x.decided_by`,
    );
    expect(new Set(decided.map((x) => x.status))).toEqual(
      new Set(['APPROVED', 'REFUSED', 'PENDING']),
    );
    for (const x of decided.filter((x) => x.status !== 'PENDING')) {
      expect(x.decidedBy).toBe('mashan.manager');
    }
  });

  it('stores the deadlines the calendar’s rules give, after hours and weekends included', async () => {
    const pauses = await db.query<{ applicationId: string; from: Date; to: Date | null }>(
      `SELECT application_id AS "applicationId", started_at AS from, ended_at AS to
         FROM application_pauses ORDER BY started_at, id`,
    );
    const calendar = {
      calendar: composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES)),
      hours: DEFAULT_BUSINESS_HOURS,
    };
    for (const row of rows) {
      const expected = clockDeadlines(calendar, {
        submittedAt: row.submittedAt,
        acceptedAt: row.acceptedAt,
        promisedDays: row.promisedDays,
        statutoryDays: row.statutoryDays,
        pauses: pauses.filter((pause) => pause.applicationId === row.id),
        extensionDays: row.extensionDays,
      });
      expect({
        acceptanceDueAt: row.acceptanceDueAt,
        promisedDeadline: row.promisedDeadline,
        statutoryDeadline: row.statutoryDeadline,
      }).toEqual({
        acceptanceDueAt: expected.acceptanceDueAt,
        promisedDeadline: expected.promisedDeadline,
        statutoryDeadline: expected.statutoryDeadline,
      });
    }
    const completed = rows.filter(
      (row) => row.status === ApplicationStatus.COMPLETED && row.promisedDeadline,
    );
    const late = completed.filter((row) => row.completedAt! > row.promisedDeadline!);
    expect(late.length).toBeGreaterThan(5);
    expect(late.length).toBeLessThan(completed.length * 0.2);
    // On-the-spot items: accepted, decided and completed in the one act of intake's day.
    const onTheSpot = rows.filter((row) => row.promisedDays === null && row.completedAt);
    expect(onTheSpot.length).toBeGreaterThan(20);
    for (const row of onTheSpot) expect(row.completedAt).toEqual(row.acceptedAt);
    // Some taken in outside business hours: acceptance due counts from the next working day.
    const outside = rows.filter((row) => {
      const beijing = new Date(row.submittedAt.getTime() + 8 * 3_600_000);
      return beijing.getUTCDay() % 6 === 0 || beijing.getUTCHours() >= 18;
    });
    expect(outside.length).toBeGreaterThan(3);
    // Open ones the work queues show as overdue: not accepted within 5 working days.
    const overdue = rows.filter(
      (row) => row.status === ApplicationStatus.SUBMITTED && row.acceptanceDueAt < new Date(),
    );
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('is read through the API like any other application', async () => {
    const api = await startApi({ databaseUrl: db.url, env: { LOG_LEVEL: 'warn' } });
    try {
      const token = (await login(api.baseUrl, 'mashan.manager', 'Demo#2026')).data!.login
        .accessToken;
      const queue = await gql<{ workQueue: { nodes: { status: string }[] } }>(
        api.baseUrl,
        `query { workQueue(page: { first: 50 }) { nodes { status } } }`,
        { token },
      );
      expect(queue.errors).toBeUndefined();
      expect(queue.data!.workQueue.nodes.length).toBeGreaterThan(10);
    } finally {
      await api.stop();
    }
  });

  it('adds nothing the second time', async () => {
    const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applications`);
    const second = await runNode(MIGRATE, ['--seed-demo', '--demo-history'], env, 120_000);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('"history":{"applications":0,"acts":0');
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applications`);
    expect(after.n).toBe(before.n);
  });
});
