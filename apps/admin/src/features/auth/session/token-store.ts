/**
 * Where the session's tokens live.
 *
 * - The access token is kept in memory only (never in storage, so an injected script cannot
 *   lift it from localStorage after the tab is gone).
 * - The refresh token is kept in storage (localStorage in the browser) so a reload keeps the
 *   session. It is read from storage every time it is needed, so when another tab rotates it
 *   this tab uses the newest one.
 */

import { type KeyValueStorage, memoryStorage } from '../../../shared/storage/key-value-storage';
import type { IssuedTokensFragment } from '../../../shared/api/graphql.generated';

/** The tokens the API hands out (AuthPayload); `expiresIn` is in seconds from now. */
export type IssuedTokens = Pick<IssuedTokensFragment, 'accessToken' | 'refreshToken' | 'expiresIn'>;

export const REFRESH_TOKEN_KEY = 'tongban.auth.refreshToken';

export class TokenStore {
  private access: { token: string; expiresAt: number; lifetimeMs: number } | null = null;
  /** Used only when the storage refuses to write (private mode, quota). */
  private readonly fallback = memoryStorage();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get accessToken(): string | null {
    return this.access?.token ?? null;
  }

  get refreshToken(): string | null {
    try {
      return this.storage.getItem(REFRESH_TOKEN_KEY) ?? this.fallback.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return this.fallback.getItem(REFRESH_TOKEN_KEY);
    }
  }

  /** True while there is something to authenticate with (an access or a refresh token). */
  get hasSession(): boolean {
    return this.accessToken !== null || this.refreshToken !== null;
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

  /** Stores a freshly issued pair. Refresh tokens rotate: the new one replaces the old. */
  set(tokens: IssuedTokens): void {
    const lifetimeMs = Math.max(0, tokens.expiresIn) * 1000;
    this.access = { token: tokens.accessToken, expiresAt: this.now() + lifetimeMs, lifetimeMs };
    try {
      this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
      this.fallback.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      this.fallback.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    }
    this.emit();
  }

  /** Forgets both tokens. */
  clear(): void {
    const had = this.hasSession;
    this.access = null;
    try {
      this.storage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // storage unavailable: nothing stored there
    }
    this.fallback.removeItem(REFRESH_TOKEN_KEY);
    if (had) this.emit();
  }

  /**
   * Reacts to another tab changing the stored refresh token (the browser's `storage` event).
   * When it was removed the other tab logged out: this tab drops its access token too.
   */
  onExternalChange(key: string | null, newValue: string | null): void {
    if (key !== null && key !== REFRESH_TOKEN_KEY) return;
    if (newValue === null && this.access) {
      this.access = null;
      this.emit();
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
