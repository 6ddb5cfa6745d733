/**
 * A minimal GraphQL-over-HTTP client for the few operations that must not go through Apollo
 * Client's link chain: login and setup (the auth link itself depends on them), and the
 * session endpoints beside GraphQL (refresh, logout).
 * Every failure is turned into one of three error types so callers can tell "the server
 * said no" from "the server did not answer".
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
  path?: ReadonlyArray<string | number>;
}

/** The server answered with GraphQL errors (whatever the HTTP status). */
export class GraphQLResponseError extends Error {
  override readonly name = 'GraphQLResponseError';
  constructor(
    readonly errors: ReadonlyArray<GraphQLErrorLike>,
    readonly status: number,
    /** Seconds from a `Retry-After` header, when the response had one. */
    readonly retryAfterHeader: number | null = null,
  ) {
    super(errors.map((e) => e.message).join('; ') || `GraphQL error (HTTP ${status})`);
  }
}

/** The request never got an answer: offline, connection refused, DNS, CORS, aborted body. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : 'Network request failed');
  }
}

/** Something answered, but not with a GraphQL response (proxy error page, 502, 404...). */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly status: number,
    detail = '',
  ) {
    super(`Unexpected response from the server (HTTP ${status})${detail ? `: ${detail}` : ''}`);
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string | null;
  signal?: AbortSignal;
}

/** Sends a generated document (its result typed) or a query string. */
export type GraphQLRequest = <TData, TVariables = Record<string, unknown>>(
  query: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
  options?: RequestOptions,
) => Promise<TData>;

export function createGraphQLRequest(fetchFn: FetchLike, url = '/graphql'): GraphQLRequest {
  return async <TData, TVariables = Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    options: RequestOptions = {},
  ): Promise<TData> => {
    const query = typeof document === 'string' ? document : print(document);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;

    let response: Response;
    let text: string;
    try {
      response = await fetchFn(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(variables ? { query, variables } : { query }),
        credentials: 'same-origin',
        signal: options.signal,
      });
      text = await response.text();
    } catch (cause) {
      throw new NetworkError(cause);
    }

    const body = parseAnswer(response, text);
    if (!isObject(body.data)) throw new HttpStatusError(response.status, 'not a GraphQL response');
    return body.data as TData;
  };
}

/** The access token the session endpoints hand out (the refresh token stays in its cookie). */
export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
}

/**
 * The browser's session endpoints: `POST /auth/refresh` rotates the httpOnly refresh cookie
 * and answers a new access token; `POST /auth/logout` ends the session the cookie names (no
 * access token needed). Both want the `X-Tongban-Session` header (no cross-site form sends it).
 */
export interface SessionEndpoints {
  refresh(): Promise<SessionTokens>;
  logout(): Promise<void>;
}

export function createSessionEndpoints(fetchFn: FetchLike, base = '/auth'): SessionEndpoints {
  const post = async (path: string): Promise<Record<string, unknown>> => {
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(`${base}/${path}`, {
        method: 'POST',
        headers: { 'x-tongban-session': '1', accept: 'application/json' },
        credentials: 'same-origin',
      });
      text = await response.text();
    } catch (cause) {
      throw new NetworkError(cause);
    }
    return parseAnswer(response, text);
  };
  return {
    refresh: async () => {
      const body = await post('refresh');
      if (typeof body.accessToken !== 'string' || typeof body.expiresIn !== 'number') {
        throw new HttpStatusError(200, 'not a session answer');
      }
      return { accessToken: body.accessToken, expiresIn: body.expiresIn };
    },
    logout: async () => {
      await post('logout');
    },
  };
}

/** A JSON answer's body; GraphQL errors (also those of the REST endpoints) thrown as such. */
function parseAnswer(response: Response, text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isObject(body) && Array.isArray(body.errors) && body.errors.length > 0) {
    throw new GraphQLResponseError(
      body.errors as GraphQLErrorLike[],
      response.status,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  if (!response.ok) throw new HttpStatusError(response.status);
  if (!isObject(body)) throw new HttpStatusError(response.status, 'not a JSON answer');
  return body;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}
