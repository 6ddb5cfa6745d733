import { translator } from '../../../shared/testing/translator';
import { zhCN } from '../../../shared/i18n/zh-CN';
import {
  childKindsFor,
  divisionCodeProblems,
  divisionCodeShape,
  draftProblems,
  firstManagerRole,
  initialDraft,
  nameProblems,
  type OnboardingDraft,
  onboardingInput,
  recognizeServerProblem,
  serverProblemText,
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
    expect(divisionCodeShape('TOWNSHIP', county)).toEqual({ prefix: '450222', length: 9 });
    expect(divisionCodeShape('VILLAGE', township)).toEqual({ prefix: '450222203', length: 12 });
    expect(divisionCodeShape('VILLAGE', county)).toEqual({ prefix: '450222', length: 12 });
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
  };

  it('is trimmed into the API input', () => {
    expect(onboardingInput(draft)).toEqual({
      parentId: 'p',
      kind: 'TOWNSHIP',
      divisionCode: '450222104',
      name: '龙头镇',
      windows: [{ code: 'C1', name: '综合窗口', kind: 'COMPREHENSIVE' }],
      manager: { username: 'longtou.manager', displayName: '龙头镇政务服务中心主任' },
    });
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

describe('problems the server reports', () => {
  it.each([
    [
      'Division code 450222100 is already used by 大埔镇',
      { key: 'codeTaken', values: { code: '450222100', name: '大埔镇' } },
    ],
    [
      'The username mashan.manager is taken',
      { key: 'usernameTaken', values: { username: 'mashan.manager' } },
    ],
    [
      'A username has 3–64 lower-case letters, digits, dots, dashes or underscores',
      { key: 'usernameFormat' },
    ],
    ['Window codes must be unique', { key: 'windowCodesUnique' }],
    ['Every window needs a code and a name', { key: 'windowIncomplete' }],
    ['The name must not be empty', { key: 'nameRequired' }],
    ['The division code must contain digits only', { key: 'codeDigitsOnly' }],
    [
      'A township division code has 9 digits (got 8)',
      { key: 'codeLength', values: { kind: 'TOWNSHIP', length: 9, actual: 8 } },
    ],
    [
      "The division code must start with the parent's code 450222",
      { key: 'codePrefix', values: { prefix: '450222' } },
    ],
    [
      'The division code needs its own non-zero digits after 450222',
      { key: 'codeOwnDigits', values: { prefix: '450222' } },
    ],
    [
      'A township cannot be opened under a township',
      { key: 'kindNotAllowed', values: { kind: 'TOWNSHIP', parentKind: 'TOWNSHIP' } },
    ],
    [
      'Division code 450222104 is already taken',
      { key: 'codeTakenByOther', values: { code: '450222104' } },
    ],
  ])('%s', (message, problem) => {
    expect(recognizeServerProblem(message)).toEqual(problem);
  });

  it('an unknown message is left to be shown as it is', () => {
    expect(recognizeServerProblem('Something new went wrong')).toBeNull();
  });
});

describe('server problems in the interface language', () => {
  it('shows a known server problem in the language, an unknown one as it came', () => {
    const zh = translator(zhCN);
    expect(serverProblemText(zh, 'Division code 450222100 is already used by 大埔镇')).toBe(
      '行政区划代码 450222100 已被 大埔镇 使用',
    );
    expect(serverProblemText(zh, 'Brand new problem')).toBe('Brand new problem');
  });
});
