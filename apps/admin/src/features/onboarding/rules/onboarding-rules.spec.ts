import { translator } from '../../../shared/testing/translator';
import { zhCN } from '../../../shared/i18n/zh-CN';
import {
  childKindsFor,
  divisionCodeProblems,
  divisionCodeShape,
  exampleKind,
  draftProblems,
  firstManagerRole,
  initialDraft,
  nameProblems,
  type OnboardingDraft,
  onboardingInput,
  issueProblem,
  issueText,
  suggestedWindows,
  withBasics,
} from './onboarding-rules';

const county = { kind: 'COUNTY' as const, divisionCode: '450222' };
const township = { kind: 'TOWNSHIP' as const, divisionCode: '450222203' };
const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

describe("division codes (the server's rules)", () => {
  it("a township: 9 digits starting with the county's 6", () => {
    expect(divisionCodeProblems('450222104', 'TOWNSHIP', county)).toEqual([]);
    expect(divisionCodeProblems('45022210', 'TOWNSHIP', county)).toEqual([
      { key: 'codeLength', values: { kind: 'TOWNSHIP', length: 9, actual: 8 } },
    ]);
    expect(divisionCodeProblems('450223104', 'TOWNSHIP', county)).toEqual([
      { key: 'codePrefix', values: { prefix: '450222' } },
    ]);
    expect(divisionCodeProblems('450222000', 'TOWNSHIP', county)).toEqual([
      { key: 'codeOwnDigits', values: { prefix: '450222' } },
    ]);
  });

  it('a village: 12 digits, under a township its 9, under a county its 6', () => {
    expect(divisionCodeProblems('450222203203', 'VILLAGE', township)).toEqual([]);
    expect(keys(divisionCodeProblems('450222100203', 'VILLAGE', township))).toEqual(['codePrefix']);
    expect(keys(divisionCodeProblems('450222203000', 'VILLAGE', township))).toEqual([
      'codeOwnDigits',
    ]);
    expect(divisionCodeProblems('450222400001', 'VILLAGE', county)).toEqual([]);
    expect(keys(divisionCodeProblems('450222000000', 'VILLAGE', county))).toEqual([
      'codeOwnDigits',
    ]);
    expect(keys(divisionCodeProblems('4502222032', 'VILLAGE', township))).toEqual(['codeLength']);
  });

  it('digits only, and not empty', () => {
    expect(keys(divisionCodeProblems('45022210a', 'TOWNSHIP', county))).toEqual(['codeDigitsOnly']);
    expect(keys(divisionCodeProblems(' 450222104', 'TOWNSHIP', county))).toEqual([
      'codeDigitsOnly',
    ]);
    expect(keys(divisionCodeProblems('', 'TOWNSHIP', county))).toEqual(['codeRequired']);
  });

  it('the kind must fit below the parent', () => {
    expect(divisionCodeProblems('450222203101', 'TOWNSHIP', township)).toEqual([
      { key: 'kindNotAllowed', values: { kind: 'TOWNSHIP', parentKind: 'TOWNSHIP' } },
      { key: 'codeLength', values: { kind: 'TOWNSHIP', length: 9, actual: 12 } },
    ]);
    expect(childKindsFor('COUNTY')).toEqual(['TOWNSHIP', 'VILLAGE']);
    expect(childKindsFor('TOWNSHIP')).toEqual(['VILLAGE']);
    expect(childKindsFor('VILLAGE')).toEqual([]);
    expect(childKindsFor('CITY')).toEqual([]);
  });

  it('describes the expected shape for hints', () => {
    expect(divisionCodeShape('TOWNSHIP', county)).toEqual({
      prefix: '450222',
      length: 9,
      example: '450222001',
    });
    expect(divisionCodeShape('VILLAGE', township)).toEqual({
      prefix: '450222203',
      length: 12,
      example: '450222203001',
    });
    expect(divisionCodeShape('VILLAGE', county).example).toBe('450222000001');
    expect(exampleKind('VILLAGE')).toBe('VILLAGE');
    expect(exampleKind('TOWNSHIP')).toBe('TOWNSHIP');
  });
});

