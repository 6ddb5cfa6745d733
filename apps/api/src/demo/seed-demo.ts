import { randomBytes, randomUUID } from 'node:crypto';
import {
  CatalogueRepository,
  CatalogueVersionStatus,
  DEMO_STANDARD_CATALOGUE,
  ImplementationRepository,
  IntakeMenu,
  ServiceTier,
} from '@tongban/catalog';
import { beijingDay, TenantKind, TenantStatus } from '@tongban/core';
import { InsightFactsRepository, InsightRecorder } from '@tongban/insights';
import { hashPassword, onboardingChecklist } from '@tongban/tenancy';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApplicationRepository,
  applicationFact,
  AttendanceRepository,
  ClockDirection,
  ComplaintRepository,
  ComplaintStatus,
  ComplaintSubjectKind,
  complaintDue,
  ConsultationRepository,
  clockDeadlines,
  composeCalendar,
  DEFAULT_BUSINESS_HOURS,
  isWorkingDay,
  layersFor,
  LifecycleRepository,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
} from '@tongban/workflow';
import {
  DEMO_ACCOUNTS,
  DEMO_APPLICATIONS,
  DEMO_COMPLAINTS,
  DEMO_CONSULTATIONS,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  DEMO_WINDOW_ASSIGNMENTS,
} from './demo-data';

/** The insights' read model, written as the services would (the seed runs without them). */
const insights = new InsightRecorder(new InsightFactsRepository());

export class DemoSeedRefusedError extends Error {
  constructor() {
    super('Demo data is never seeded when NODE_ENV=production');
    this.name = 'DemoSeedRefusedError';
  }
}

export interface SeedReport {
  tenants: number;
  windows: number;
  users: number;
  applications: number;
  consultations: number;
  catalogueItems: number;
}

/** The demo's standard catalogue, published at the province. */
export const DEMO_CATALOGUE_LABEL = '广西政务服务事项基本目录（2026 年版）';

