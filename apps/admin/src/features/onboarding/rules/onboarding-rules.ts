/**
 * The onboarding wizard's checks, mirroring the API's (libs/tenancy division-code.ts,
 * onboarding.service.ts) so most mistakes are caught while typing. The
 * server's preview stays the last word: it also knows which codes and usernames are taken.
 *
 * Problems are message keys with values (translated by the UI), not sentences.
 */
import { problemText } from '../../../shared/i18n/describe';
import type { Translate } from '../../../shared/i18n/labels';
import type { OnboardTenantInput, Role, TenantKind } from '../../../shared/api/graphql.generated';
import { type Problem, requiredTextProblems } from '../../../shared/rules/problem';
import { displayNameProblems, usernameProblems } from '../../staff/rules/account-rules';
import { type WindowDraft, windowProblems } from '../../windows/rules/window-rules';

/** Which kinds of tenant may be opened directly below which (a tree may skip a level). */
export const CHILD_KINDS: Record<TenantKind, readonly TenantKind[]> = {
  PROVINCE: ['CITY'],
  CITY: ['COUNTY'],
  COUNTY: ['TOWNSHIP', 'VILLAGE'],
  TOWNSHIP: ['VILLAGE'],
  VILLAGE: [],
};

/** What the wizard opens: township centers and village stations. */
export const ONBOARDABLE_KINDS: readonly TenantKind[] = ['TOWNSHIP', 'VILLAGE'];

