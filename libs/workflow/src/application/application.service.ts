import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  accessibleWhere,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  personalDataFor,
  RequestContext,
  subject,
  takesInApplications,
  TenantDirectory,
  TenantScope,
  type TongbanAbility,
} from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { normalizeIntake, type IntakeDetails } from './applicant';
import { ApplicationStatus } from './application-status';
import { recordIntake } from './intake-record';

/** An application as the reader may see it. */
export interface ApplicationView {
  id: string;
  tenantId: string;
  tenantName: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  windowId: string;
  windowName: string;
  status: ApplicationStatus;
  applicant: { name: string; idNumber: string | null; phone: string | null; masked: boolean };
  submittedAt: Date;
  submittedByName: string;
  version: number;
}

interface ApplicationRow extends Omit<ApplicationView, 'applicant'> {
  tenantPath: string[];
  windowStaffIds: string[];
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  /** submitted_at in microseconds since the epoch, exact, for the page cursor. */
  cursorMicros: string;
}

const SELECT_APPLICATIONS = `
  SELECT a.id, a.tenant_id AS "tenantId", t.name AS "tenantName", t.path AS "tenantPath",
         a.receipt_number AS "receiptNumber", a.item_code AS "itemCode", a.item_name AS "itemName",
         a.window_id AS "windowId", w.name AS "windowName",
         coalesce((SELECT array_agg(wa.user_id ORDER BY wa.user_id) FROM window_assignments wa
                    WHERE wa.tenant_id = a.tenant_id AND wa.window_id = a.window_id), '{}')
           AS "windowStaffIds",
         a.status, a.applicant_name AS "applicantName", a.applicant_id_number AS "applicantIdNumber",
         a.applicant_phone AS "applicantPhone", a.submitted_at AS "submittedAt",
         u.display_name AS "submittedByName", a.version,
         (extract(epoch FROM a.submitted_at) * 1000000)::bigint::text AS "cursorMicros"
    FROM applications a
    JOIN tenants t ON t.id = a.tenant_id
    JOIN service_windows w ON w.tenant_id = a.tenant_id AND w.id = a.window_id
    JOIN users u ON u.id = a.submitted_by`;

/** How the conditions of the role rules on applications read in SQL (alias `a`, `t`). */
const APPLICATION_CONDITIONS = {
  tenantId: (p: string) => `a.tenant_id = ${p}::uuid`,
  tenantPath: (p: string) => `t.path @> ARRAY[${p}::uuid]`,
  windowStaffIds: (p: string) =>
    `EXISTS (SELECT 1 FROM window_assignments wa WHERE wa.tenant_id = a.tenant_id
               AND wa.window_id = a.window_id AND wa.user_id = ${p}::uuid)`,
};

export interface ApplicationPage {
  nodes: ApplicationView[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Intake (收件) and reading of applications, as the acting user may. */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
  ) {}

