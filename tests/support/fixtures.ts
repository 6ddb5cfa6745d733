import type { TestDatabase } from './database';

/**
 * A second city (桂林市, no tenants below) and a second county beside the demo's Liucheng:
 * Liujiang (柳江区) with a township and a village,
 * its own windows and staff, so isolation tests have siblings and cousins to aim at.
 * Passwords are the demo password.
 */
export async function addNeighbourCounty(db: TestDatabase): Promise<void> {
  const [{ hash }] = await db.query<{ hash: string }>(
    `SELECT password_hash AS hash FROM users WHERE username = 'liucheng.admin'`,
  );
  await db.query(
    `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
     SELECT g, p.id, 'CITY', '450300', '桂林市', 'ACTIVE', p.path || g
       FROM gen_random_uuid() g, tenants p WHERE p.division_code = '450000'`,
  );
  const tenants: [string, string, string, string][] = [
    ['450206', '柳江区', 'COUNTY', '450200'],
    ['450206100', '拉堡镇', 'TOWNSHIP', '450206'],
    ['450206100201', '百朋村便民服务站', 'VILLAGE', '450206100'],
  ];
  for (const [code, name, kind, parentCode] of tenants) {
    await db.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       SELECT g, p.id, $3, $1, $2, 'ACTIVE', p.path || g
         FROM gen_random_uuid() g, tenants p WHERE p.division_code = $4`,
      [code, name, kind, parentCode],
    );
    await db.query(
      `INSERT INTO service_windows (tenant_id, code, name, kind)
       SELECT id, 'C1', '综合窗口1', 'COMPREHENSIVE' FROM tenants WHERE division_code = $1`,
      [code],
    );
  }
  const users: [string, string, string, string][] = [
    ['liujiang.admin', '柳江区政务服务中心管理员', '450206', 'COUNTY_ADMIN'],
    ['labao.manager', '拉堡镇政务服务中心主任', '450206100', 'CENTER_MANAGER'],
    ['baipeng.staff', '百朋村代办员', '450206100201', 'STATION_STAFF'],
  ];
  for (const [username, displayName, code, role] of users) {
    await db.query(
      `WITH u AS (
         INSERT INTO users (username, display_name, password_hash, home_tenant_id)
         SELECT $1, $2, $3, id FROM tenants WHERE division_code = $4 RETURNING id, home_tenant_id)
       INSERT INTO memberships (tenant_id, user_id, roles) SELECT home_tenant_id, id, ARRAY[$5] FROM u`,
      [username, displayName, hash, code, role],
    );
  }
  // One application at each of Liujiang's halls, taken in by their own staff.
  const applications: [string, string, string][] = [
    ['450206', 'LJ-20261126-0001', 'liujiang.admin'],
    ['450206100', '450206100-20261126-0001', 'labao.manager'],
    ['450206100201', '450206100201-20261126-0001', 'baipeng.staff'],
  ];
  for (const [code, receipt, username] of applications) {
    await db.query(
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                 applicant_name, applicant_id_number, applicant_phone, status,
                                 submitted_by)
       SELECT t.id, $2, w.id, '00013112800001', '个体工商户设立登记', '黄小明',
              '11010519491231002X', '13900001111', 'SUBMITTED', u.id
         FROM tenants t JOIN service_windows w ON w.tenant_id = t.id
              JOIN users u ON u.username = $3
        WHERE t.division_code = $1`,
      [code, receipt, username],
    );
  }
}

/** A fingerprint of every row the API may change, to prove a refused call changed nothing. */
export async function databaseFingerprint(db: TestDatabase): Promise<string> {
  const [row] = await db.query<{ fingerprint: string }>(
    `SELECT md5(concat_ws('|',
       (SELECT string_agg(t::text, ',' ORDER BY id) FROM tenants t),
       (SELECT string_agg(u.id || u.status || coalesce(u.password_hash, ''), ',' ORDER BY id) FROM users u),
       (SELECT string_agg(m::text, ',' ORDER BY tenant_id, user_id) FROM memberships m),
       (SELECT string_agg(w::text, ',' ORDER BY tenant_id, id) FROM service_windows w),
       (SELECT string_agg(a::text, ',' ORDER BY tenant_id, window_id, user_id) FROM window_assignments a),
       (SELECT count(*)::text FROM setup_links),
       (SELECT count(*)::text FROM audit_events),
       (SELECT string_agg(a::text, ',' ORDER BY tenant_id, id) FROM applications a),
       (SELECT count(*)::text FROM application_events),
       (SELECT count(*)::text FROM consultations),
       (SELECT string_agg(c::text, ',' ORDER BY tenant_id, day) FROM receipt_counters c))) AS fingerprint`,
  );
  return row.fingerprint;
}
