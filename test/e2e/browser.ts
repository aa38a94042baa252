import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where browser tests leave their screenshots. */
export const RESULTS = `${ROOT}test-results/`;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Waits for the page to settle on a value; rendering after a fetch can take a few seconds on CI. */
export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/**
 * Builds the web app the server will serve (a no-op when dist/web is up to date) and starts Debian's
 * chromium. Every page opened with `newPage` reports uncaught errors into `pageErrors`.
 */
export async function launchBrowser() {
  mkdirSync(RESULTS, { recursive: true });
  execFileSync(process.execPath, [`${ROOT}scripts/build-web.mjs`], { stdio: 'inherit' });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const pageErrors: string[] = [];
  const newPage = async (width = 1280, height = 860): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return { context, page };
  };
  return { browser, newPage, pageErrors };
}

export async function chooseLoginLanguage(page: Page, label: string) {
  await page.getByTestId('language-switch').click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
}

export async function logIn(page: Page, email: string, password: string, expectHome = true) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  if (expectHome) await page.getByTestId('home-welcome').waitFor();
}

export async function switchLanguageFromUserMenu(
  page: Page,
  submenuLabel: string,
  locale: 'zh-CN' | 'en-US',
) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: submenuLabel }).click();
  await page.getByTestId(`lang-${locale}`).click();
}