  /** Takes an application in at a window: one transaction with its receipt number and event. */
  submit(input: { windowId: string } & IntakeDetails): Promise<ApplicationView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const { intake, problems } = normalizeIntake(input);
    if (problems.length) {
      throw new BadUserInputError(problems.map((p) => `${p.field}: ${p.problem}`).join('; '), {
        problems,
      });
    }
    return this.scope.run(async (manager) => {
      const [window] = await manager.query(
        `SELECT w.id, w.tenant_id AS "tenantId", w.kind, t.path, t.status,
                t.division_code AS "divisionCode", t.receipt_prefix AS "receiptPrefix",
                coalesce((SELECT array_agg(wa.user_id) FROM window_assignments wa
                           WHERE wa.tenant_id = w.tenant_id AND wa.window_id = w.id), '{}')
                  AS "staffIds"
           FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
          WHERE w.id = $1`,
        [input.windowId],
      );
      const owned = window && { tenantId: window.tenantId, tenantPath: window.path };
      if (!window || !ability.can('read', subject('ServiceWindow', owned))) {
        throw new NotFoundError('Window not found');
      }
      const record = subject('Application', { ...owned, windowStaffIds: window.staffIds });
      if (!ability.can('create', record)) {
        throw new ForbiddenError('You may take in applications only at the windows you work');
      }
      if (!takesInApplications(window.kind)) {
        throw new BadUserInputError(
          `A ${window.kind.toLowerCase()} window takes in no applications`,
        );
      }
      if (window.status !== 'ACTIVE') {
        throw new ConflictError(`This hall is ${window.status}, not open for applications`);
      }

      const created = await recordIntake(manager, {
        hall: window,
        windowId: window.id,
        intake,
        submittedBy: actor.userId,
      });
      return this.present(ability, await this.load(manager, ability, created.id));
    });
  }

  /** One application; NOT_FOUND when it is outside what the reader may see. */
  get(id: string): Promise<ApplicationView> {
    const ability = abilityFor(this.context.actor);
    return this.scope.run(async (manager) =>
      this.present(ability, await this.load(manager, ability, id)),
    );
  }

  /** Newest first, a page at a time; the role rules' conditions become the WHERE clause. */
  list(
    filter: { tenantId?: string | null; status?: ApplicationStatus | null },
    first: number,
    after: string | null,
  ): Promise<ApplicationPage> {
    const ability = abilityFor(this.context.actor);
    const cursor = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const params: unknown[] = [];
      const where: string[] = [];
      if (filter.tenantId) {
        await this.directory.require(manager, filter.tenantId);
        params.push(filter.tenantId);
        where.push(`t.path @> ARRAY[$${params.length}::uuid]`);
      }
      if (filter.status) {
        params.push(filter.status);
        where.push(`a.status = $${params.length}`);
      }
      if (cursor) {
        params.push(cursor.micros, cursor.id);
        where.push(
          `(a.submitted_at, a.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
        );
      }
      const allowed = accessibleWhere(
        ability,
        'read',
        'Application',
        APPLICATION_CONDITIONS,
        params.length + 1,
      );
      if (!allowed) throw new ForbiddenError('Your role may not read applications');
      params.push(...allowed.params);
      where.push(allowed.sql);
      params.push(first + 1);
      const rows: ApplicationRow[] = await manager.query(
        `${SELECT_APPLICATIONS} WHERE ${where.join(' AND ')}
          ORDER BY a.submitted_at DESC, a.id DESC LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, first);
      const last = page.at(-1);
      return {
        nodes: page.map((row) => this.present(ability, row)),
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(last.cursorMicros, last.id) : null,
      };
    });
  }

  private async load(
    manager: EntityManager,
    ability: TongbanAbility,
    id: string,
  ): Promise<ApplicationRow> {
    const [row]: ApplicationRow[] = await manager.query(`${SELECT_APPLICATIONS} WHERE a.id = $1`, [
      id,
    ]);
    if (!row || !ability.can('read', subjectOf(row))) {
      throw new NotFoundError('Application not found');
    }
    return row;
  }

  private present(ability: TongbanAbility, row: ApplicationRow): ApplicationView {
    const applicant = personalDataFor(ability, subjectOf(row), {
      name: row.applicantName,
      idNumber: row.applicantIdNumber,
      phone: row.applicantPhone,
    });
    return {
      id: row.id,
      tenantId: row.tenantId,
      tenantName: row.tenantName,
      receiptNumber: row.receiptNumber,
      itemCode: row.itemCode,
      itemName: row.itemName,
      windowId: row.windowId,
      windowName: row.windowName,
      status: row.status,
      applicant,
      submittedAt: row.submittedAt,
      submittedByName: row.submittedByName,
      version: row.version,
    };
  }
}

function subjectOf(row: ApplicationRow) {
  return subject('Application', {
    id: row.id,
    tenantId: row.tenantId,
    tenantPath: row.tenantPath,
    windowStaffIds: row.windowStaffIds,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: where the previous page ended (intake time, id). */
function encodeCursor(micros: string, id: string): string {
  return Buffer.from(`${micros}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { micros: string; id: string } {
  const [micros, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (rest.length || !/^\d{1,17}$/.test(micros ?? '') || !UUID.test(id ?? '')) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { micros, id };
}
