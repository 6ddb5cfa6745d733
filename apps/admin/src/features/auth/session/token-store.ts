/**
 * Where the session's tokens live.
 *
 * - The access token is kept in memory only: never in localStorage or sessionStorage, so an
 *   injected script cannot lift it from storage, and a reload forgets it.
 * - The refresh token is never seen by the app at all: the server keeps it in an httpOnly
 *   cookie sent only to `/auth/*`. What the app remembers is whether that cookie may still
 *   name a live session (`hasSession`), so a reload first tries `POST /auth/refresh`.
 */

import type { SessionTokens } from '../../../shared/api/transport';

export type IssuedTokens = SessionTokens;

export class TokenStore {
  private access: { token: string; expiresAt: number; lifetimeMs: number } | null = null;
  /** The cookie may hold a session this tab has no access token for (yet). */
  private cookieSession = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  get accessToken(): string | null {
    return this.access?.token ?? null;
  }

  /** True while there is something to authenticate with (an access token, or the cookie). */
  get hasSession(): boolean {
    return this.access !== null || this.cookieSession;
  }

  /** Milliseconds until the access token expires (negative once expired), null without one. */
  accessTokenExpiresInMs(): number | null {
    return this.access ? this.access.expiresAt - this.now() : null;
  }

  /**
   * Whether the access token is usable for a request sent now: present and not expiring
   * within the safety margin. The margin is a quarter of the token's lifetime, at most
   * `maxMarginMs`, so short-lived tokens are not refreshed on every request.
   */
  hasFreshAccessToken(maxMarginMs = 30_000): boolean {
    if (!this.access) return false;
    const margin = Math.min(maxMarginMs, this.access.lifetimeMs / 4);
    return this.access.expiresAt - this.now() > margin;
  }

  /** Keeps a freshly issued access token (the cookie was rotated alongside it). */
  set(tokens: IssuedTokens): void {
    const lifetimeMs = Math.max(0, tokens.expiresIn) * 1000;
    const had = this.hasSession;
    this.access = { token: tokens.accessToken, expiresAt: this.now() + lifetimeMs, lifetimeMs };
    this.cookieSession = true;
    if (!had) this.emit();
  }

  /**
   * The cookie may name a session though no access token could be had for it now (the
   * server did not answer): the app stays signed in and retries.
   */
  assumeCookieSession(): void {
    const had = this.hasSession;
    this.cookieSession = true;
    if (!had) this.emit();
  }

  /** Forgets the session. */
  clear(): void {
    const had = this.hasSession;
    this.access = null;
    this.cookieSession = false;
    if (had) this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
