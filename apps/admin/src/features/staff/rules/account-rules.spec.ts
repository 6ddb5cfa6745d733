import { displayNameProblems, usernameProblems } from './account-rules';

const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

describe('accounts', () => {
  it('a display name is required', () => {
    expect(keys(displayNameProblems(''))).toEqual(['displayNameRequired']);
    expect(keys(displayNameProblems('名'.repeat(61)))).toEqual(['displayNameTooLong']);
    expect(displayNameProblems('龙头镇政务服务中心主任')).toEqual([]);
  });

  it('usernames as the server accepts them', () => {
    expect(usernameProblems('longtou.manager')).toEqual([]);
    expect(usernameProblems('a_1-b')).toEqual([]);
    for (const bad of ['Longtou', 'ab', '.abc', 'with space', '张三', 'a'.repeat(65)]) {
      expect(keys(usernameProblems(bad))).toEqual(['usernameFormat']);
    }
  });
});
