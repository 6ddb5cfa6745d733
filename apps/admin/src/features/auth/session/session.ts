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
 * - Refreshes go to `POST /auth/refresh`, which reads the refresh token from its httpOnly
 *   cookie and rotates it; the app never sees it. They are single-flight (concurrent callers
 *   share one), and across tabs they are serialised by an optional lock: refresh tokens
 *   rotate, and presenting a spent one (a cookie read before another tab rotated it) would
 *   end the session.
 * - On start, `restore()` asks for an access token with the cookie (a reload stays signed in).
 * - When the server rejects the refresh token the session ends ('expired'). When the server
 *   cannot be reached the tokens are kept, so a network blip does not sign the user out.
 */
import { classifyError } from '../../../shared/api/errors';
import type { GraphQLRequest, SessionEndpoints } from '../../../shared/api/transport';
import { singleFlight } from './single-flight';
import {
  CompleteSetupDocument,
  LoginDocument,
  LogoutDocument,
} from '../../../shared/api/graphql.generated';
import type { TokenStore } from './token-store';

export type SessionStatus = 'anonymous' | 'authenticated';

/** Why the last session ended: the user logged out, or it could not be renewed. */
export type SessionEndReason = 'loggedOut' | 'expired';

/** Runs `task` while holding a lock shared by every tab of the app (Web Locks API). */
export type CrossTabLock = <T>(task: () => Promise<T>) => Promise<T>;

const noLock: CrossTabLock = (task) => task();

/** Thrown when a refresh is needed but there is no session to refresh. */
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
  endpoints: SessionEndpoints;
  lock?: CrossTabLock;
}

export class AuthSession {
  private readonly tokens: TokenStore;
  private readonly request: GraphQLRequest;
  private readonly endpoints: SessionEndpoints;
  private readonly lock: CrossTabLock;
  private endReason: SessionEndReason | null = null;

  /** Obtains a new access token with the refresh cookie; concurrent calls share one. */
  readonly refresh: () => Promise<string>;

  constructor(options: AuthSessionOptions) {
    this.tokens = options.tokens;
    this.request = options.request;
    this.endpoints = options.endpoints;
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

  /**
   * On start: picks up the session the refresh cookie names, if any. Refused: signed out.
   * No answer: stays (tentatively) signed in, so the app says the server is unreachable and
   * retries instead of showing the login page to someone who is signed in.
   */
  async restore(): Promise<void> {
    this.tokens.assumeCookieSession();
    try {
      await this.refresh();
    } catch (error) {
      if (
        classifyError(error).kind !== 'unreachable' &&
        classifyError(error).kind !== 'unavailable'
      ) {
        // No session to pick up (no cookie, or a dead one): a first visit, not an expiry.
        this.tokens.clear();
        this.endReason = null;
      }
    }
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
    // The cookie now names the new session: end the old one by its access token, if any.
    const previous = this.tokens.accessToken;
    if (this.status === 'authenticated') {
      if (previous)
        await this.request(LogoutDocument, undefined, { token: previous }).catch(() => null);
      this.end('loggedOut');
    }
    this.endReason = null;
    this.tokens.set(data.completeSetup);
  }

  /**
   * A token to send with a request now: the current one while it is fresh, otherwise a
   * refreshed one. Null when signed out (the request goes out anonymously).
   */
  async getAccessToken(): Promise<string | null> {
    if (this.tokens.hasFreshAccessToken()) return this.tokens.accessToken;
    if (!this.tokens.hasSession) return null;
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

  /**
   * Revokes the session on the server (best effort; the cookie is enough, no access token
   * needed) and forgets it here in any case.
   */
  async logout(): Promise<void> {
    try {
      await this.lock(() => this.endpoints.logout());
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

  /** Another tab ended the session: forget it here too (no server call). */
  endedElsewhere(): void {
    this.end('loggedOut');
  }

  private async refreshNow(): Promise<string> {
    if (!this.tokens.hasSession) throw new NoSessionError();
    try {
      // Sent inside the lock: the browser attaches the newest cookie, even when another tab
      // rotated it while we waited.
      const issued = await this.endpoints.refresh();
      this.tokens.set(issued);
      return issued.accessToken;
    } catch (error) {
      const kind = classifyError(error).kind;
      if (kind === 'unauthenticated' || kind === 'forbidden' || kind === 'badInput') {
        this.expire();
      }
      throw error;
    }
  }
}
