/**
 * Wraps an async function so that concurrent callers share one run: while a call is in
 * flight every further call gets the same promise; once it settles (either way) the next
 * call starts a new run. Used for token refresh, so ten requests failing at once cause one
 * refresh, not ten (which, with rotating refresh tokens, would revoke the session).
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    if (inFlight) return inFlight;
    const current = new Promise<T>((resolve, reject) => {
      // run() may throw synchronously: the Promise constructor turns that into a rejection.
      run().then(resolve, reject);
    });
    inFlight = current;
    const settle = () => {
      if (inFlight === current) inFlight = null;
    };
    current.then(settle, settle);
    return current;
  };
}
