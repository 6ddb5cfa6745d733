/**
 * Apollo link that authenticates every operation and renews the session silently:
 * - before sending, asks the session for a fresh access token (refreshing if it is missing
 *   or about to expire) and sets `Authorization: Bearer <token>`;
 * - when an operation sent with a token comes back UNAUTHENTICATED (as a GraphQL error in
 *   the result, or as an HTTP error whose body carries it), renews the token once and
 *   retries the operation; if the retry is rejected too, the session is over.
 */
import { ApolloLink } from '@apollo/client';
import { catchError, defer, map, mergeMap, Observable, of, throwError } from 'rxjs';
import { ErrorCode, hasErrorCode } from './errors';

export interface LinkSession {
  getAccessToken(): Promise<string | null>;
  renewAfterRejection(rejectedToken: string): Promise<string>;
  expire(): void;
  readonly status: 'anonymous' | 'authenticated';
}

/** Carries a rejected result out of the pipeline so that it can be retried. */
class Rejected {
  constructor(
    readonly token: string,
    readonly outcome: { result: ApolloLink.Result } | { error: unknown },
  ) {}
}

export function isUnauthenticatedResult(result: ApolloLink.Result): boolean {
  return hasErrorCode(result, ErrorCode.Unauthenticated);
}

export function createAuthLink(session: LinkSession): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const send = (token: string | null): Observable<ApolloLink.Result> => {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => {
        const next: Record<string, string> = { ...headers };
        if (token) next.authorization = `Bearer ${token}`;
        else delete next.authorization;
        return { headers: next };
      });
      return forward(operation);
    };

    const replay = (rejected: Rejected): Observable<ApolloLink.Result> =>
      'result' in rejected.outcome
        ? of(rejected.outcome.result)
        : throwError(() => (rejected.outcome as { error: unknown }).error);

    const retry = (rejected: Rejected): Observable<ApolloLink.Result> =>
      defer(async () => {
        try {
          return { token: await session.renewAfterRejection(rejected.token) };
        } catch (refreshError) {
          return { refreshError };
        }
      }).pipe(
        mergeMap((renewal) => {
          if ('refreshError' in renewal) {
            // The session ended (refresh rejected): report the original rejection. Otherwise
            // (server unreachable during the refresh) report why the refresh failed.
            return session.status === 'anonymous'
              ? replay(rejected)
              : throwError(() => renewal.refreshError);
          }
          return send(renewal.token).pipe(
            map((result) => {
              // A brand-new token rejected too: the account or session is gone.
              if (isUnauthenticatedResult(result)) session.expire();
              return result;
            }),
            catchError((retryError: unknown) => {
              if (hasErrorCode(retryError, ErrorCode.Unauthenticated)) session.expire();
              return throwError(() => retryError);
            }),
          );
        }),
      );

    return defer(() => session.getAccessToken()).pipe(
      mergeMap((token) =>
        send(token).pipe(
          map((result) => {
            if (token && isUnauthenticatedResult(result)) throw new Rejected(token, { result });
            return result;
          }),
          catchError((error: unknown) => {
            if (error instanceof Rejected) return throwError(() => error);
            if (token && hasErrorCode(error, ErrorCode.Unauthenticated)) {
              return throwError(() => new Rejected(token, { error }));
            }
            return throwError(() => error);
          }),
        ),
      ),
      catchError((error: unknown) =>
        error instanceof Rejected ? retry(error) : throwError(() => error),
      ),
    );
  });
}
