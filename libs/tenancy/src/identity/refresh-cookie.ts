/**
 * The browser keeps its refresh token in an httpOnly cookie (never in script-readable
 * storage): sent only to the session endpoints (`/auth/*`), only from this site
 * (SameSite=Strict), only over TLS outside plain-HTTP development.
 */
export const REFRESH_COOKIE = 'tongban_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
/** Required on /auth/* calls: a custom header a cross-site form or image cannot send. */
export const SESSION_CSRF_HEADER = 'x-tongban-session';

export function refreshCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${REFRESH_COOKIE}=${token}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedRefreshCookie(secure: boolean): string {
  return refreshCookie('', 0, secure);
}

/** The refresh token in a Cookie header, if any. */
export function refreshTokenFromCookies(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || null;
  }
  return null;
}
