import type { TestDatabase } from './database';

/**
 * Fixtures for the isolation matrix: every tenant holds a row of every kind an operation can
 * aim at, so every (actor, operation, slot, relation) has a foreign id to try and no
 * combination is skipped for want of one. Run after the demo data and `addNeighbourCounty`.
 */

/** The kinds of row an id argument can name. */
export type IdKind =
  | 'tenant'
  | 'window'
  | 'user'
  | 'application'
  | 'catalogueVersion'
  | 'catalogueImport'
  | 'menuTemplate'
  | 'catalogueRollout'
  | 'applicationExtension'
  | 'evaluationDevice'
  | 'rectificationCase'
  | 'warning'
  | 'inboxMessage'
  | 'complaint'
  | 'attendanceTerminal';

/** One tenant's rows of every kind, made to be aimed at from outside it. */
export interface TenantTargets {
  tenant: string;
  window: string;
  user: string;
  application: string;
  setupLink: string;
  /** A draft standard version with one item: a draft is its publisher's alone. */
  catalogueVersion: string;
  catalogueImport: string;
  menuTemplate: string;
  /** A running clean-up round owned by the tenant (no steps, so it blocks nothing). */
  catalogueRollout: string;
  /** An extension (延期) of the tenant's application, waiting for a manager's decision. */
  applicationExtension: string;
  /** An evaluation device of the tenant's window, not revoked. */
  evaluationDevice: string;
  /** An open rectification case (a bad review) at the clerk's window, concerning the clerk. */
  rectificationCase: string;
  /** An open RED card on the tenant's application. */
  warning: string;
  /** A notification in the target member's inbox. */
  inboxMessage: string;
  /** A complaint (投诉) received about the clerk's window, open. */
  complaint: string;
  /** A fingerprint terminal (考勤机) of the tenant, not revoked. */
  attendanceTerminal: string;
}

/** The role that makes sense for a plain staff member of each kind of tenant. */
export const STAFF_ROLE_BY_KIND: Record<string, string> = {
  PROVINCE: 'CITY_OFFICIAL',
  CITY: 'CITY_OFFICIAL',
  COUNTY: 'WINDOW_STAFF',
  TOWNSHIP: 'WINDOW_STAFF',
  VILLAGE: 'STATION_STAFF',
};

/**
 * A second city's subtree beside Liuzhou: 桂林市 (made by `addNeighbourCounty`, empty until
 * now) gets a county, a township and a village, so a city official has a cousin and every
 * actor a tenant in another city to aim at.
 */