export const DIVISION_CODE_LENGTH: Record<TenantKind, number> = {
  PROVINCE: 6,
  CITY: 6,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

/** Digits of a parent's code a child's code must start with (行政区划代码 is hierarchical). */
const SIGNIFICANT_PREFIX: Record<TenantKind, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

export const NAME_MAX = 60;

export interface ParentLike {
  kind: TenantKind;
  divisionCode: string;
}

/** The kinds the wizard can open below a parent of `kind`. */
export function childKindsFor(kind: TenantKind): TenantKind[] {
  return CHILD_KINDS[kind].filter((k) => ONBOARDABLE_KINDS.includes(k));
}

/** The prefix and length a new code must have, for hints like "9 digits starting 450222". */
export function divisionCodeShape(
  kind: TenantKind,
  parent: ParentLike,
): { prefix: string; length: number; example: string } {
  const prefix = parent.divisionCode.slice(0, SIGNIFICANT_PREFIX[parent.kind]);
  const length = DIVISION_CODE_LENGTH[kind];
  // e.g. 450222203 + 001 for a village station under a township
  const example = prefix + '1'.padStart(Math.max(0, length - prefix.length), '0');
  return { prefix, length, example };
}

/** The kinds whose wizard fields have examples (what the wizard opens). */
export const exampleKind = (kind: TenantKind): 'TOWNSHIP' | 'VILLAGE' =>
  kind === 'VILLAGE' ? 'VILLAGE' : 'TOWNSHIP';

/**
 * Problems with a new tenant's division code under `parent`: the kind must fit below the
 * parent, digits only, the kind's length, the parent's prefix, and own digits not all zero.
 */
export function divisionCodeProblems(
  code: string,
  kind: TenantKind,
  parent: ParentLike,
): Problem[] {
  const problems: Problem[] = [];
  if (!CHILD_KINDS[parent.kind].includes(kind)) {
    problems.push({ key: 'kindNotAllowed', values: { kind, parentKind: parent.kind } });
  }
  if (code === '') {
    problems.push({ key: 'codeRequired' });
    return problems;
  }
  if (!/^\d+$/.test(code)) {
    problems.push({ key: 'codeDigitsOnly' });
    return problems;
  }
  const { prefix, length } = divisionCodeShape(kind, parent);
  if (code.length !== length) {
    problems.push({ key: 'codeLength', values: { kind, length, actual: code.length } });
    return problems;
  }
  if (!code.startsWith(prefix)) {
    problems.push({ key: 'codePrefix', values: { prefix } });
  } else if (/^0+$/.test(code.slice(prefix.length))) {
    problems.push({ key: 'codeOwnDigits', values: { prefix } });
  }
  return problems;
}

export const nameProblems = (name: string) => requiredTextProblems(name, 'name', NAME_MAX, 'units');

/** The role of a new tenant's first account: who runs the hall or the station. */
export function firstManagerRole(kind: TenantKind): Role {
  return kind === 'VILLAGE' ? 'STATION_STAFF' : 'CENTER_MANAGER';
}

/** The windows proposed for a new hall: a comprehensive window, or a station's proxy window. */
export function suggestedWindows(kind: TenantKind, names: WindowNames): WindowDraft[] {
  return kind === 'VILLAGE'
    ? [{ code: 'D1', name: names.proxy, kind: 'COMPREHENSIVE' }]
    : [{ code: 'C1', name: names.comprehensive, kind: 'COMPREHENSIVE' }];
}

export interface OnboardingDraft {
  parentId: string;
  kind: TenantKind;
  divisionCode: string;
  name: string;
  windows: WindowDraft[];
  manager: { username: string; displayName: string };
  /** The county's menu template giving the new center its item menu (none: later). */
  menuTemplateId: string | null;
}

export type WindowNames = { comprehensive: string; proxy: string };

/**
 * The wizard's first draft: below the first of `preferredIds` that is a possible parent (the
 * one chosen in the link, then the user's own tenant), else below the first parent; null
 * when there is no parent at all.
 */
export function initialDraft(
  parents: readonly (ParentLike & { id: string })[],
  preferredIds: readonly (string | null)[],
  names: WindowNames,
): OnboardingDraft | null {
  const parent =
    preferredIds.map((id) => parents.find((p) => p.id === id)).find((p) => p !== undefined) ??
    parents[0];
  if (!parent) return null;
  const kind = childKindsFor(parent.kind)[0];
  return {
    parentId: parent.id,
    kind,
    divisionCode: '',
    name: '',
    windows: suggestedWindows(kind, names),
    manager: { username: '', displayName: '' },
    menuTemplateId: null,
  };
}

/**
 * The draft with the basics changed: a new kind brings the windows suggested for it, unless
 * the person already worked on the windows.
 */
export function withBasics(
  draft: OnboardingDraft,
  patch: Partial<OnboardingDraft>,
  windowsTouched: boolean,
  names: WindowNames,
): OnboardingDraft {
  const next = { ...draft, ...patch };
  if (patch.kind && patch.kind !== draft.kind && !windowsTouched) {
    next.windows = suggestedWindows(patch.kind, names);
  }
  // A template is of one tier and one county: another kind or parent lets it go.
  if (
    (patch.kind && patch.kind !== draft.kind) ||
    (patch.parentId && patch.parentId !== draft.parentId)
  ) {
    next.menuTemplateId = null;
  }
  return next;
}

/** The `OnboardTenantInput` for the API, trimmed. */
export function onboardingInput(draft: OnboardingDraft): OnboardTenantInput {
  return {
    parentId: draft.parentId,
    kind: draft.kind,
    divisionCode: draft.divisionCode.trim(),
    name: draft.name.trim(),
    windows: draft.windows.map((w) => ({ code: w.code.trim(), name: w.name.trim(), kind: w.kind })),
    manager: {
      username: draft.manager.username.trim(),
      displayName: draft.manager.displayName.trim(),
    },
    menuTemplateId: draft.menuTemplateId,
  };
}

/** Every problem the wizard can see before asking the server, across all steps. */
export function draftProblems(draft: OnboardingDraft, parent: ParentLike): Problem[] {
  return [
    ...divisionCodeProblems(draft.divisionCode.trim(), draft.kind, parent),
    ...nameProblems(draft.name),
    ...windowProblems(draft.windows).flatMap((row) =>
      [row.code, row.name].filter((p): p is Problem => p !== undefined),
    ),
    ...usernameProblems(draft.manager.username.trim()),
    ...displayNameProblems(draft.manager.displayName),
  ];
}

/** A problem the server reports with a stable code (onboarding preview, village sheet). */
export interface Issue {
  code: string;
  message: string;
  /** The sheet's column header, when a sheet problem names one. */
  column?: string | null;
}

/** What an issue is about, for the values its text names (the codes carry none). */
export interface IssueContext {
  kind: TenantKind;
  parent: ParentLike;
  divisionCode: string;
  username: string;
}

const ISSUE_PROBLEMS: Record<
  string,
  (c: IssueContext, column: string, message: string) => Problem
> = {
  KIND_NOT_ALLOWED_HERE: (c) => ({
    key: 'kindNotAllowed',
    values: { kind: c.kind, parentKind: c.parent.kind },
  }),
  DIVISION_CODE_NOT_DIGITS: () => ({ key: 'codeDigitsOnly' }),
  DIVISION_CODE_LENGTH: (c) => ({
    key: 'codeLength',
    values: { kind: c.kind, length: DIVISION_CODE_LENGTH[c.kind], actual: c.divisionCode.length },
  }),
  DIVISION_CODE_OUTSIDE_PARENT: (c) => ({
    key: 'codePrefix',
    values: { prefix: divisionCodeShape(c.kind, c.parent).prefix },
  }),
  DIVISION_CODE_NO_OWN_DIGITS: (c) => ({
    key: 'codeOwnDigits',
    values: { prefix: divisionCodeShape(c.kind, c.parent).prefix },
  }),
  // Named by the server only when the caller may see who holds the code.
  DIVISION_CODE_IN_USE: (c, _column, message): Problem => {
    const holder = / used by (.+)$/.exec(message)?.[1];
    return holder
      ? { key: 'codeTaken', values: { code: c.divisionCode, name: holder } }
      : { key: 'codeTakenByOther', values: { code: c.divisionCode } };
  },
  PARENT_SUSPENDED: () => ({ key: 'parentSuspended' }),
  NAME_EMPTY: () => ({ key: 'nameRequired' }),
  WINDOW_CODES_REPEAT: () => ({ key: 'windowCodesUnique' }),
  WINDOW_INCOMPLETE: () => ({ key: 'windowIncomplete' }),
  USERNAME_FORMAT: () => ({ key: 'usernameFormat' }),
  USERNAME_TAKEN: (c) => ({ key: 'usernameTaken', values: { username: c.username } }),
  // The village sheet's own codes.
  HEADER_MISSING: (_c, column) => ({ key: 'sheetHeaderMissing', values: { column } }),
  REQUIRED: (_c, column) => ({ key: 'sheetRequired', values: { column } }),
  TOO_LONG: (_c, column) => ({ key: 'sheetTooLong', values: { column } }),
  NO_ROWS: () => ({ key: 'sheetNoRows' }),
  TOO_MANY_ROWS: () => ({ key: 'sheetTooManyRows' }),
  REPEATED_IN_SHEET: (_c, column) => ({ key: 'sheetRepeated', values: { column } }),
};

/**
 * An issue as a message key with its values, by its code; null for a code the app does not
 * know yet (then the server's own text is shown).
 */
export function issueProblem(issue: Issue, context: IssueContext): Problem | null {
  const problem = ISSUE_PROBLEMS[issue.code];
  return problem ? problem(context, issue.column ?? '', issue.message) : null;
}

/** An issue in the interface language when its code is known, else as the server said it. */
export function issueText(t: Translate, issue: Issue, context: IssueContext): string {
  const known = issueProblem(issue, context);
  return known ? problemText(t, known) : issue.message;
}
