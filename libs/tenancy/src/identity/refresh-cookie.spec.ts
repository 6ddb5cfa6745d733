import { clearedRefreshCookie, refreshCookie, refreshTokenFromCookies } from './refresh-cookie';

describe('the refresh-token cookie', () => {
  it('is httpOnly, same-site strict, scoped to the session endpoints, secure over TLS', () => {
    expect(refreshCookie('abc.def', 3600, true)).toBe(
      'tongban_refresh=abc.def; Path=/auth; Max-Age=3600; HttpOnly; SameSite=Strict; Secure',
    );
    expect(refreshCookie('abc.def', 3600, false)).not.toContain('Secure');
    expect(clearedRefreshCookie(true)).toContain('Max-Age=0');
  });

  it('is read back from a Cookie header among others', () => {
    expect(refreshTokenFromCookies('a=1; tongban_refresh=id.sec=ret; b=2')).toBe('id.sec=ret');
    expect(refreshTokenFromCookies('a=1')).toBeNull();
    expect(refreshTokenFromCookies(undefined)).toBeNull();
  });
});