/** Inserts the demo tenants, windows and accounts that are missing; a second run adds nothing. */
export async function seedDemo(dataSource: DataSource, nodeEnv: string): Promise<SeedReport> {
  if (nodeEnv === 'production') throw new DemoSeedRefusedError();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return dataSource.transaction(async (tx) => {
    const report: SeedReport = {
      tenants: 0,
      windows: 0,
      users: 0,
      applications: 0,
      consultations: 0,
      catalogueItems: 0,
    };
    const tenants = new Map<string, { id: string; path: string[] }>();

    for (const tenant of DEMO_TENANTS) {
      const parent = tenant.parent ? tenants.get(tenant.parent) : undefined;
      const id = randomUUID();
      const inserted = await tx.query(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path, receipt_prefix)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (division_code) DO NOTHING RETURNING id`,
        [
          id,
          parent?.id ?? null,
          tenant.kind,
          tenant.code,
          tenant.name,
          demoStatus(tenant),
          [...(parent?.path ?? []), id],
          tenant.receiptPrefix ?? null,
        ],
      );
      report.tenants += inserted.length;
      const [row] = await tx.query(`SELECT id, path FROM tenants WHERE division_code = $1`, [
        tenant.code,
      ]);
      tenants.set(tenant.code, { id: row.id, path: row.path });

      for (const window of tenant.windows) {
        const added = await tx.query(
          `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
          [row.id, window.code, window.name, window.kind],
        );
        report.windows += added.length;
      }
    }

    for (const account of DEMO_ACCOUNTS) {
      const tenantId = tenants.get(account.tenant)!.id;
      const inserted = await tx.query(
        `INSERT INTO users (username, display_name, password_hash, home_tenant_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
        [account.username, account.displayName, passwordHash, tenantId],
      );
      if (inserted.length === 0) continue;
      report.users += 1;
      await tx.query(`INSERT INTO memberships (tenant_id, user_id, roles) VALUES ($1, $2, $3)`, [
        tenantId,
        inserted[0].id,
        [account.role],
      ]);
    }

    for (const assignment of DEMO_WINDOW_ASSIGNMENTS) {
      await tx.query(
        `INSERT INTO window_assignments (tenant_id, window_id, user_id)
         SELECT w.tenant_id, w.id, u.id FROM service_windows w, users u
          WHERE w.tenant_id = $1 AND w.code = $2 AND lower(u.username) = lower($3)
         ON CONFLICT DO NOTHING`,
        [tenants.get(assignment.tenant)!.id, assignment.window, assignment.username],
      );
    }

    report.catalogueItems = await seedCatalogue(tx, tenants.get(DEMO_TENANTS[0].code)!.id);
    // Applications only for halls that have none yet, so a second run adds nothing; after the
    // catalogue, as each is taken in from its hall's menu.
    const [{ any }] = await tx.query(`SELECT EXISTS (SELECT 1 FROM applications) AS any`);
    if (!any) {
      const menu = new IntakeMenu(new ImplementationRepository(), new CatalogueRepository());
      for (const application of DEMO_APPLICATIONS) {
        const [hall] = await tx.query(
          `SELECT t.id AS "tenantId", t.kind, t.receipt_prefix AS "receiptPrefix",
                  t.division_code AS "divisionCode", w.id AS "windowId", u.id AS "userId",
                  now() - $3::int * interval '1 day' - interval '2 hours' AS at
             FROM tenants t
             JOIN service_windows w ON w.tenant_id = t.id AND w.code = $2
             JOIN users u ON lower(u.username) = lower($4)
            WHERE t.division_code = $1`,
          [application.tenant, application.window, application.daysAgo, application.by],
        );
        const item = await menu.itemFor(
          tx,
          { id: hall.tenantId, kind: hall.kind },
          application.itemCode,
        );
        if (typeof item === 'string') {
          throw new Error(`Demo application ${application.itemCode}: ${item}`);
        }
        // The shipped calendar: the demo's tenants enter no days of their own.
        const calendar = composeCalendar(
          layersFor(hall.divisionCode, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES),
        );
        const due = clockDeadlines(
          { calendar, hours: DEFAULT_BUSINESS_HOURS },
          {
            submittedAt: hall.at,
            acceptedAt: null,
            promisedDays: null,
            statutoryDays: null,
            pauses: [],
            extensionDays: 0,
          },
        );
        const taken = await new ApplicationRepository().recordIntake(tx, {
          hall,
          windowId: hall.windowId,
          item,
          applicant: application.applicant,
          submittedBy: hall.userId,
          at: hall.at,
          acceptanceDueAt: due.acceptanceDueAt,
          provisional: due.provisional,
        });
        // What the services would have told the insights at intake.
        const source = (await new LifecycleRepository().factSource(tx, hall.tenantId, taken.id))!;
        await insights.recordApplication(
          tx,
          applicationFact({ calendar, hours: DEFAULT_BUSINESS_HOURS }, source),
        );
        report.applications += 1;
      }
    }
    report.consultations = await seedConsultations(tx);
    await seedComplaints(tx);
    await seedAttendance(tx);
    return report;
  });
}

/**
 * 柳城县's hall terminal and two weeks of its clerks' clock events, once (none yet anywhere):
 * mostly on time, 莫海 late twice, 韦丽 leaving early once and away one day. The terminal's
 * token is nobody's (a manager registers a new terminal to try the API).
 */
async function seedAttendance(tx: EntityManager): Promise<void> {
  const [{ any }] = await tx.query(`SELECT EXISTS (SELECT 1 FROM attendance_events) AS any`);
  if (any) return;
  const [hall] = await tx.query(
    `SELECT t.id, u.id AS "adminId" FROM tenants t, users u
      WHERE t.division_code = '450222' AND u.username = 'liucheng.admin'`,
  );
  const staff: { id: string; username: string }[] = await tx.query(
    `SELECT id, username FROM users WHERE username IN ('liucheng.window', 'liucheng.land')`,
  );
  const attendance = new AttendanceRepository();
  const terminalId = randomUUID();
  await attendance.insertTerminal(tx, {
    id: terminalId,
    tenantId: hall.id,
    label: '一楼大厅考勤机',
    tokenHash: randomBytes(32),
    registeredBy: hall.adminId,
  });
  const calendar = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
  const now = Date.now();
  let sequence = 0;
  for (let daysAgo = 14; daysAgo >= 1; daysAgo--) {
    const day = beijingDay(new Date(now - daysAgo * 86_400_000));
    if (!isWorkingDay(calendar, day)) continue;
    for (const person of staff) {
      const clerk = person.username === 'liucheng.window';
      if (clerk && daysAgo === 6) continue; // away
      const late = !clerk && (daysAgo === 3 || daysAgo === 9);
      const early = clerk && daysAgo === 4;
      const times: [string, ClockDirection][] = [
        [
          late ? '08:47' : `08:${String(10 + ((daysAgo * 7) % 19)).padStart(2, '0')}`,
          ClockDirection.IN,
        ],
        [
          early ? '16:50' : `17:${String(31 + ((daysAgo * 5) % 25)).padStart(2, '0')}`,
          ClockDirection.OUT,
        ],
      ];
      for (const [clock, direction] of times) {
        await attendance.insertEvent(tx, {
          tenantId: hall.id,
          terminalId,
          terminalEventId: `demo-${++sequence}`,
          userId: person.id,
          at: new Date(`${day}T${clock}:00+08:00`),
          direction,
          enteredBy: null,
          reason: null,
        });
      }
    }
  }
  await attendance.terminalSeen(tx, terminalId, new Date(now - 86_400_000));
}

/** The demo's complaints, once (none yet anywhere), due by the shipped calendar. */
async function seedComplaints(tx: EntityManager): Promise<void> {
  const [{ any }] = await tx.query(`SELECT EXISTS (SELECT 1 FROM complaints) AS any`);
  if (any) return;
  const complaints = new ComplaintRepository();
  const userId = async (username: string) =>
    (await tx.query(`SELECT id FROM users WHERE lower(username) = lower($1)`, [username]))[0]
      .id as string;
  for (const demo of DEMO_COMPLAINTS) {
    const [hall] = await tx.query(
      `SELECT id, division_code AS "divisionCode",
              now() - $2::int * interval '1 day' - interval '1 hour' AS at
         FROM tenants WHERE division_code = $1`,
      [demo.tenant, demo.daysAgo],
    );
    const windowOf = async (code: string) =>
      (
        await tx.query(`SELECT id FROM service_windows WHERE tenant_id = $1 AND code = $2`, [
          hall.id,
          code,
        ])
      )[0].id as string;
    let about: {
      subjectKind: ComplaintSubjectKind;
      windowId: string | null;
      staffId: string | null;
      applicationId: string | null;
    };
    if ('window' in demo.about) {
      about = {
        subjectKind: ComplaintSubjectKind.WINDOW,
        windowId: await windowOf(demo.about.window),
        staffId: null,
        applicationId: null,
      };
    } else if ('staff' in demo.about) {
      about = {
        subjectKind: ComplaintSubjectKind.STAFF,
        windowId: null,
        staffId: await userId(demo.about.staff),
        applicationId: null,
      };
    } else {
      const windowId = await windowOf(demo.about.applicationAt);
      const [{ id }] = await tx.query(
        `SELECT id FROM applications WHERE tenant_id = $1 AND window_id = $2
          ORDER BY submitted_at, id LIMIT 1`,
        [hall.id, windowId],
      );
      const application = (await complaints.application(tx, id))!;
      about = {
        subjectKind: ComplaintSubjectKind.APPLICATION,
        windowId: application.windowId,
        staffId: application.handlerId,
        applicationId: id,
      };
    }
    const calendar = composeCalendar(
      layersFor(hall.divisionCode, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES),
    );
    const { dueAt } = complaintDue({ calendar, hours: DEFAULT_BUSINESS_HOURS }, hall.at, 15);
    const loggedBy = await userId(demo.loggedBy);
    const id = await complaints.insert(tx, {
      tenantId: hall.id,
      ...about,
      channel: demo.channel,
      complainantName: demo.complainant.name,
      complainantPhone: demo.complainant.phone,
      content: demo.content,
      receivedAt: hall.at,
      dueAt,
      loggedBy,
    });
    const event = { tenantId: hall.id, complaintId: id };
    await complaints.insertEvent(tx, {
      ...event,
      action: 'LOGGED',
      actorId: loggedBy,
      at: hall.at,
      note: null,
    });
    const later = new Date(hall.at.getTime() + 3 * 3_600_000);
    if (demo.assignedTo) {
      const assignee = await userId(demo.assignedTo.username);
      await complaints.change(tx, id, 1, {
        status: ComplaintStatus.IN_PROGRESS,
        assigneeId: assignee,
      });
      await complaints.insertEvent(tx, {
        ...event,
        action: 'ASSIGNED',
        actorId: assignee,
        at: later,
        note: null,
      });
      await complaints.insertEvent(tx, {
        ...event,
        action: 'NOTE',
        actorId: assignee,
        at: later,
        note: demo.assignedTo.note,
      });
    }
    if (demo.resolved) {
      await complaints.change(tx, id, 1, {
        status: ComplaintStatus.RESOLVED,
        outcome: demo.resolved.outcome,
        resolution: demo.resolved.resolution,
        finishedBy: loggedBy,
        finishedAt: later,
      });
      await complaints.insertEvent(tx, {
        ...event,
        action: 'RESOLVED',
        actorId: loggedBy,
        at: later,
        note: demo.resolved.resolution,
      });
    }
  }
}

/** The demo's consultations, once (none yet anywhere), each item from its hall's menu. */
async function seedConsultations(tx: EntityManager): Promise<number> {
  const [{ any }] = await tx.query(`SELECT EXISTS (SELECT 1 FROM consultations) AS any`);
  if (any) return 0;
  const menu = new IntakeMenu(new ImplementationRepository(), new CatalogueRepository());
  for (const consultation of DEMO_CONSULTATIONS) {
    const [hall] = await tx.query(
      `SELECT t.id AS "tenantId", t.kind, w.id AS "windowId", u.id AS "userId",
              now() - $3::int * interval '1 day' - interval '3 hours' AS at
         FROM tenants t
         JOIN service_windows w ON w.tenant_id = t.id AND w.code = $2
         JOIN users u ON lower(u.username) = lower($4)
        WHERE t.division_code = $1`,
      [consultation.tenant, consultation.window, consultation.daysAgo, consultation.by],
    );
    let item: { code: string; name: string } | null = null;
    if (consultation.itemCode) {
      const found = await menu.itemFor(
        tx,
        { id: hall.tenantId, kind: hall.kind },
        consultation.itemCode,
      );
      if (typeof found === 'string') {
        throw new Error(`Demo consultation ${consultation.itemCode}: ${found}`);
      }
      item = { code: found.code, name: found.name };
    }
    await new ConsultationRepository().insert(tx, {
      tenantId: hall.tenantId,
      windowId: hall.windowId,
      item,
      channel: consultation.channel,
      note: consultation.note,
      loggedBy: hall.userId,
      at: hall.at,
    });
    await insights.recordConsultation(tx, {
      tenantId: hall.tenantId,
      itemCode: item?.code ?? null,
      on: beijingDay(hall.at),
    });
  }
  return DEMO_CONSULTATIONS.length;
}

/** The standard catalogue, published at the root, once. */
async function seedCatalogue(tx: EntityManager, provinceId: string): Promise<number> {
  const [existing] = await tx.query(
    `SELECT 1 FROM catalogue_versions WHERE tenant_id = $1 LIMIT 1`,
    [provinceId],
  );
  if (existing) return 0;
  const [operator] = await tx.query(
    `SELECT u.id FROM users u WHERE u.home_tenant_id = $1 ORDER BY u.created_at LIMIT 1`,
    [provinceId],
  );
  const catalogue = new CatalogueRepository();
  const versionId = await catalogue.insertDraft(tx, {
    tenantId: provinceId,
    label: DEMO_CATALOGUE_LABEL,
    createdBy: operator?.id ?? null,
    items: DEMO_STANDARD_CATALOGUE,
  });
  const version = await catalogue.findVersion(tx, versionId!);
  await catalogue.setStatus(tx, version!, CatalogueVersionStatus.PUBLISHED);
  await seedImplementationLists(tx, version!);
  return DEMO_STANDARD_CATALOGUE.length;
}

/** Liucheng's center runs 197 standardized items (the source document's annual summary). */
const LIUCHENG_ITEM_COUNT = 197;

/**
 * Liucheng's implementation list (197 of the items a county decides, in code order), tier
 * templates, and the menus of its township centers (what townships may take in or decide)
 * and village stations (what villages may), each within the list above.
 */
async function seedImplementationLists(
  tx: EntityManager,
  version: { tenantId: string; id: string },
): Promise<void> {
  const id = async (code: string) =>
    (
      (await tx.query(`SELECT id FROM tenants WHERE division_code = $1`, [code])) as {
        id: string;
      }[]
    )[0]?.id;
  const county = await id('450222');
  if (!county) return;
  const atTier = (tier: ServiceTier) =>
    DEMO_STANDARD_CATALOGUE.filter(
      (item) => item.handlingTiers.includes(tier) || item.intakeOnlyTiers.includes(tier),
    ).map((item) => item.code);
  const countyCodes = DEMO_STANDARD_CATALOGUE.filter((item) =>
    item.handlingTiers.includes(ServiceTier.COUNTY),
  )
    .map((item) => item.code)
    .slice(0, LIUCHENG_ITEM_COUNT);
  const lists = new ImplementationRepository();
  await lists.adopt(tx, county, version, countyCodes);
  const listed = new Set(countyCodes);
  const menus = {
    [ServiceTier.TOWNSHIP]: atTier(ServiceTier.TOWNSHIP).filter((code) => listed.has(code)),
    [ServiceTier.VILLAGE]: atTier(ServiceTier.VILLAGE).filter((code) => listed.has(code)),
  };
  await tx.query(
    `INSERT INTO menu_templates (tenant_id, name, tier, item_codes)
     VALUES ($1, '乡镇标准菜单', 'TOWNSHIP', $2), ($1, '村级便民服务菜单', 'VILLAGE', $3)`,
    [county, menus[ServiceTier.TOWNSHIP], menus[ServiceTier.VILLAGE]],
  );
  for (const tenant of DEMO_TENANTS.filter(
    (t) => t.parent === '450222' && t.kind === TenantKind.TOWNSHIP,
  )) {
    const township = (await id(tenant.code))!;
    await lists.setFromParent(
      tx,
      { id: township, divisionCode: tenant.code },
      county,
      menus[ServiceTier.TOWNSHIP],
    );
    for (const station of DEMO_TENANTS.filter((t) => t.parent === tenant.code)) {
      const villageMenu = menus[ServiceTier.VILLAGE].filter((code) =>
        menus[ServiceTier.TOWNSHIP].includes(code),
      );
      const stationId = (await id(station.code))!;
      await lists.setFromParent(
        tx,
        { id: stationId, divisionCode: station.code },
        township,
        villageMenu,
      );
    }
  }
}

/**
 * A demo tenant is ACTIVE when its onboarding checklist is complete with the demo's own
 * accounts and windows, ONBOARDING otherwise (大埔镇 and four stations wait for their first
 * manager): status and checklist agree, so a reactivation returns what was there.
 */
function demoStatus(tenant: (typeof DEMO_TENANTS)[number]): TenantStatus {
  const activeRoles = DEMO_ACCOUNTS.filter((a) => a.tenant === tenant.code).map((a) => a.role);
  const checklist = onboardingChecklist({
    kind: tenant.kind,
    activeRoles,
    windowCount: tenant.windows.length,
  });
  return checklist.complete ? TenantStatus.ACTIVE : TenantStatus.ONBOARDING;
}
