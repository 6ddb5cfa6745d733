/**
 * The signed-in session: login, silent refresh, logout. Plain TypeScript (no React, no
 * Apollo) so it can be unit-tested with a fake `fetch`.
 *
 * Refresh rules:
 * - A request about to be sent with a missing or nearly expired access token refreshes first
 *   (`getAccessToken`).
 * - A request rejected with UNAUTHENTICATED refreshes once and is retried
 *   (`renewAfterRejection`); if another request already renewed the token meanwhile, the
 *   new token is reused instead of refreshing again.
 * - Refreshes are single-flight (concurrent callers share one), and across tabs they are
 *   serialised by an optional lock, reading the newest stored refresh token each time:
 *   refresh tokens rotate, and presenting a spent one would end the session.
 * - When the server rejects the refresh token the session ends ('expired'). When the server
 *   cannot be reached the tokens are kept, so a network blip does not sign the user out.
 */
import { classifyError } from '../../../shared/api/errors';
import type { GraphQLRequest } from '../../../shared/api/transport';
import { singleFlight } from './single-flight';
import {
  CompleteSetupDocument,
  LoginDocument,
  LogoutDocument,
  RefreshDocument,
} from '../../../shared/api/graphql.generated';
import type { TokenStore } from './token-store';

export type SessionStatus = 'anonymous' | 'authenticated';

/** Why the last session ended: the user logged out, or it could not be renewed. */
export type SessionEndReason = 'loggedOut' | 'expired';

/** Runs `task` while holding a lock shared by every tab of the app (Web Locks API). */
export type CrossTabLock = <T>(task: () => Promise<T>) => Promise<T>;

const noLock: CrossTabLock = (task) => task();

/** Thrown when a refresh is needed but there is no refresh token to present. */
export class NoSessionError extends Error {
  override readonly name = 'NoSessionError';
  readonly errors = [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }];
  constructor() {
    super('Not signed in');
  }
}

export interface AuthSessionOptions {
  tokens: TokenStore;
  request: GraphQLRequest;
  lock?: CrossTabLock;
}

export class AuthSession {
  private readonly tokens: TokenStore;
  private readonly request: GraphQLRequest;
  private readonly lock: CrossTabLock;
  private endReason: SessionEndReason | null = null;

  /** Obtains a new token pair with the stored refresh token; concurrent calls share one. */
  readonly refresh: () => Promise<string>;

  constructor(options: AuthSessionOptions) {
    this.tokens = options.tokens;
    this.request = options.request;
    this.lock = options.lock ?? noLock;
    this.refresh = singleFlight(() => this.lock(() => this.refreshNow()));
  }

  get status(): SessionStatus {
    return this.tokens.hasSession ? 'authenticated' : 'anonymous';
  }

  /** Why the previous session ended (null before any session ended, or once a new began). */
  get lastEndReason(): SessionEndReason | null {
    return this.endReason;
  }

  subscribe(listener: () => void): () => void {
    return this.tokens.subscribe(listener);
  }

  async login(username: string, password: string): Promise<void> {
    const data = await this.request(LoginDocument, { input: { username, password } });
    this.endReason = null;
    this.tokens.set(data.login);
  }

  /**
   * Sets the password of an invited account with its one-time setup token; the server logs
   * the person in. A session already open in this browser (someone else's) ends first, so
   * the new person never works under the old one's cached data.
   */
  async completeSetup(token: string, password: string): Promise<void> {
    const data = await this.request(CompleteSetupDocument, { input: { token, password } });
    if (this.status === 'authenticated') await this.logout();
    this.endReason = null;
    this.tokens.set(data.completeSetup);
  }

  /**
   * A token to send with a request now: the current one while it is fresh, otherwise a
   * refreshed one. Null when signed out (the request goes out anonymously).
   */
  async getAccessToken(): Promise<string | null> {
    if (this.tokens.hasFreshAccessToken()) return this.tokens.accessToken;
    if (!this.tokens.refreshToken) return this.tokens.accessToken;
    return this.refresh();
  }

  /** A request sent with `rejectedToken` came back UNAUTHENTICATED: get a newer token. */
  async renewAfterRejection(rejectedToken: string): Promise<string> {
    const current = this.tokens.accessToken;
    if (current !== null && current !== rejectedToken && this.tokens.hasFreshAccessToken()) {
      return current;
    }
    return this.refresh();
  }

  /** Revokes the session on the server (best effort) and forgets it here in any case. */
  async logout(): Promise<void> {
    try {
      const token = await this.getAccessToken();
      if (token) await this.request(LogoutDocument, undefined, { token });
    } catch {
      // Unreachable server or an already dead session: the local session ends regardless.
    } finally {
      this.end('loggedOut');
    }
  }

  /** Ends the session because the server no longer accepts it. */
  expire(): void {
    this.end('expired');
  }

  private end(reason: SessionEndReason): void {
    this.endReason = reason;
    this.tokens.clear();
  }

  private async refreshNow(): Promise<string> {
    // Read inside the lock: another tab may have rotated the token while we waited.
    const refreshToken = this.tokens.refreshToken;
    if (!refreshToken) {
      if (this.tokens.accessToken) this.expire();
      throw new NoSessionError();
    }
    try {
      const data = await this.request(RefreshDocument, { input: { refreshToken } });
      this.tokens.set(data.refresh);
      return data.refresh.accessToken;
    } catch (error) {
      const kind = classifyError(error).kind;
      if (kind === 'unauthenticated' || kind === 'forbidden' || kind === 'badInput') {
        this.expire();
      }
      throw error;
    }
  }
}
