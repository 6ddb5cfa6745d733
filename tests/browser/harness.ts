/**
 * Shared pieces of the browser tests: Chromium, waiting for visible text, signing in.
 * Assertions are on visible text, so a blank or broken screen fails.
 */
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Demo#2026';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Waits until `locator` shows `text` on screen; on timeout says what it shows instead. */
export async function expectVisibleText(locator: Locator, text: string | RegExp, timeout = 15_000) {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await locator.allInnerTexts().catch(() => []);
    throw new Error(
      `Expected ${String(locator)} to show ${String(text)}; it shows ${JSON.stringify(shown)}`,
    );
  }
}

export async function expectHidden(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Everything script-readable storage holds (a token must never be among it). */
export function webStorage(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([{ ...window.localStorage }, { ...window.sessionStorage }]),
  );
}

/** The httpOnly refresh cookie the browser holds for the app, if any. */
export async function refreshCookie(page: Page): Promise<string | null> {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === 'tongban_refresh' && c.value !== '')?.value ?? null;
}
