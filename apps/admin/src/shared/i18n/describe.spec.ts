import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { NetworkError } from '../api/transport';
import { translator } from '../testing/translator';
import { actionErrorText, problemText } from './describe';
import { enUS } from './en-US';
import { staffStatusLabel, windowKindLabel } from './labels';
import { zhCN } from './zh-CN';

/** The rules that produce problem keys (read as text: shared code does not import features). */
const FEATURES = join(__dirname, '../../features');
const RULE_FILES = [
  'onboarding/rules/onboarding-rules.ts',
  'windows/rules/window-rules.ts',
  'staff/rules/account-rules.ts',
  'applications/rules/applicant-rules.ts',
];

const zh = translator(zhCN);
const en = translator(enUS);

const refusal = (code: string, message: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code } }] });

describe('problem sentences', () => {
  it('every problem key the rules produce has a sentence in both languages', () => {
    const source = RULE_FILES.map((file) => readFileSync(join(FEATURES, file), 'utf8')).join('\n');
    const literal = [...source.matchAll(/key: '(\w+)'/g)].map((m) => m[1]);
    // requiredTextProblems(value, '<subject>', …) gives <subject>Required and <subject>TooLong.
    const required = [...source.matchAll(/requiredTextProblems\([^,]+,\s*'(\w+)'/g)].flatMap(
      (m) => [`${m[1]}Required`, `${m[1]}TooLong`],
    );
    const used = [...new Set([...literal, ...required])];
    expect(used.length).toBeGreaterThan(15);
    for (const key of used) {
      expect([key, key in zhCN.problems, key in enUS.problems]).toEqual([key, true, true]);
    }
  });

  it('names tenant kinds in the language', () => {
    const problem = { key: 'kindNotAllowed', values: { kind: 'TOWNSHIP', parentKind: 'TOWNSHIP' } };
    expect(problemText(zh, problem)).toBe('乡镇级机构下不能开通乡镇级机构');
    expect(problemText(en, problem)).toBe(
      'A Township tenant cannot be opened under a Township tenant',
    );
    expect(
      problemText(zh, { key: 'codeLength', values: { kind: 'TOWNSHIP', length: 9, actual: 8 } }),
    ).toBe('乡镇级行政区划代码为 9 位（当前 8 位）');
  });
});

describe('refused actions', () => {
  it("shows the server's message for FORBIDDEN, CONFLICT, BAD_USER_INPUT and NOT_FOUND", () => {
    expect(actionErrorText(zh, refusal('CONFLICT', 'Window C1 already exists in this hall'))).toBe(
      '操作与当前状态冲突。（服务器答复：Window C1 already exists in this hall）',
    );
    expect(
      actionErrorText(en, refusal('FORBIDDEN', 'You may not give the role(s) COUNTY_ADMIN')),
    ).toBe('You are not allowed to do this. (server: You may not give the role(s) COUNTY_ADMIN)');
    expect(actionErrorText(en, refusal('BAD_USER_INPUT', 'Give at least one role'))).toContain(
      'Give at least one role',
    );
    expect(actionErrorText(zh, refusal('NOT_FOUND', 'Tenant not found'))).toContain(
      'Tenant not found',
    );
  });

  it('explains a server that does not answer without a server message', () => {
    expect(actionErrorText(zh, new NetworkError(new TypeError('Failed to fetch')))).toBe(
      zhCN.errors.unreachable,
    );
    expect(actionErrorText(en, new Error('boom'))).toBe('Something went wrong: boom');
  });
});

describe('window kinds and staff statuses', () => {
  it('have labels in both languages, unknown values shown as they are', () => {
    expect(windowKindLabel(zh, 'COMPREHENSIVE')).toBe('综合窗口');
    expect(windowKindLabel(en, 'CHARGING')).toBe('Charging window');
    expect(windowKindLabel(zh, 'MOBILE')).toBe('MOBILE');
    expect(staffStatusLabel(zh, 'INVITED')).toBe('待激活');
    expect(staffStatusLabel(en, 'DISABLED')).toBe('Disabled');
    expect(staffStatusLabel(en, 'LOCKED')).toBe('LOCKED');
  });
});
