import { fakeStorage } from '../../../shared/testing/fake-api';
import { REFRESH_TOKEN_KEY, TokenStore } from './token-store';

function setup(initial: Record<string, string> = {}) {
  let now = 1_000_000;
  const storage = fakeStorage(initial);
  const store = new TokenStore(storage, () => now);
  return { store, storage, advance: (ms: number) => (now += ms) };
}

const pair = (n: number, expiresIn = 900) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn,
});

describe('TokenStore', () => {
  it('keeps the access token in memory and only the refresh token in storage', () => {
    const { store, storage } = setup();
    store.set(pair(1));
    expect(store.accessToken).toBe('access-1');
    expect(store.refreshToken).toBe('refresh-1');
    expect([...storage.values.entries()]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']]);
  });

  it('restores the session from storage after a reload (refresh token only)', () => {
    const { store } = setup({ [REFRESH_TOKEN_KEY]: 'refresh-9' });
    expect(store.hasSession).toBe(true);
    expect(store.accessToken).toBeNull();
    expect(store.hasFreshAccessToken()).toBe(false);
    expect(store.refreshToken).toBe('refresh-9');
  });

  it('always stores the newest (rotated) refresh token', () => {
    const { store, storage } = setup();
    store.set(pair(1));
    store.set(pair(2));
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
    expect(store.accessToken).toBe('access-2');
  });

  it('reads the refresh token from storage, so a rotation by another tab is seen', () => {
    const { store, storage } = setup();
    store.set(pair(1));
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-from-other-tab');
    expect(store.refreshToken).toBe('refresh-from-other-tab');
  });

  it('treats the access token as stale shortly before it expires', () => {
    const { store, advance } = setup();
    store.set(pair(1, 900));
    expect(store.hasFreshAccessToken()).toBe(true);
    advance(900_000 - 31_000);
    expect(store.hasFreshAccessToken()).toBe(true);
    advance(2_000); // 29 s left: inside the 30 s margin
    expect(store.hasFreshAccessToken()).toBe(false);
    expect(store.accessTokenExpiresInMs()).toBe(29_000);
  });

  it('scales the margin down for short-lived tokens', () => {
    const { store, advance } = setup();
    store.set(pair(1, 20)); // margin: a quarter of 20 s
    advance(14_000);
    expect(store.hasFreshAccessToken()).toBe(true);
    advance(2_000);
    expect(store.hasFreshAccessToken()).toBe(false);
  });

  it('clears both tokens and notifies subscribers', () => {
    const { store, storage } = setup();
    const listener = jest.fn();
    store.subscribe(listener);
    store.set(pair(1));
    store.clear();
    expect(store.accessToken).toBeNull();
    expect(store.refreshToken).toBeNull();
    expect(store.hasSession).toBe(false);
    expect(storage.values.size).toBe(0);
    expect(listener).toHaveBeenCalledTimes(2);
    store.clear(); // nothing left: no notification
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('drops the access token when another tab logs out', () => {
    const { store, storage } = setup();
    store.set(pair(1));
    const listener = jest.fn();
    store.subscribe(listener);
    storage.removeItem(REFRESH_TOKEN_KEY);
    store.onExternalChange(REFRESH_TOKEN_KEY, null);
    expect(store.hasSession).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    store.onExternalChange('tongban.language', null);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('falls back to memory when storage refuses writes', () => {
    const broken = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = new TokenStore(broken);
    store.set(pair(1));
    expect(store.refreshToken).toBe('refresh-1');
    store.clear();
    expect(store.refreshToken).toBeNull();
  });
});
