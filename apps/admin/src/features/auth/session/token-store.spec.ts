import { TokenStore } from './token-store';

function setup() {
  let now = 1_000_000;
  const store = new TokenStore(() => now);
  return { store, advance: (ms: number) => (now += ms) };
}

const issued = (n: number, expiresIn = 900) => ({ accessToken: `access-${n}`, expiresIn });

describe('TokenStore', () => {
  it('keeps the access token in memory; there is no refresh token to keep', () => {
    const { store } = setup();
    expect(store.hasSession).toBe(false);
    store.set(issued(1));
    expect(store.accessToken).toBe('access-1');
    expect(store.hasSession).toBe(true);
    expect(Object.keys(store)).not.toContain('refreshToken');
  });

  it('may assume a session the cookie names, without an access token', () => {
    const { store } = setup();
    const listener = jest.fn();
    store.subscribe(listener);
    store.assumeCookieSession();
    expect(store.hasSession).toBe(true);
    expect(store.accessToken).toBeNull();
    expect(store.hasFreshAccessToken()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the newest access token', () => {
    const { store } = setup();
    store.set(issued(1));
    store.set(issued(2));
    expect(store.accessToken).toBe('access-2');
  });

  it('treats the access token as stale shortly before it expires', () => {
    const { store, advance } = setup();
    store.set(issued(1, 900));
    expect(store.hasFreshAccessToken()).toBe(true);
    advance(900_000 - 31_000);
    expect(store.hasFreshAccessToken()).toBe(true);
    advance(2_000); // 29 s left: inside the 30 s margin
    expect(store.hasFreshAccessToken()).toBe(false);
    expect(store.accessTokenExpiresInMs()).toBe(29_000);
  });

  it('scales the margin down for short-lived tokens', () => {
    const { store, advance } = setup();
    store.set(issued(1, 20)); // margin: a quarter of 20 s
    advance(14_000);
    expect(store.hasFreshAccessToken()).toBe(true);
    advance(2_000);
    expect(store.hasFreshAccessToken()).toBe(false);
  });

  it('clears the session and notifies subscribers of the change only', () => {
    const { store } = setup();
    const listener = jest.fn();
    store.subscribe(listener);
    store.set(issued(1));
    store.set(issued(2)); // still signed in: no change to announce
    store.clear();
    expect(store.accessToken).toBeNull();
    expect(store.hasSession).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    store.clear(); // nothing left: no notification
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
