import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CenterMenus,
  type MenuApplied,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  RequestContext,
  Role,
  TenantKind,
  TenantScope,
  TenantStatus,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity/identity-options';
import { IdentityRepository } from '../identity/identity.repository';
import { AuthTokens, IdentityService } from '../identity/identity.service';
import { hashPassword } from '../identity/password-hasher';
import { parseSetupToken, setupSecretMatches } from '../identity/setup-link';
import { SetupLinkIssued, SetupLinkRepository } from '../identity/setup-link.repository';
import { UserRepository } from '../identity/user.repository';
import { StaffService } from '../staff/staff.service';
import { divisionCodeProblems, DivisionCodeProblem, Problem } from '../tenant/division-code';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { TenantRecord, TenantRepository } from '../tenant/tenant.repository';
import { ServiceWindowKind } from '../windows/service-window-kind';
import { ServiceWindowRepository } from '../windows/service-window.repository';
import { firstManagerRole } from './onboarding-checklist';
import { OnboardingReadiness } from './onboarding-readiness';
import { readVillageSheet, RowProblem, VillageRow } from './village-sheet';
import {
  readSpreadsheetCells,
  spreadsheetWithProblems,
  villageTemplate,
} from './village-spreadsheet';

export interface OnboardingRequest {
  parentId: string;
  kind: TenantKind;
  divisionCode: string;
  name: string;
  windows: { code: string; name: string; kind: ServiceWindowKind }[];
  manager: { username: string; displayName: string };
  /** A county's menu template giving the new center its item menu. */
  menuTemplateId?: string | null;
}

/** No menu given at opening. */
const NO_MENU: MenuApplied = { added: 0, skipped: [] };

export type OnboardingProblemCode =
  | DivisionCodeProblem
  | 'DIVISION_CODE_IN_USE'
  | 'DIVISION_RANGE_HOLDS_CODE'
  | 'DIVISION_CODE_IN_RANGE'
  | 'PARENT_SUSPENDED'
  | 'NAME_EMPTY'
  | 'WINDOW_CODES_REPEAT'
  | 'WINDOW_INCOMPLETE'
  | 'USERNAME_FORMAT'
  | 'USERNAME_TAKEN';

export interface VillageSheetPlan {
  parent: TenantRecord;
  rows: VillageRow[];
  /** Every problem, by row (row 1 is the header: problems of the sheet itself). */
  problems: RowProblem[];
  /** The sheet with a problems column (base64 XLSX), when there are problems. */
  report: string | null;
}

/** A station of the sheet, as an onboarding request: one proxy-intake window, its staff member. */
function villageRequest(
  parentId: string,
  row: VillageRow,
  menuTemplateId: string | null = null,
): OnboardingRequest {
  return {
    parentId,
    menuTemplateId,
    kind: TenantKind.VILLAGE,
    divisionCode: row.divisionCode,
    name: row.name,
    windows: [{ code: 'D1', name: row.windowName, kind: ServiceWindowKind.COMPREHENSIVE }],
    manager: { username: row.managerUsername, displayName: row.managerDisplayName },
  };
}

export interface OnboardingPlan {
  parent: TenantRecord;
  request: OnboardingRequest;
  managerRole: Role;
  problems: Problem<OnboardingProblemCode>[];
}

