import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
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

/**
 * Opens an antd select and picks the option showing `option`, until the select shows it. On a loaded
 * machine the option list can still move (it scrolls to the current value) between the moment the
 * browser finds the option and the click, so the click lands on another option or none: looked at,
 * and tried again (three times at most), instead of saving a form that silently kept its old value.
 * `select` is the select itself (its .ant-select element, or what holds it).
 */
export async function chooseOption(page: Page, select: Locator, option: string) {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    // again only if the list closed (a click on the open select would close it)
    if (attempt === 1 || (await dropdown.count()) === 0) await select.click();
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 5_000 }).toContain(option);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.waitForTimeout(500); // a list that closed has finished its animation
    }
  }
}

/**
 * Clicks the OK button (by test id) of an open confirm dialog until the dialog closes: a click that a
 * loaded browser loses while the dialog is still settling is given again, while a dialog whose OK
 * button is loading (its action running) is waited for, not clicked twice.
 */
export async function confirmModal(page: Page, okTestId: string) {
  const ok = page.getByTestId(okTestId);
  const dialog = page.locator('.ant-modal-confirm');
  for (let attempt = 1; ; attempt++) {
    if (!(await ok.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => true)))
      await ok.click({ timeout: 5_000 }).catch(() => {});
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
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