export async function addSecondCitySubtree(db: TestDatabase): Promise<void> {
  const tenants: [string, string, string, string][] = [
    ['450303', '叠彩区', 'COUNTY', '450300'],
    ['450303100', '大河乡', 'TOWNSHIP', '450303'],
    ['450303100201', '大河村便民服务站', 'VILLAGE', '450303100'],
  ];
  for (const [code, name, kind, parentCode] of tenants) {
    await db.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       SELECT g, p.id, $3, $1, $2, 'ACTIVE', p.path || g
         FROM gen_random_uuid() g, tenants p WHERE p.division_code = $4`,
      [code, name, kind, parentCode],
    );
  }
}

/**
 * Gives every tenant (province and cities included) one of each: a target window (MX), a
 * spare window (MZ) and a clerk's window (MY); a target staff member, a spare one and a
 * clerk (`matrix.clerk.<division code>`, demo password, assigned to MY) who may take in
 * applications there, and at counties and townships a manager (`matrix.manager.<code>`) who
 * approves extensions; an application taken in at MX with an extension asked for, and one at
 * MY (the clerk's own, to act on); a setup link of the target member.
 * Returns the target rows by tenant id.
 */
export async function giveEveryTenantOneOfEach(
  db: TestDatabase,
): Promise<Map<string, TenantTargets>> {
  const [{ hash }] = await db.query<{ hash: string }>(
    `SELECT password_hash AS hash FROM users WHERE username = 'liucheng.admin'`,
  );
  const tenants = await db.query<{ id: string; kind: string; division_code: string }>(
    `SELECT id, kind, division_code FROM tenants ORDER BY division_code`,
  );
  const targets = new Map<string, TenantTargets>();
  for (const tenant of tenants) {
    const windows: Record<string, string> = {};
    for (const code of ['MX', 'MY', 'MZ']) {
      const [{ id }] = await db.query<{ id: string }>(
        `INSERT INTO service_windows (tenant_id, code, name, kind)
         VALUES ($1, $2, $3, 'COMPREHENSIVE') RETURNING id`,
        [tenant.id, code, `矩阵窗口${code}`],
      );
      windows[code] = id;
    }
    const users: Record<string, string> = {};
    for (const who of ['target', 'spare', 'clerk']) {
      const role = who === 'clerk' && tenant.kind !== 'VILLAGE' ? 'WINDOW_STAFF' : null;
      const [{ id }] = await db.query<{ id: string }>(
        `WITH u AS (
           INSERT INTO users (username, display_name, password_hash, home_tenant_id)
           VALUES ($1, $2, $3, $4) RETURNING id)
         INSERT INTO memberships (tenant_id, user_id, roles)
         SELECT $4, id, ARRAY[$5] FROM u RETURNING user_id AS id`,
        [
          `matrix.${who}.${tenant.division_code}`,
          `矩阵${who}`,
          hash,
          tenant.id,
          role ?? STAFF_ROLE_BY_KIND[tenant.kind],
        ],
      );
      users[who] = id;
    }
    await db.query(
      `INSERT INTO window_assignments (tenant_id, window_id, user_id) VALUES ($1, $2, $3)`,
      [tenant.id, windows.MY, users.clerk],
    );
    if (tenant.kind === 'COUNTY' || tenant.kind === 'TOWNSHIP') {
      await db.query(
        `WITH u AS (
           INSERT INTO users (username, display_name, password_hash, home_tenant_id)
           VALUES ($1, '矩阵manager', $2, $3) RETURNING id)
         INSERT INTO memberships (tenant_id, user_id, roles)
         SELECT $3, id, ARRAY['CENTER_MANAGER'] FROM u`,
        [`matrix.manager.${tenant.division_code}`, hash, tenant.id],
      );
    }
    const [{ id: application }] = await db.query<{ id: string }>(
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                 applicant_name, status, submitted_by)
       VALUES ($1, $2, $3, '00013112800001', '个体工商户设立登记', '矩阵申请人', 'SUBMITTED', $4)
       RETURNING id`,
      [tenant.id, `MATRIX-${tenant.division_code}`, windows.MX, users.clerk],
    );
    // One more at the clerk's own window: what the clerk may act on (the control of an act).
    const [{ id: atClerksWindow }] = await db.query<{ id: string }>(
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                 applicant_name, status, submitted_by)
       VALUES ($1, $2, $3, '00013112800001', '个体工商户设立登记', '矩阵申请人', 'SUBMITTED', $4)
       RETURNING id`,
      [tenant.id, `MATRIX-MY-${tenant.division_code}`, windows.MY, users.clerk],
    );
    const [{ id: evaluationDevice }] = await db.query<{ id: string }>(
      `INSERT INTO evaluation_devices (tenant_id, window_id, label, token_hash, registered_by)
       VALUES ($1, $2, '矩阵评价器', sha256('matrix'::bytea), $3) RETURNING id`,
      [tenant.id, windows.MX, users.clerk],
    );
    const rectificationCase = await addRectificationCase(db, atClerksWindow, users.clerk);
    // Every demo person at a window sees a bad review of theirs in the list of cases.
    for (const { window, user } of await db.query<{ window: string; user: string }>(
      `SELECT window_id AS window, user_id AS user FROM window_assignments
        WHERE tenant_id = $1 AND window_id <> ALL ($2::uuid[])`,
      [tenant.id, Object.values(windows)],
    )) {
      const [{ id }] = await db.query<{ id: string }>(
        `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                   applicant_name, status, submitted_by)
         VALUES ($1, $2, $3, '00013112800001', '个体工商户设立登记', '矩阵申请人', 'COMPLETED', $4)
         RETURNING id`,
        [tenant.id, `MATRIX-RC-${window}`, window, user],
      );
      await addRectificationCase(db, id, user);
    }
    const [{ id: applicationExtension }] = await db.query<{ id: string }>(
      `INSERT INTO application_extensions (tenant_id, application_id, working_days, reason,
                                           requested_by)
       VALUES ($1, $2, 2, '矩阵延期', $3) RETURNING id`,
      [tenant.id, application, users.clerk],
    );
    const [{ id: setupLink }] = await db.query<{ id: string }>(
      `INSERT INTO setup_links (tenant_id, id, user_id, token_hash, expires_at)
       VALUES ($1, gen_random_uuid(), $2, '\\x00', now() + interval '7 days') RETURNING id`,
      [tenant.id, users.target],
    );
    const catalogueVersion = await addCatalogueVersion(db, tenant.id, 'DRAFT', '矩阵草稿');
    const [{ id: catalogueImport }] = await db.query<{ id: string }>(
      `INSERT INTO catalogue_imports (tenant_id, label, file_name, status)
       VALUES ($1, '矩阵导入', 'matrix.xlsx', 'FAILED') RETURNING id`,
      [tenant.id],
    );
    const [{ id: menuTemplate }] = await db.query<{ id: string }>(
      `INSERT INTO menu_templates (tenant_id, name, tier, item_codes)
       VALUES ($1, '矩阵模板', 'VILLAGE', '{}') RETURNING id`,
      [tenant.id],
    );
    const catalogueRollout = await addCatalogueRollout(db, tenant.id);
    const [{ id: warning }] = await db.query<{ id: string }>(
      `INSERT INTO application_warnings (tenant_id, application_id, kind, level, due_at,
                                         raised_at, window_id)
       VALUES ($1, $2, 'DEADLINE', 'RED', now(), now(), $3) RETURNING id`,
      [tenant.id, application, windows.MX],
    );
    const inboxMessage = await addInboxMessage(db, tenant.id, users.target, 'matrix');
    const complaint = await addComplaint(db, tenant.id, { windowId: windows.MY }, users.clerk);
    // Every window and station clerk of the tenant reads a complaint about themselves.
    for (const { user } of await db.query<{ user: string }>(
      `SELECT user_id AS user FROM memberships
        WHERE tenant_id = $1 AND roles && ARRAY['WINDOW_STAFF', 'STATION_STAFF']`,
      [tenant.id],
    )) {
      await addComplaint(db, tenant.id, { staffId: user }, users.clerk);
    }
    const [{ id: attendanceTerminal }] = await db.query<{ id: string }>(
      `INSERT INTO attendance_terminals (tenant_id, label, token_hash, registered_by)
       VALUES ($1, '矩阵考勤机', sha256('matrix'::bytea), $2) RETURNING id`,
      [tenant.id, users.clerk],
    );
    targets.set(tenant.id, {
      tenant: tenant.id,
      window: windows.MX,
      user: users.target,
      application,
      setupLink,
      catalogueVersion,
      catalogueImport,
      menuTemplate,
      catalogueRollout,
      applicationExtension,
      evaluationDevice,
      rectificationCase,
      warning,
      inboxMessage,
      complaint,
      attendanceTerminal,
    });
  }
  return targets;
}

/**
 * An open rectification case on `applicationId`, at its window, concerning `staffId`: a bad
 * review (2) given at acceptance (so the application may still be rated at completion).
 */
export async function addRectificationCase(
  db: TestDatabase,
  applicationId: string,
  staffId: string,
): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `WITH e AS (
       INSERT INTO evaluations (tenant_id, application_id, window_id, stage, rating, channel,
                                rated_at)
       SELECT tenant_id, id, window_id, 'ACCEPTANCE', 2, 'PORTAL', now() - interval '1 day'
         FROM applications WHERE id = $1
       RETURNING tenant_id, id, application_id, window_id, rated_at)
     INSERT INTO rectification_cases (tenant_id, evaluation_id, application_id, window_id,
                                      staff_id, opened_at, due_at)
     SELECT tenant_id, id, application_id, window_id, $2, rated_at, rated_at + interval '21 days'
       FROM e RETURNING id`,
    [applicationId, staffId],
  );
  return id;
}

/** A notification delivered to `userId`'s inbox in `tenantId` (outbox row and inbox row). */
export async function addInboxMessage(
  db: TestDatabase,
  tenantId: string,
  userId: string,
  key: string,
): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `WITH o AS (
       INSERT INTO notification_outbox (tenant_id, dedupe_key, recipient_id, channel, subject,
                                        body, status, delivered_at)
       VALUES ($1, $2 || gen_random_uuid(), $3, 'INBOX', '矩阵消息', '矩阵消息', 'DELIVERED', now())
       RETURNING tenant_id, id)
     INSERT INTO notification_inbox (tenant_id, outbox_id, recipient_id, subject, body)
     SELECT tenant_id, id, $3, '矩阵消息', '矩阵消息' FROM o RETURNING id`,
    [tenantId, key, userId],
  );
  return id;
}

/** A running rollout of the published standard owned by `tenantId`, with no steps. */
export async function addCatalogueRollout(db: TestDatabase, tenantId: string): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `INSERT INTO catalogue_rollouts (tenant_id, version_tenant_id, version_id)
     SELECT $1, v.tenant_id, v.id FROM catalogue_versions v
      WHERE v.status = 'PUBLISHED' ORDER BY v.published_at LIMIT 1
     RETURNING id`,
    [tenantId],
  );
  return id;
}

/** The demo's item every matrix version holds (the one the matrix's applications are for). */
export const MATRIX_ITEM_CODE = '00013112800001';

/**
 * A standard catalogue version of `tenantId` in `status` holding one item, a copy of the demo
 * catalogue's MATRIX_ITEM_CODE (written as a draft, then moved, as the catalogue does).
 */
export async function addCatalogueVersion(
  db: TestDatabase,
  tenantId: string,
  status: 'DRAFT' | 'PUBLISHED',
  label: string,
): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `INSERT INTO catalogue_versions (tenant_id, label, item_count) VALUES ($1, $2, 1) RETURNING id`,
    [tenantId, label],
  );
  const columns = (
    await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_name = 'catalogue_items' AND is_generated = 'NEVER'
          AND column_name NOT IN ('tenant_id', 'version_id', 'tenant_division_code', 'published')
        ORDER BY ordinal_position`,
    )
  ).map((c) => c.name);
  await db.query(
    `INSERT INTO catalogue_items (tenant_id, version_id, ${columns.join(', ')})
     SELECT $1, $2, ${columns.map((c) => `c.${c}`).join(', ')}
       FROM catalogue_items c JOIN catalogue_versions v ON v.tenant_id = c.tenant_id AND v.id = c.version_id
      WHERE c.code = $3 AND v.status = 'PUBLISHED'
      ORDER BY v.published_at LIMIT 1`,
    [tenantId, id, MATRIX_ITEM_CODE],
  );
  if (status !== 'DRAFT') {
    await db.query(
      `UPDATE catalogue_versions SET status = $2, published_at = now() WHERE id = $1`,
      [id, status],
    );
  }
  return id;
}

/** An open complaint received now in `tenantId` about a window or a staff member. */
export async function addComplaint(
  db: TestDatabase,
  tenantId: string,
  about: { windowId: string } | { staffId: string },
  loggedBy: string,
): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `INSERT INTO complaints (tenant_id, subject_kind, window_id, staff_id, channel,
                             complainant_name, complainant_phone, content, due_at, logged_by)
     VALUES ($1, $2, $3, $4, 'IN_PERSON', '矩阵投诉人', '13800001234', '矩阵投诉',
             now() + interval '21 days', $5)
     RETURNING id`,
    [
      tenantId,
      'windowId' in about ? 'WINDOW' : 'STAFF',
      'windowId' in about ? about.windowId : null,
      'staffId' in about ? about.staffId : null,
      loggedBy,
    ],
  );
  return id;
}
