import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestContext, SCOPE_SQL, TenantScope } from '@tongban/core';
import { createTestDatabase, TestDatabase } from '@tongban/test-support';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Row-level security, read from pg_catalog and tried as the application role: the backstop
 * that holds even when a query forgets its tenant filter (DESIGN.md §2).
 */
describe('row-level security', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
  });
  afterAll(() => db?.drop());

  it('is forced on every table with a tenant_id, and tenant_id is in every primary and unique key', async () => {
    const tables = await db.query<{
      table: string;
      rls: boolean;
      forced: boolean;
      policies: number;
    }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        ORDER BY 1`,
    );
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining([
        'memberships',
        'service_windows',
        'setup_links',
        'window_assignments',
        'audit_events',
      ]),
    );
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, forced: table.forced }).toEqual({
        table: table.table,
        rls: true,
        forced: true,
      });
      expect(table.policies).toBeGreaterThan(0);
    }

    const keysWithoutTenant = await db.query<{ table: string; index: string }>(
      `SELECT c.relname AS table, i.relname AS index
         FROM pg_index x
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
        WHERE c.relnamespace = 'public'::regnamespace
          AND (x.indisprimary OR x.indisunique)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
          AND NOT EXISTS (
            SELECT 1 FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (x.indkey::int2[]))`,
    );
    expect(keysWithoutTenant).toEqual([]);
  });

  it('has the division-code range policy on every tenant table, with the column and its trigger', async () => {
    const tables = await db.query<{
      table: string;
      qual: string;
      check: string;
      notNull: boolean;
      trigger: boolean;
    }>(
      `SELECT c.relname AS table, p.qual, p.with_check AS check,
              a.attnotnull AS "notNull",
              EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid
                         AND g.tgname = 'tenant_division_code' AND g.tgenabled = 'O') AS trigger
         FROM pg_class c
         JOIN pg_attribute t ON t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_division_code'
         LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname
                                AND p.policyname = 'tenant_scope'
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(8);
    const policy =
      "((tenant_division_code >= current_setting('tongban.division_start'::text, true)) AND " +
      "(tenant_division_code < current_setting('tongban.division_end'::text, true)))";
    for (const table of tables) {
      expect(table).toEqual({
        table: table.table,
        qual: policy,
        check: policy,
        notNull: true,
        trigger: true,
      });
    }
    // The code column compares in "C" order, so the range is the byte order of the digits.
    const [collation] = await db.query<{ collation: string }>(
      `SELECT collation_name AS collation FROM information_schema.columns
        WHERE table_name = 'service_windows' AND column_name = 'tenant_division_code'`,
    );
    expect(collation).toEqual({ collation: 'C' });
    const ranges = await db.query(
      `SELECT code, tongban_division_prefix(code) AS prefix, tongban_division_end(code) AS "end"
         FROM unnest(ARRAY['450000', '450200', '450222', '450222203', '450222203201', '', '45x', '4502221']) code`,
    );
    expect(ranges).toEqual([
      { code: '450000', prefix: '45', end: '45:' },
      { code: '450200', prefix: '4502', end: '4502:' },
      { code: '450222', prefix: '450222', end: '450222:' },
      { code: '450222203', prefix: '450222203', end: '450222203:' },
      { code: '450222203201', prefix: '450222203201', end: '450222203201:' },
      { code: '', prefix: null, end: null },
      { code: '45x', prefix: null, end: null },
      { code: '4502221', prefix: null, end: null },
    ]);
  });

  it('keeps the tenant tree a tree of nested code ranges (tenants_tree_guard)', async () => {
    const [county] = await db.query<{ id: string; path: string[] }>(
      `SELECT id, path FROM tenants WHERE division_code = '450222'`,
    );
    const open = (code: string, kind: string, path: (id: string) => string) =>
      db.query(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         SELECT g, $1, $3, $2, '测试', 'ACTIVE', ${path('g')} FROM gen_random_uuid() g`,
        [county.id, code, kind, county.path],
      );
    const refused = (constraint: string) => ({ code: '23514', constraint });
    await expect(open('450223101', 'TOWNSHIP', (g) => `$4::uuid[] || ${g}`)).rejects.toMatchObject(
      refused('tenants_division_code_range'),
    );
    await expect(open('450222', 'COUNTY', (g) => `$4::uuid[] || ${g}`)).rejects.toMatchObject(
      refused('tenants_division_code_range'),
    );
    await expect(
      open('450222121', 'TOWNSHIP', (g) => `($4::uuid[])[1:2] || ${g}`),
    ).rejects.toMatchObject(refused('tenants_path_matches_parent'));
    // A station directly under the county whose code lies in township 450222203's range.
    await expect(
      open('450222203299', 'VILLAGE', (g) => `$4::uuid[] || ${g}`),
    ).rejects.toMatchObject(refused('tenants_division_code_overlap'));
    // The same code again is the unique key's: ON CONFLICT DO NOTHING (onboarding, the demo
    // seed on every start) still answers nothing, not an overlap.
    const again = await db.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       SELECT g, $1, 'TOWNSHIP', '450222203', '马山乡', 'ACTIVE', $2::uuid[] || g
         FROM gen_random_uuid() g
       ON CONFLICT (division_code) DO NOTHING RETURNING id`,
      [county.id, county.path],
    );
    expect(again).toEqual([]);
    await expect(
      db.query(`UPDATE tenants SET division_code = '450222204' WHERE division_code = '450222203'`),
    ).rejects.toMatchObject(refused('tenants_tree_immutable'));
  });

  /** The scope policy every tenant-owned table has (migration 1764892800000-division-scope). */
  const SCOPE_POLICY =
    "((tenant_division_code >= current_setting('tongban.division_start'::text, true)) AND " +
    "(tenant_division_code < current_setting('tongban.division_end'::text, true)))";
  /**
   * Tables whose rows tenants below may read too (material published above them: the
   * standard catalogue, a parent's implementation list), by a second, read-only policy.
   */
  const ANCESTOR_READ_TABLES = [
    'business_hours',
    'calendar_years',
    'catalogue_items',
    'catalogue_versions',
    'implementation_items',
    'supervision_settings',
    'assessment_weights',
  ];

  /** Ids of one tenant's own rows that other tables' rows point at. */
  interface Refs {
    tenant: string;
    window: string;
    application: string;
    /** Users of no membership in the tenant yet, one per arranged row. */
    users: string[];
    /** A draft catalogue version of the tenant (items are added to drafts only). */
    draft: string;
    /** Rollouts of the tenant, one per arranged step. */
    rollouts: string[];
    /** Default ratings of applications of the tenant, one per arranged rectification case. */
    rated: { evaluation: string; application: string }[];
    /** A rectification case of the tenant, for its callbacks and appeals. */
    rectification: string;
    /** Outbox messages of the tenant, one per arranged inbox row. */
    outbox?: string[];
    /** A complaint of the tenant, for its handling steps. */
    complaint?: string;
  }
  /**
   * How to insert a row into each table under row-level security, for tenant `r` (the n-th
   * such row). A new tenant table fails the suite until it is added here.
   */
  const ARRANGE: Record<string, (r: Refs, n: number) => [string, unknown[]]> = {
    service_windows: (r, n) => [
      `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, $2, 'RLS', 'SERVICE')`,
      [r.tenant, `RLS${n}`],
    ],
    memberships: (r, n) => [
      `INSERT INTO memberships (tenant_id, user_id, roles) VALUES ($1, $2, ARRAY['WINDOW_STAFF'])`,
      [r.tenant, r.users[n]],
    ],
    window_assignments: (r, n) => [
      `INSERT INTO window_assignments (tenant_id, window_id, user_id) VALUES ($1, $2, $3)`,
      [r.tenant, r.window, r.users[n]],
    ],
    setup_links: (r, n) => [
      `INSERT INTO setup_links (tenant_id, id, user_id, token_hash, expires_at)
       VALUES ($1, gen_random_uuid(), $2, '\\x00', now() + interval '1 day')`,
      [r.tenant, r.users[n]],
    ],
    audit_events: (r, n) => [
      `INSERT INTO audit_events (tenant_id, action, details) VALUES ($1, 'RLS_TEST', $2)`,
      [r.tenant, { n }],
    ],
    receipt_counters: (r, n) => [
      `INSERT INTO receipt_counters (tenant_id, day, last_number) VALUES ($1, date '2000-01-01' + $2::int, 1)`,
      [r.tenant, n],
    ],
    applications: (r, n) => [
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                 applicant_name, status, submitted_by)
       VALUES ($1, $2, $3, '00013112800001', '个体工商户设立登记', '测试', 'SUBMITTED', $4)`,
      [r.tenant, `RLS-${n}`, r.window, r.users[0]],
    ],
    catalogue_versions: (r, n) => [
      `INSERT INTO catalogue_versions (tenant_id, label) VALUES ($1, $2)`,
      [r.tenant, `RLS${n}`],
    ],
    catalogue_items: (r, n) => [
      `INSERT INTO catalogue_items (tenant_id, version_id, code, name, type, competent_department,
         implementing_level, legal_basis, applicant_scopes, conditions, materials, steps,
         statutory_days, fee, handling_tiers, intake_only_tiers, online_available)
       VALUES ($1, $2, $3, 'RLS', 'OTHER', '县', '县级', '—', '{}', '', '[]', '[]', 1,
               '{"free": true}', '{COUNTY}', '{}', false)`,
      [r.tenant, r.draft, `RLS${n}`],
    ],
    catalogue_imports: (r) => [
      `INSERT INTO catalogue_imports (tenant_id, label, file_name) VALUES ($1, 'RLS', 'rls.xlsx')`,
      [r.tenant],
    ],
    implementation_items: (r, n) => [
      `INSERT INTO implementation_items (tenant_id, code, source_tenant_id, source_version_id, materials)
       VALUES ($1, $2, $1, gen_random_uuid(), '[]')`,
      [r.tenant, `RLS${n}`],
    ],
    catalogue_rollouts: (r) => [
      `INSERT INTO catalogue_rollouts (tenant_id, version_tenant_id, version_id) VALUES ($1, $1, $2)`,
      [r.tenant, r.draft],
    ],
    // A step is keyed by its tenant and rollout: the n-th of the tenant's rollouts.
    catalogue_rollout_steps: (r, n) => [
      `INSERT INTO catalogue_rollout_steps (tenant_id, rollout_tenant_id, rollout_id, depth)
       VALUES ($1, $1, $2, 0)`,
      [r.tenant, r.rollouts[n]],
    ],
    menu_templates: (r, n) => [
      `INSERT INTO menu_templates (tenant_id, name, tier, item_codes) VALUES ($1, $2, 'VILLAGE', '{}')`,
      [r.tenant, `RLS${n}`],
    ],
    consultations: (r, n) => [
      `INSERT INTO consultations (tenant_id, window_id, channel, note, logged_by)
       VALUES ($1, $2, 'PHONE', $3, $4)`,
      [r.tenant, r.window, `RLS${n}`, r.users[0]],
    ],
    application_events: (r) => [
      `INSERT INTO application_events (tenant_id, application_id, to_status) VALUES ($1, $2, 'SUBMITTED')`,
      [r.tenant, r.application],
    ],
    // Local days of the n-th year; business hours are one row a tenant (set again).
    calendar_years: (r, n) => [
      `INSERT INTO calendar_years (tenant_id, kind, year, days_off, adjusted_workdays, entered_by)
       VALUES ($1, 'LOCAL', $2, '[]', '[]', $3)`,
      [r.tenant, 2090 + n, r.users[0]],
    ],
    business_hours: (r) => [
      `INSERT INTO business_hours (tenant_id, periods, updated_by)
       VALUES ($1, '[{"opens":"08:30","closes":"17:30"}]', $2)
       ON CONFLICT (tenant_id) DO UPDATE SET periods = EXCLUDED.periods`,
      [r.tenant, r.users[0]],
    ],
    // Settings are one row a tenant (set again).
    supervision_settings: (r, n) => [
      `INSERT INTO supervision_settings (tenant_id, rectification_working_days, updated_by)
       VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET rectification_working_days = EXCLUDED.rectification_working_days`,
      [r.tenant, 10 + n, r.users[0]],
    ],
    application_warnings: (r, n) => [
      `INSERT INTO application_warnings (tenant_id, application_id, kind, level, due_at, raised_at,
                                        window_id)
       VALUES ($1, $2, $3, 'YELLOW', now(), now(), $4)`,
      [r.tenant, r.application, n % 2 === 0 ? 'DEADLINE' : 'ACCEPTANCE', r.window],
    ],
    notification_outbox: (r, n) => [
      `INSERT INTO notification_outbox (tenant_id, dedupe_key, recipient_id, channel, subject, body)
       VALUES ($1, $2, $3, 'INBOX', 'RLS', 'RLS')`,
      [r.tenant, `rls:${n}`, r.users[0]],
    ],
    notification_inbox: (r, n) => [
      `INSERT INTO notification_inbox (tenant_id, outbox_id, recipient_id, subject, body)
       VALUES ($1, $2, $3, 'RLS', 'RLS')`,
      [r.tenant, r.outbox![n], r.users[0]],
    ],
    application_pauses: (r) => [
      `INSERT INTO application_pauses (tenant_id, application_id, kind, started_at, ended_at)
       VALUES ($1, $2, 'HEARING', now(), now())`,
      [r.tenant, r.application],
    ],
    evaluation_devices: (r, n) => [
      `INSERT INTO evaluation_devices (tenant_id, window_id, label, token_hash, registered_by)
       VALUES ($1, $2, $3, sha256('rls'::bytea), $4)`,
      [r.tenant, r.window, `RLS${n}`, r.users[0]],
    ],
    evaluation_links: (r) => [
      `INSERT INTO evaluation_links (tenant_id, application_id, stage, token_hash, issued_by, expires_at)
       VALUES ($1, $2, 'COMPLETION', sha256('rls'::bytea), $3, now() + interval '7 days')`,
      [r.tenant, r.application, r.users[0]],
    ],
    // One active rating per application and stage: the n-th row rates another stage.
    evaluations: (r, n) => [
      `INSERT INTO evaluations (tenant_id, application_id, window_id, stage, rating, channel)
       VALUES ($1, $2, $3, $4, 3, 'PORTAL')`,
      [r.tenant, r.application, r.window, n === 1 ? 'COMPLETION' : 'ACCEPTANCE'],
    ],
    insight_facts: (r, n) => [
      `INSERT INTO insight_facts (tenant_id, application_id, receipt_number, item_code, item_name,
         window_id, status, open, forwarded_in, submitted_on)
       VALUES ($1, $2, $3, 'RLS', 'RLS', $4, 'SUBMITTED', true, false, current_date)`,
      [r.tenant, r.rated[n - 1].application, `RLS${n}`, r.window],
    ],
    insight_counts: (r, n) => [
      `INSERT INTO insight_counts (tenant_id, day, item_code, submissions)
       VALUES ($1, current_date - $2::int, 'RLS', 1)`,
      [r.tenant, n],
    ],
    // One row a tenant: set again with other weights.
    assessment_weights: (r, n) => [
      `INSERT INTO assessment_weights (tenant_id, volume, on_time, satisfaction, bad_reviews,
         warnings, attendance, set_by)
       VALUES ($1, 20 + $2::int, 30 - $2::int, 20, 10, 10, 10, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET volume = EXCLUDED.volume, on_time = EXCLUDED.on_time`,
      [r.tenant, n, r.users[0]],
    ],
    insight_month_counts: (r, n) => [
      `INSERT INTO insight_month_counts (tenant_id, month, submissions)
       VALUES ($1, (date_trunc('month', current_date) - $2::int * interval '1 month')::date, 1)`,
      [r.tenant, n],
    ],
    rectification_cases: (r, n) => [
      `INSERT INTO rectification_cases (tenant_id, evaluation_id, application_id, window_id, due_at)
       VALUES ($1, $2, $3, $4, now() + interval '21 days')`,
      [r.tenant, r.rated[n - 1].evaluation, r.rated[n - 1].application, r.window],
    ],
    rectification_callbacks: (r, n) => [
      `INSERT INTO rectification_callbacks (tenant_id, case_id, caller_name, called_at, agreed, recorded_by)
       VALUES ($1, $2, 'RLS', now(), $3, $4)`,
      [r.tenant, r.rectification, `RLS${n}`, r.users[0]],
    ],
    complaints: (r, n) => [
      `INSERT INTO complaints (tenant_id, subject_kind, window_id, channel, complainant_name,
                               content, due_at, logged_by)
       VALUES ($1, 'WINDOW', $2, 'IN_PERSON', 'RLS', $3, now() + interval '21 days', $4)`,
      [r.tenant, r.window, `RLS${n}`, r.users[0]],
    ],
    complaint_events: (r, n) => [
      `INSERT INTO complaint_events (tenant_id, complaint_id, action, actor_id, note)
       VALUES ($1, $2, 'NOTE', $3, $4)`,
      [r.tenant, r.complaint, r.users[0], `RLS${n}`],
    ],
    attendance_terminals: (r, n) => [
      `INSERT INTO attendance_terminals (tenant_id, label, token_hash, registered_by)
       VALUES ($1, $2, sha256('rls'::bytea), $3)`,
      [r.tenant, `RLS${n}`, r.users[0]],
    ],
    // Entered by hand (a terminal's events need its row; the policy is the same).
    attendance_events: (r, n) => [
      `INSERT INTO attendance_events (tenant_id, user_id, at, direction, entered_by, reason)
       VALUES ($1, $2, now() - $3::int * interval '1 minute', 'IN', $2, 'RLS')`,
      [r.tenant, r.users[0], n],
    ],
    rectification_appeals: (r, n) => [
      `INSERT INTO rectification_appeals (tenant_id, case_id, appellant_id, reason, status,
                                          decided_by, decided_at)
       VALUES ($1, $2, $3, $4, 'DISMISSED', $3, now())`,
      [r.tenant, r.rectification, r.users[0], `RLS${n}`],
    ],
    application_extensions: (r) => [
      `INSERT INTO application_extensions (tenant_id, application_id, working_days, reason,
                                           requested_by, status)
       VALUES ($1, $2, 1, 'RLS', $3, 'REFUSED')`,
      [r.tenant, r.application, r.users[0]],
    ],
  };

  describe('every table under row-level security, as the application login', () => {
    let rlsTables: { table: string; forced: boolean }[];
    const refs: Refs[] = [];
    let app: Client;

    beforeAll(async () => {
      rlsTables = await db.query(
        `SELECT c.relname AS table, c.relforcerowsecurity AS forced FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relrowsecurity ORDER BY 1`,
      );
      // Two townships of the same county, each with a window, an application and fresh users.
      for (const code of ['450222203', '450222100']) {
        const [{ id: tenant }] = await db.query<{ id: string }>(
          `SELECT id FROM tenants WHERE division_code = $1`,
          [code],
        );
        const users: string[] = [];
        for (let n = 0; n < 4; n++) {
          const [{ id }] = await db.query<{ id: string }>(
            `INSERT INTO users (username, display_name, password_hash, home_tenant_id)
             VALUES ($1, 'RLS', 'x', $2) RETURNING id`,
            [`rls.${code}.${n}`, tenant],
          );
          users.push(id);
        }
        const [{ id: window }] = await db.query<{ id: string }>(
          `INSERT INTO service_windows (tenant_id, code, name, kind)
           VALUES ($1, 'RLSW', 'RLS', 'SERVICE') RETURNING id`,
          [tenant],
        );
        const [{ id: draft }] = await db.query<{ id: string }>(
          `INSERT INTO catalogue_versions (tenant_id, label) VALUES ($1, 'RLS draft') RETURNING id`,
          [tenant],
        );
        const rollouts: string[] = [];
        for (let n = 0; n < 3; n++) {
          const [{ id: rollout }] = await db.query<{ id: string }>(
            `INSERT INTO catalogue_rollouts (tenant_id, version_tenant_id, version_id)
             VALUES ($1, $1, $2) RETURNING id`,
            [tenant, draft],
          );
          rollouts.push(rollout);
        }
        const outbox: string[] = [];
        for (let n = 0; n < 3; n++) {
          const [{ id: message }] = await db.query<{ id: string }>(
            `INSERT INTO notification_outbox (tenant_id, dedupe_key, recipient_id, channel,
                                              subject, body)
             VALUES ($1, $2, $3, 'INBOX', 'RLS', 'RLS') RETURNING id`,
            [tenant, `rls-ref:${n}`, users[0]],
          );
          outbox.push(message);
        }
        const partial = {
          tenant,
          window,
          users,
          draft,
          rollouts,
          outbox,
          application: '',
          rated: [] as Refs['rated'],
          rectification: '',
        };
        const [sql, params] = ARRANGE.applications(partial, 0);
        const [{ id: application }] = await db.query<{ id: string }>(`${sql} RETURNING id`, params);
        // Three more applications, each with a default rating: two for arranged rectification
        // cases, one for the case that callbacks and appeals belong to.
        for (let n = 0; n < 3; n++) {
          const [more, moreParams] = ARRANGE.applications(partial, 10 + n);
          const [{ id: rated }] = await db.query<{ id: string }>(
            `${more} RETURNING id`,
            moreParams,
          );
          const [{ id: evaluation }] = await db.query<{ id: string }>(
            `INSERT INTO evaluations (tenant_id, application_id, window_id, stage, rating, channel)
             VALUES ($1, $2, $3, 'COMPLETION', 5, 'DEFAULT') RETURNING id`,
            [tenant, rated, window],
          );
          partial.rated.push({ evaluation, application: rated });
        }
        const [{ id: rectification }] = await db.query<{ id: string }>(
          `INSERT INTO rectification_cases (tenant_id, evaluation_id, application_id, window_id, due_at)
           VALUES ($1, $2, $3, $4, now()) RETURNING id`,
          [tenant, partial.rated[2].evaluation, partial.rated[2].application, window],
        );
        const [{ id: complaint }] = await db.query<{ id: string }>(
          `INSERT INTO complaints (tenant_id, subject_kind, window_id, channel, complainant_name,
                                   content, due_at, logged_by)
           VALUES ($1, 'WINDOW', $2, 'IN_PERSON', 'RLS', 'RLS', now(), $3) RETURNING id`,
          [tenant, window, users[0]],
        );
        refs.push({ ...partial, application, rectification, complaint });
      }
      app = new Client({ connectionString: db.url });
      await app.connect();
    });
    afterAll(() => app?.end());

    async function asApp<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
      await app.query('BEGIN');
      try {
        await app.query(SCOPE_SQL, ['tenant', tenantId, '']);
        return await work();
      } finally {
        await app.query('ROLLBACK');
      }
    }

    it('covers every table with a tenant_id, and knows how to arrange a row in each', async () => {
      const tenantTables = await db.query<{ table: string }>(
        `SELECT c.relname AS table FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                           AND a.attname = 'tenant_id' AND NOT a.attisdropped)
          ORDER BY 1`,
      );
      const names = rlsTables.map((t) => t.table);
      expect(names).toEqual(tenantTables.map((t) => t.table));
      expect(names).toEqual(Object.keys(ARRANGE).sort());
    });

    it('has RLS forced and the scope policy (not `true`) on each, and an ancestor read where published material lives', async () => {
      const policies = await db.query<{ table: string }>(
        `SELECT tablename AS table, policyname, permissive, roles::text, cmd, qual, with_check
           FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`,
      );
      expect(rlsTables.length).toBeGreaterThanOrEqual(8);
      for (const { table, forced } of rlsTables) {
        expect({ table, forced }).toEqual({ table, forced: true });
        const scope = {
          table,
          policyname: 'tenant_scope',
          permissive: 'PERMISSIVE',
          roles: '{public}',
          cmd: 'ALL',
          qual: SCOPE_POLICY,
          with_check: SCOPE_POLICY,
        };
        const ancestorRead = expect.objectContaining({
          table,
          policyname: 'ancestor_read',
          permissive: 'PERMISSIVE',
          cmd: 'SELECT',
          // The publisher's stored prefix among the scope's ancestors' (1765152000000), no
          // function of the row's code per row.
          qual: expect.stringMatching(/^\(.*tenant_division_prefix = ANY \(ARRAY\[/),
          with_check: null,
        });
        const own = policies.filter((p) => p.table === table);
        expect(own).toEqual(ANCESTOR_READ_TABLES.includes(table) ? [ancestorRead, scope] : [scope]);
      }
    });

    it('a scoped read sees exactly its tenant’s rows; a write into the other tenant is refused', async () => {
      const [a, b] = refs;
      const tenantsOf = (table: string) => async () =>
        (
          await app.query<{ tenant_id: string }>(
            `SELECT DISTINCT tenant_id FROM ${table} WHERE tenant_id = ANY ($1::uuid[])`,
            [[a.tenant, b.tenant]],
          )
        ).rows.map((r) => r.tenant_id);
      for (const { table } of rlsTables) {
        // Arranged as the owner (beyond row-level security): one row of each tenant.
        for (const r of refs) {
          const [sql, params] = ARRANGE[table](r, 1);
          await db.query(sql, params);
        }
        const both = await db.query<{ n: number }>(
          `SELECT count(DISTINCT tenant_id)::int AS n FROM ${table} WHERE tenant_id = ANY ($1::uuid[])`,
          [[a.tenant, b.tenant]],
        );
        expect({ table, tenants: both[0].n }).toEqual({ table, tenants: 2 });
        expect({ table, seen: await asApp(a.tenant, tenantsOf(table)) }).toEqual({
          table,
          seen: [a.tenant],
        });
        expect({ table, seen: await asApp(b.tenant, tenantsOf(table)) }).toEqual({
          table,
          seen: [b.tenant],
        });

        // Control: the same insert into the scope's own tenant goes through.
        const [own, ownParams] = ARRANGE[table](a, 2);
        await asApp(a.tenant, () => app.query(own, ownParams));
        const [foreign, foreignParams] = ARRANGE[table](b, 2);
        await expect(asApp(a.tenant, () => app.query(foreign, foreignParams))).rejects.toThrow(
          `new row violates row-level security policy for table "${table}"`,
        );
      }
    });

    it('keeps ratings and callbacks unchanged, and no evaluation record deleted', async () => {
      const [a] = refs;
      for (const [statement, table] of [
        [`UPDATE evaluations SET rating = 5 WHERE tenant_id = $1`, 'evaluations'],
        [`DELETE FROM evaluations WHERE tenant_id = $1`, 'evaluations'],
        [
          `UPDATE rectification_callbacks SET agreed = 'x' WHERE tenant_id = $1`,
          'rectification_callbacks',
        ],
        [`DELETE FROM rectification_cases WHERE tenant_id = $1`, 'rectification_cases'],
        [`DELETE FROM complaints WHERE tenant_id = $1`, 'complaints'],
        [`UPDATE complaint_events SET note = 'x' WHERE tenant_id = $1`, 'complaint_events'],
        [`DELETE FROM evaluation_devices WHERE tenant_id = $1`, 'evaluation_devices'],
        [`UPDATE attendance_events SET reason = 'x' WHERE tenant_id = $1`, 'attendance_events'],
        [`DELETE FROM attendance_events WHERE tenant_id = $1`, 'attendance_events'],
        [`DELETE FROM attendance_terminals WHERE tenant_id = $1`, 'attendance_terminals'],
      ]) {
        await expect(asApp(a.tenant, () => app.query(statement, [a.tenant]))).rejects.toThrow(
          `permission denied for table ${table}`,
        );
      }
    });

    it('keeps the consultation log append-only for the application login', async () => {
      const [a] = refs;
      for (const statement of [
        `UPDATE consultations SET note = 'changed' WHERE tenant_id = $1`,
        `DELETE FROM consultations WHERE tenant_id = $1`,
      ]) {
        await expect(asApp(a.tenant, () => app.query(statement, [a.tenant]))).rejects.toThrow(
          /permission denied for table consultations/,
        );
      }
    });
  });

  it('leaves the application role no way around it', async () => {
    const [role] = await db.query<Record<string, boolean>>(
      `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
              EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
                         AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owner,
              pg_has_role(r.oid, 'tongban_app', 'MEMBER') AS member,
              EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                       WHERE m.member = r.oid AND (g.rolsuper OR g.rolbypassrls)) AS privileged_group
         FROM pg_roles r WHERE r.rolname = $1`,
      [db.appRole],
    );
    expect(role).toEqual({
      superuser: false,
      bypassrls: false,
      owner: false,
      member: true,
      privileged_group: false,
    });
    const [group] = await db.query<Record<string, boolean>>(
      `SELECT rolsuper AS superuser, rolbypassrls AS bypassrls, rolcanlogin AS login FROM pg_roles WHERE rolname = 'tongban_app'`,
    );
    expect(group).toEqual({ superuser: false, bypassrls: false, login: false });
  });

  describe('as the application role', () => {
    let app: Client;
    let tenants: Record<string, string>;
    beforeAll(async () => {
      app = new Client({ connectionString: db.url });
      await app.connect();
      const rows = await db.query<{ division_code: string; id: string }>(
        `SELECT division_code, id FROM tenants`,
      );
      tenants = Object.fromEntries(rows.map((r) => [r.division_code, r.id]));
    });
    afterAll(() => app?.end());

    async function inScope<T>(
      scope: string | null,
      tenantId: string | null,
      work: () => Promise<T>,
    ): Promise<T> {
      await app.query('BEGIN');
      try {
        // The very statement TenantScope opens every transaction with.
        if (scope) await app.query(SCOPE_SQL, [scope, tenantId, '']);
        return await work();
      } finally {
        await app.query('ROLLBACK');
      }
    }
    const windowTenants = async () =>
      (
        await app.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM service_windows`)
      ).rows
        .map((r) => r.tenant_id)
        .sort();

    it('an unfiltered query sees only the scope’s rows', async () => {
      const mashan = tenants['450222203'];
      expect(await inScope('tenant', mashan, windowTenants)).toEqual([mashan]);
      const subtree = await inScope('subtree', mashan, windowTenants);
      expect(subtree).toEqual([mashan, tenants['450222203201'], tenants['450222203202']].sort());
      expect(subtree).not.toContain(tenants['450222100']);
    });

    it('fails closed without a scope: no rows, no writes', async () => {
      expect(await inScope(null, null, windowTenants)).toEqual([]);
      expect((await app.query(`SELECT count(*)::int AS n FROM memberships`)).rows[0].n).toBe(0);
      await expect(
        inScope(null, null, () =>
          app.query(
            `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, 'X1', 'x', 'SERVICE')`,
            [tenants['450222']],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it('refuses writes into another tenant (WITH CHECK)', async () => {
      await expect(
        inScope('subtree', tenants['450222203'], () =>
          app.query(
            `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, 'X2', 'x', 'SERVICE')`,
            [tenants['450222100']],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        inScope('subtree', tenants['450222203'], () =>
          app.query(`UPDATE service_windows SET tenant_id = $1 WHERE tenant_id = $2`, [
            tenants['450222100'],
            tenants['450222203'],
          ]),
        ),
      ).rejects.toThrow(/does not move to another tenant/);
    });

    it('sees exactly the subtree in subtree scope, and the tenant alone in tenant scope, at every depth', async () => {
      // Province > city > county > township > village, and a village directly under a township.
      for (const code of ['450000', '450200', '450222', '450222203', '450222203201']) {
        const tenantId = tenants[code];
        const below = await db.query<{ tenant_id: string }>(
          `SELECT DISTINCT tenant_id FROM service_windows
            WHERE tenant_id IN (SELECT id FROM tenants WHERE path @> ARRAY[$1::uuid])`,
          [tenantId],
        );
        const members = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM memberships
            WHERE tenant_id IN (SELECT id FROM tenants WHERE path @> ARRAY[$1::uuid])`,
          [tenantId],
        );
        expect({ code, seen: await inScope('subtree', tenantId, windowTenants) }).toEqual({
          code,
          seen: below.map((r) => r.tenant_id).sort(),
        });
        const seenMembers = await inScope('subtree', tenantId, async () => {
          return (await app.query(`SELECT count(*)::int AS n FROM memberships`)).rows[0].n;
        });
        expect({ code, members: seenMembers }).toEqual({ code, members: members[0].n });
        const own = below.some((r) => r.tenant_id === tenantId) ? [tenantId] : [];
        expect({ code, seen: await inScope('tenant', tenantId, windowTenants) }).toEqual({
          code,
          seen: own,
        });
      }
      expect(await inScope('subtree', tenants['450222203'], windowTenants)).not.toContain(
        tenants['450222100'],
      );
      // An unknown scope, and a tenant id that names no tenant, see nothing.
      expect(await inScope('bogus', tenants['450000'], windowTenants)).toEqual([]);
      expect(
        await inScope('subtree', '00000000-0000-4000-8000-000000000000', windowTenants),
      ).toEqual([]);
    });

    it('refuses a row whose tenant_division_code disagrees with its tenant (trigger), even for the owner', async () => {
      const township = tenants['450222203'];
      const insert = (code: string) =>
        `INSERT INTO service_windows (tenant_id, code, name, kind, tenant_division_code)
         VALUES ($1, 'X3', 'x', 'SERVICE', '${code}')`;
      await expect(
        inScope('subtree', tenants['450222'], () => app.query(insert('450222203201'), [township])),
      ).rejects.toMatchObject({
        code: '23514',
        constraint: 'service_windows_tenant_division_code_matches',
      });
      await expect(db.query(insert('450222100'), [township])).rejects.toMatchObject({
        code: '23514',
        constraint: 'service_windows_tenant_division_code_matches',
      });
      await expect(
        db.query(`UPDATE memberships SET tenant_division_code = '450222' WHERE tenant_id = $1`, [
          township,
        ]),
      ).rejects.toMatchObject({
        code: '23514',
        constraint: 'memberships_tenant_division_code_matches',
      });
      // Left out, it is filled in from the tenant.
      const written = await inScope('tenant', township, async () => {
        const { rows } = await app.query(
          `INSERT INTO service_windows (tenant_id, code, name, kind)
           VALUES ($1, 'X4', 'x', 'SERVICE') RETURNING tenant_division_code`,
          [township],
        );
        return rows;
      });
      expect(written).toEqual([{ tenant_division_code: '450222203' }]);
    });

    it('reads the catalogue above from columns no writer sets: the publisher’s prefix and an item’s publication', async () => {
      const township = tenants['450222203'];
      const [{ id: draft }] = await db.query<{ id: string }>(
        `INSERT INTO catalogue_versions (tenant_id, label) VALUES ($1, 'RLS stamped') RETURNING id`,
        [township],
      );
      const own = {
        tenant: township,
        window: '',
        application: '',
        users: [],
        draft,
        rollouts: [],
        rated: [],
        rectification: '',
      };
      const { rows: qual } = await app.query<{ qual: string }>(
        `SELECT qual FROM pg_policies WHERE tablename = 'catalogue_items' AND policyname = 'ancestor_read'`,
      );
      expect(qual[0].qual).not.toMatch(/tongban_division_|catalogue_versions/);
      const item = ARRANGE.catalogue_items(own, 90);
      const stamped = await inScope('tenant', own.tenant, async () => {
        // A draft's item says it is published: the version says otherwise.
        const sql = item[0].replace('online_available)', 'online_available, published)');
        await app.query(sql.replace('false)', 'false, true)'), item[1]);
        await app.query(`UPDATE catalogue_items SET published = true WHERE version_id = $1`, [
          own.draft,
        ]);
        return (
          await app.query(
            `SELECT DISTINCT published, tenant_division_prefix AS prefix FROM catalogue_items
              WHERE version_id = $1`,
            [own.draft],
          )
        ).rows;
      });
      expect(stamped).toEqual([{ published: false, prefix: '450222203' }]);
      for (const sql of [
        `INSERT INTO catalogue_versions (tenant_id, label, tenant_division_prefix) VALUES ($1, 'RLS forged', '45')`,
        `UPDATE implementation_items SET tenant_division_prefix = '45' WHERE tenant_id = $1`,
        `UPDATE catalogue_versions SET tenant_division_prefix = '45' WHERE tenant_id = $1`,
      ]) {
        await expect(
          inScope('tenant', own.tenant, () => app.query(sql, [own.tenant])),
        ).rejects.toThrow(/tenant_division_prefix/);
      }
    });

    it('hides a draft’s items from every tenant below, shows them once published (and retired), and a county’s list to no sibling county', async () => {
      const [city] = await db.query<{ id: string; path: string[] }>(
        `SELECT id, path FROM tenants WHERE division_code = '450200'`,
      );
      const [{ id: sibling }] = await db.query<{ id: string }>(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         SELECT g, $1, 'COUNTY', '450223', '鹿寨县', 'ACTIVE', $2::uuid[] || g
           FROM gen_random_uuid() g RETURNING id`,
        [city.id, city.path],
      );
      const province = tenants['450000'];
      const county = tenants['450222'];
      const below: [string, string][] = [
        ['subtree', '450200'],
        ['subtree', '450222'],
        ['subtree', '450222203'],
        ['tenant', '450222203201'],
        ['subtree', '450223'],
      ];
      // Scopes switched inside one transaction (set_config is transaction-local), rolled back.
      const as = (scope: string, tenantId: string) => app.query(SCOPE_SQL, [scope, tenantId, '']);
      const seen = async (versionId: string) => {
        const out: Record<string, string> = {};
        for (const [scope, code] of below) {
          await as(scope, code === '450223' ? sibling : tenants[code]);
          const { rows } = await app.query<{ versions: number; items: number; list: number }>(
            `SELECT (SELECT count(*)::int FROM catalogue_versions WHERE id = $1) AS versions,
                    (SELECT count(*)::int FROM catalogue_items WHERE version_id = $1) AS items,
                    (SELECT count(*)::int FROM implementation_items WHERE tenant_id = $2) AS list`,
            [versionId, county],
          );
          out[code] =
            `${rows[0].versions} version, ${rows[0].items} items, county list ${rows[0].list > 0}`;
        }
        return out;
      };
      await app.query('BEGIN');
      try {
        await as('tenant', province);
        const {
          rows: [{ id: draft }],
        } = await app.query<{ id: string }>(
          `INSERT INTO catalogue_versions (tenant_id, label) VALUES ($1, 'RLS below') RETURNING id`,
          [province],
        );
        const refs = {
          tenant: province,
          draft,
          window: '',
          application: '',
          users: [],
          rollouts: [],
          rated: [],
          rectification: '',
        };
        for (const n of [91, 92]) await app.query(...ARRANGE.catalogue_items(refs, n));
        await as('tenant', county);
        await app.query(...ARRANGE.implementation_items({ ...refs, tenant: county }, 93));

        expect(await seen(draft)).toEqual({
          '450200': '0 version, 0 items, county list true',
          '450222': '0 version, 0 items, county list true',
          '450222203': '0 version, 0 items, county list true',
          '450222203201': '0 version, 0 items, county list true',
          '450223': '0 version, 0 items, county list false',
        });
        for (const status of ['PUBLISHED', 'RETIRED']) {
          await as('tenant', province);
          await app.query(`UPDATE catalogue_versions SET status = $2 WHERE id = $1`, [
            draft,
            status,
          ]);
          expect({ status, seen: await seen(draft) }).toEqual({
            status,
            seen: {
              '450200': '1 version, 2 items, county list true',
              '450222': '1 version, 2 items, county list true',
              '450222203': '1 version, 2 items, county list true',
              '450222203201': '1 version, 2 items, county list true',
              '450223': '1 version, 2 items, county list false',
            },
          });
        }
      } finally {
        await app.query('ROLLBACK');
      }
    });

    it('cannot switch RLS off or read the migrations table', async () => {
      await expect(
        app.query(`ALTER TABLE service_windows DISABLE ROW LEVEL SECURITY`),
      ).rejects.toThrow(/must be owner/);
      await expect(
        app.query(`SET row_security = off; SELECT * FROM service_windows`),
      ).rejects.toThrow(
        'query would be affected by row-level security policy for table "service_windows"',
      );
      await expect(app.query(`SELECT * FROM schema_migrations`)).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it('1,000 concurrent scoped transactions across 50 tenants on a pool of 4 see no foreign row and leave no scope behind', async () => {
    // 50 townships under the county, each with one window named after it.
    const [county] = await db.query<{ id: string; path: string[] }>(
      `SELECT id, path FROM tenants WHERE division_code = '450222'`,
    );
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         SELECT g, $1, 'TOWNSHIP', $2, $3, 'ACTIVE', $4::uuid[] || g FROM gen_random_uuid() g RETURNING id`,
        [county.id, `450222${String(300 + i)}`, `并发乡${i}`, county.path],
      );
      ids.push(row.id);
      await db.query(
        `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, 'C1', $2, 'COMPREHENSIVE')`,
        [row.id, row.id],
      );
    }

    const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await dataSource.initialize();
    const cls = new ClsService(new AsyncLocalStorage());
    const scope = new TenantScope(dataSource, new RequestContext(cls), cls);
    try {
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, n) => {
          const tenantId = ids[n % ids.length];
          return cls.run(() =>
            scope.runIn({ tenantId, visibility: 'tenant', actorId: null }, async (manager) => {
              // Deliberately unfiltered: only row-level security narrows it.
              const rows: { tenant_id: string; name: string }[] = await manager.query(
                `SELECT tenant_id, name FROM service_windows`,
              );
              return { tenantId, rows };
            }),
          );
        }),
      );
      for (const { tenantId, rows } of results) {
        expect(rows).toEqual([{ tenant_id: tenantId, name: tenantId }]);
      }

      // Every pooled connection is back without a scope: an unscoped read sees nothing.
      const clients = await Promise.all(
        Array.from({ length: 4 }, () => dataSource.createQueryRunner()),
      );
      try {
        for (const runner of clients) {
          await runner.connect();
          const [settings] = await runner.query(
            `SELECT coalesce(current_setting('tongban.scope', true), '') AS scope,
                    coalesce(current_setting('tongban.tenant_id', true), '') AS tenant,
                    (SELECT count(*)::int FROM service_windows) AS visible`,
          );
          expect(settings).toEqual({ scope: '', tenant: '', visible: 0 });
        }
      } finally {
        await Promise.all(clients.map((runner) => runner.release()));
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