describe('names and the first manager', () => {
  it('names are required and at most 60 characters', () => {
    expect(nameProblems('龙头镇')).toEqual([]);
    expect(keys(nameProblems('   '))).toEqual(['nameRequired']);
    expect(keys(nameProblems('镇'.repeat(61)))).toEqual(['nameTooLong']);
  });

  it('the first account runs the hall, or the station', () => {
    expect(firstManagerRole('TOWNSHIP')).toBe('CENTER_MANAGER');
    expect(firstManagerRole('VILLAGE')).toBe('STATION_STAFF');
  });

  it('suggests a comprehensive window, or a proxy window for a station', () => {
    const names = { comprehensive: '综合窗口', proxy: '代办窗口' };
    expect(suggestedWindows('TOWNSHIP', names)).toEqual([
      { code: 'C1', name: '综合窗口', kind: 'COMPREHENSIVE' },
    ]);
    expect(suggestedWindows('VILLAGE', names)).toEqual([
      { code: 'D1', name: '代办窗口', kind: 'COMPREHENSIVE' },
    ]);
  });
});

describe('the first draft and changing its basics', () => {
  const names = { comprehensive: '综合窗口', proxy: '代办窗口' };
  const parents = [
    { id: 'county', kind: 'COUNTY' as const, divisionCode: '450222' },
    { id: 'mashan', kind: 'TOWNSHIP' as const, divisionCode: '450222203' },
  ];

  it('starts below the parent asked for, else the own tenant, else the first', () => {
    expect(initialDraft(parents, ['mashan', 'county'], names)).toEqual({
      parentId: 'mashan',
      kind: 'VILLAGE',
      divisionCode: '',
      name: '',
      windows: [{ code: 'D1', name: '代办窗口', kind: 'COMPREHENSIVE' }],
      manager: { username: '', displayName: '' },
      menuTemplateId: null,
    });
    expect(initialDraft(parents, [null, 'county'], names)?.parentId).toBe('county');
    expect(initialDraft(parents, ['gone', 'elsewhere'], names)?.kind).toBe('TOWNSHIP');
    expect(initialDraft([], ['county'], names)).toBeNull();
  });

  it('a new kind brings its suggested windows, unless the windows were worked on', () => {
    const draft = initialDraft(parents, ['county'], names)!;
    expect(withBasics(draft, { kind: 'VILLAGE' }, false, names).windows).toEqual([
      { code: 'D1', name: '代办窗口', kind: 'COMPREHENSIVE' },
    ]);
    expect(withBasics(draft, { kind: 'VILLAGE' }, true, names).windows).toBe(draft.windows);
    expect(withBasics(draft, { name: '龙头镇' }, false, names)).toEqual({
      ...draft,
      name: '龙头镇',
    });
  });
});

describe('the whole draft', () => {
  const draft: OnboardingDraft = {
    parentId: 'p',
    kind: 'TOWNSHIP',
    divisionCode: ' 450222104 ',
    name: ' 龙头镇 ',
    windows: [{ code: ' C1', name: '综合窗口 ', kind: 'COMPREHENSIVE' }],
    manager: { username: ' longtou.manager ', displayName: ' 龙头镇政务服务中心主任' },
    menuTemplateId: 't1',
  };

  it('is trimmed into the API input', () => {
    expect(onboardingInput(draft)).toEqual({
      parentId: 'p',
      kind: 'TOWNSHIP',
      divisionCode: '450222104',
      name: '龙头镇',
      windows: [{ code: 'C1', name: '综合窗口', kind: 'COMPREHENSIVE' }],
      manager: { username: 'longtou.manager', displayName: '龙头镇政务服务中心主任' },
      menuTemplateId: 't1',
    });
    // Another kind or parent lets the template go (it is of one tier and one county).
    const names = { comprehensive: '综合窗口', proxy: '代办窗口' };
    expect(withBasics(draft, { kind: 'VILLAGE' }, true, names).menuTemplateId).toBeNull();
    expect(withBasics(draft, { parentId: 'q' }, true, names).menuTemplateId).toBeNull();
    expect(withBasics(draft, { name: '龙头' }, true, names).menuTemplateId).toBe('t1');
  });

  it('lists every problem the wizard can see', () => {
    expect(draftProblems(draft, county)).toEqual([]);
    const bad = {
      ...draft,
      divisionCode: '450223104',
      windows: [],
      manager: { username: 'X', displayName: '' },
    };
    expect(keys(draftProblems(bad, county))).toEqual([
      'codePrefix',
      'usernameFormat',
      'displayNameRequired',
    ]);
  });
});