/**
 * Opening a township center or village station under a county (DESIGN.md §1): the preview,
 * the onboarding itself, and the first manager's setup link.
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly tenants: TenantRepository,
    private readonly windows: ServiceWindowRepository,
    private readonly staff: StaffService,
    private readonly identity: IdentityService,
    private readonly users: UserRepository,
    private readonly identities: IdentityRepository,
    private readonly setupLinks: SetupLinkRepository,
    private readonly readiness: OnboardingReadiness,
    private readonly audit: AuditRepository,
    @Inject(IDENTITY_OPTIONS) private readonly identityOptions: IdentityOptions,
    // Provided by the catalogue; absent (service tests of tenancy alone), no menu is given.
    @Optional() private readonly menus?: CenterMenus,
  ) {}

  private get setupThrottle() {
    return this.identityOptions.setupThrottle;
  }

  /** Everything onboarding would do and every problem it would hit, without writing. */
  preview(request: OnboardingRequest): Promise<OnboardingPlan> {
    return this.scope.run((manager) => this.plan(manager, request));
  }

  async onboard(
    request: OnboardingRequest,
  ): Promise<{ tenant: TenantRecord; setupLink: SetupLinkIssued; menu: MenuApplied }> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const plan = await this.plan(manager, request);
      if (plan.problems.length > 0) {
        const messages = plan.problems.map((p) => p.message);
        throw new BadUserInputError(`Onboarding refused: ${messages.join('; ')}`, {
          problems: messages,
          codes: plan.problems.map((p) => p.code),
        });
      }
      return this.open(manager, plan, actor.userId);
    });
  }

  /** What opening the stations of a sheet would do, row by row, and every problem; writes nothing. */
  previewVillages(parentId: string, spreadsheet: string): Promise<VillageSheetPlan> {
    return this.scope.run((manager) => this.planVillages(manager, parentId, spreadsheet));
  }

  /** Opens every station of the sheet in one transaction, or none when any row has a problem. */
  async onboardVillages(
    parentId: string,
    spreadsheet: string,
    menuTemplateId: string | null = null,
  ): Promise<
    {
      tenant: TenantRecord;
      setupLink: SetupLinkIssued;
      managerUsername: string;
      menu: MenuApplied;
    }[]
  > {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const plan = await this.planVillages(manager, parentId, spreadsheet);
      if (plan.problems.length > 0) {
        throw new BadUserInputError(
          `The sheet has ${plan.problems.length} problem(s); nothing was opened`,
          { problems: plan.problems.map((p) => ({ row: p.row, column: p.column, code: p.code })) },
        );
      }
      // Locks the parent first (one lock order for everything opened below it).
      await this.tenants.find(manager, parentId, true);
      const opened = [];
      for (const row of plan.rows) {
        const rowPlan = await this.plan(manager, villageRequest(parentId, row, menuTemplateId));
        const { tenant, setupLink, menu } = await this.open(manager, rowPlan, actor.userId);
        opened.push({ tenant, setupLink, managerUsername: row.managerUsername, menu });
      }
      return opened;
    });
  }

  /** A blank sheet to fill in (base64 XLSX). */
  villageTemplate(): Promise<string> {
    return villageTemplate();
  }

  private async planVillages(
    manager: EntityManager,
    parentId: string,
    spreadsheet: string,
  ): Promise<VillageSheetPlan> {
    // The parent first: nothing of a file is read for a tenant the caller may not open below.
    const parent = await this.directory.require(manager, parentId, 'onboard');
    const cells = await readSpreadsheetCells(spreadsheet);
    const sheet = readVillageSheet(cells);
    const problems: RowProblem[] = [...sheet.problems];
    const columnOf: Partial<Record<OnboardingProblemCode, string>> = {
      KIND_NOT_ALLOWED_HERE: '行政区划代码',
      DIVISION_CODE_NOT_DIGITS: '行政区划代码',
      DIVISION_CODE_LENGTH: '行政区划代码',
      DIVISION_CODE_OUTSIDE_PARENT: '行政区划代码',
      DIVISION_CODE_NO_OWN_DIGITS: '行政区划代码',
      DIVISION_CODE_IN_USE: '行政区划代码',
      DIVISION_RANGE_HOLDS_CODE: '行政区划代码',
      DIVISION_CODE_IN_RANGE: '行政区划代码',
      NAME_EMPTY: '服务站名称',
      USERNAME_FORMAT: '代办员用户名',
      USERNAME_TAKEN: '代办员用户名',
    };
    for (const row of sheet.rows) {
      const rowPlan = await this.plan(manager, villageRequest(parent.id, row));
      for (const problem of rowPlan.problems) {
        problems.push({ ...problem, row: row.row, column: columnOf[problem.code] ?? null });
      }
    }
    problems.sort((a, b) => a.row - b.row);
    const report = problems.length > 0 ? await spreadsheetWithProblems(cells, problems) : null;
    return { parent, rows: sheet.rows, problems, report };
  }

  /**
   * Opens a planned tenant: the tenant ONBOARDING, its windows, its first manager invited, its
   * item menu from a template when one is given (all in the caller's transaction).
   */
  private async open(
    manager: EntityManager,
    plan: OnboardingPlan,
    actorId: string,
  ): Promise<{ tenant: TenantRecord; setupLink: SetupLinkIssued; menu: MenuApplied }> {
    const { request } = plan;
    const id = randomUUID();
    const tenant = await this.tenants.insert(manager, {
      id,
      parent: plan.parent,
      kind: request.kind,
      divisionCode: request.divisionCode,
      name: request.name.trim(),
    });
    if (!tenant) throw new ConflictError(`Division code ${request.divisionCode} is already taken`);
    for (const window of request.windows) {
      await this.windows.insert(manager, {
        tenantId: id,
        code: window.code.trim(),
        name: window.name.trim(),
        kind: window.kind,
      });
    }
    const { userId: _userId, ...setupLink } = await this.staff.createInvited(manager, {
      tenantId: id,
      username: request.manager.username,
      displayName: request.manager.displayName,
      roles: [plan.managerRole],
      invitedBy: actorId,
    });
    await this.audit.record(manager, {
      tenantId: id,
      actorId,
      action: 'TENANT_ONBOARDED',
      subjectId: id,
      details: {
        parentId: plan.parent.id,
        divisionCode: request.divisionCode,
        windows: request.windows.length,
      },
    });
    if (!request.menuTemplateId) return { tenant, setupLink, menu: NO_MENU };
    if (!this.menus) throw new BadUserInputError('Item menus are not available here');
    const menu = await this.menus.applyTemplate(id, request.menuTemplateId);
    return { tenant, setupLink, menu };
  }

  /**
   * Public: the invited person sets their password with the one-time link, is logged in, and
   * the tenant's checklist is re-evaluated.
   */
  async completeSetup(token: string, password: string, clientAddress: string): Promise<AuthTokens> {
    const parsed = parseSetupToken(token);
    if (!parsed) {
      throw new BadUserInputError('This setup link is not valid', { reason: 'LINK_INVALID' });
    }
    // Counted before the link is checked or anything is hashed.
    await this.setupThrottle.attempt(parsed.id, clientAddress);
    if (password.length < 10) {
      throw new BadUserInputError('The password needs at least 10 characters', {
        reason: 'PASSWORD_TOO_SHORT',
      });
    }
    // A link that could not be checked (database away) is not an attempt used up.
    const userId = await this.setupThrottle.check(parsed.id, clientAddress, () =>
      this.scope.runIn(
        { tenantId: parsed.tenantId, visibility: 'tenant', actorId: null },
        async (manager) => {
          const link = await this.setupLinks.lock(manager, parsed.tenantId, parsed.id);
          if (!link || !setupSecretMatches(parsed.secret, link.token_hash)) {
            throw new BadUserInputError('This setup link is not valid', { reason: 'LINK_INVALID' });
          }
          if (link.used_at) {
            throw new BadUserInputError('This setup link has already been used', {
              reason: 'LINK_USED',
            });
          }
          if (link.expired) {
            throw new BadUserInputError('This setup link has expired; ask for a new one', {
              reason: 'LINK_EXPIRED',
            });
          }
          const reset = link.purpose === 'RESET';
          if (link.status !== (reset ? 'ACTIVE' : 'INVITED')) {
            throw new BadUserInputError(
              reset
                ? 'This account cannot take a new password now'
                : 'This account is already set up',
              { reason: reset ? 'ACCOUNT_NOT_ACTIVE' : 'ACCOUNT_ALREADY_SET_UP' },
            );
          }
          // Hashed only once the link is known good (the hash is the expensive part).
          const passwordHash = await hashPassword(password);
          await this.setupLinks.markUsed(manager, parsed.tenantId, parsed.id);
          if (reset) {
            await this.users.setPassword(manager, link.user_id, passwordHash);
            // Whoever knew the old password is out.
            await this.identities.revokeSessionsOfUser(manager, link.user_id, 'PASSWORD_RESET');
          } else {
            await this.users.activate(manager, link.user_id, passwordHash);
          }
          await this.audit.record(manager, {
            tenantId: parsed.tenantId,
            actorId: link.user_id,
            action: reset ? 'STAFF_PASSWORD_RESET' : 'STAFF_SETUP_COMPLETED',
            subjectId: link.user_id,
          });
          await this.readiness.reevaluate(manager, parsed.tenantId, link.user_id);
          return link.user_id;
        },
      ),
    );
    await this.setupThrottle.succeeded(parsed.id, clientAddress);
    return this.identity.startSession(userId, clientAddress);
  }

  /**
   * A well-formed code in its parent's range may still overlap another tenant's range: its own
   * range would hold a tenant's code, or it lies in the range of a tenant that is not above it.
   * Subtrees are ranges of codes (row-level security relies on it), so either is refused; the
   * other tenant is named only when the caller may see it.
   */
  private async rangeProblems(
    manager: EntityManager,
    divisionCode: string,
    parent: TenantRecord,
  ): Promise<Problem<OnboardingProblemCode>[]> {
    const overlaps = await this.tenants.overlapping(manager, divisionCode, parent.path);
    if (overlaps.length === 0) return [];
    const seen = await this.directory.requireEach(
      manager,
      overlaps.map((o) => o.id),
    );
    return overlaps.map((overlap, i) => {
      const visible = seen[i];
      const other = visible instanceof Error ? null : visible;
      return overlap.overlap === 'HOLDS'
        ? {
            code: 'DIVISION_RANGE_HOLDS_CODE' as const,
            message: other
              ? `Division code ${divisionCode} would hold the code ${other.divisionCode} of ${other.name}`
              : `Division code ${divisionCode} would hold the code of an existing tenant`,
          }
        : {
            code: 'DIVISION_CODE_IN_RANGE' as const,
            message: other
              ? `Division code ${divisionCode} lies in the range of ${other.name} (${other.divisionCode})`
              : `Division code ${divisionCode} lies in the range of another tenant`,
          };
    });
  }

  private async plan(manager: EntityManager, request: OnboardingRequest): Promise<OnboardingPlan> {
    const parent = await this.directory.require(manager, request.parentId, 'onboard');
    const managerRole = firstManagerRole(request.kind);
    // Nobody opens a hall whose first account would read more than they do (DESIGN.md §3).
    this.staff.assertGrantable([managerRole], { kind: request.kind });
    const codeProblems = divisionCodeProblems(request.divisionCode, request.kind, parent);
    const problems: Problem<OnboardingProblemCode>[] = [...codeProblems];
    const problem = (code: OnboardingProblemCode, message: string) =>
      problems.push({ code, message });
    if (parent.status === TenantStatus.SUSPENDED) {
      problem('PARENT_SUSPENDED', 'The tenant above is suspended');
    }
    if (!request.name.trim()) problem('NAME_EMPTY', 'The name must not be empty');
    const taken = await this.tenants.findByDivisionCode(manager, request.divisionCode);
    if (taken) {
      // Named only when the caller may see it: an error never names what they may not see.
      const visible = (await this.directory.requireEach(manager, [taken.id]))[0];
      problem(
        'DIVISION_CODE_IN_USE',
        visible instanceof Error
          ? `Division code ${request.divisionCode} is already in use`
          : `Division code ${request.divisionCode} is already used by ${visible.name}`,
      );
    } else if (codeProblems.length === 0) {
      problems.push(...(await this.rangeProblems(manager, request.divisionCode, parent)));
    }
    const codes = request.windows.map((w) => w.code.trim());
    if (new Set(codes).size !== codes.length) {
      problem('WINDOW_CODES_REPEAT', 'Window codes must be unique');
    }
    if (request.windows.some((w) => !w.code.trim() || !w.name.trim())) {
      problem('WINDOW_INCOMPLETE', 'Every window needs a code and a name');
    }
    problems.push(...(await this.staff.usernameProblems(manager, request.manager.username)));
    return { parent, request, managerRole, problems };
  }
}