describe('problems the server reports, by code', () => {
  const context = {
    kind: 'TOWNSHIP' as const,
    parent: county,
    divisionCode: '45022210',
    username: 'longtou.manager',
  };
  const problem = (code: string, column: string | null = null) =>
    issueProblem({ code, message: 'server text', column }, context);

  it.each([
    [
      'KIND_NOT_ALLOWED_HERE',
      { key: 'kindNotAllowed', values: { kind: 'TOWNSHIP', parentKind: 'COUNTY' } },
    ],
    ['DIVISION_CODE_NOT_DIGITS', { key: 'codeDigitsOnly' }],
    [
      'DIVISION_CODE_LENGTH',
      { key: 'codeLength', values: { kind: 'TOWNSHIP', length: 9, actual: 8 } },
    ],
    ['DIVISION_CODE_OUTSIDE_PARENT', { key: 'codePrefix', values: { prefix: '450222' } }],
    ['DIVISION_CODE_NO_OWN_DIGITS', { key: 'codeOwnDigits', values: { prefix: '450222' } }],
    ['DIVISION_CODE_IN_USE', { key: 'codeTakenByOther', values: { code: '45022210' } }],
    ['PARENT_SUSPENDED', { key: 'parentSuspended' }],
    ['NAME_EMPTY', { key: 'nameRequired' }],
    ['WINDOW_CODES_REPEAT', { key: 'windowCodesUnique' }],
    ['WINDOW_INCOMPLETE', { key: 'windowIncomplete' }],
    ['USERNAME_FORMAT', { key: 'usernameFormat' }],
    ['USERNAME_TAKEN', { key: 'usernameTaken', values: { username: 'longtou.manager' } }],
    ['NO_ROWS', { key: 'sheetNoRows' }],
  ])('%s', (code, expected) => {
    expect(problem(code)).toEqual(expected);
  });

  it('names who holds a division code when the server does', () => {
    const issue = {
      code: 'DIVISION_CODE_IN_USE',
      message: 'Division code 45022210 is already used by 大埔镇',
    };
    expect(issueProblem(issue, context)).toEqual({
      key: 'codeTaken',
      values: { code: '45022210', name: '大埔镇' },
    });
  });

  it('names the column of a sheet problem', () => {
    expect(problem('REQUIRED', '服务站名称')).toEqual({
      key: 'sheetRequired',
      values: { column: '服务站名称' },
    });
  });

  it('shows a known code in the language, an unknown one as the server said it', () => {
    const zh = translator(zhCN);
    const issue = (code: string) => ({ code, message: 'server text' });
    expect(issueText(zh, issue('DIVISION_CODE_OUTSIDE_PARENT'), context)).toBe(
      '行政区划代码必须以上级代码 450222 开头',
    );
    expect(issueText(zh, issue('USERNAME_TAKEN'), context)).toBe('用户名 longtou.manager 已被使用');
    expect(issueText(zh, issue('SOMETHING_NEW'), context)).toBe('server text');
  });
});
