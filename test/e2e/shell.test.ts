import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testServer.js';
import {
  chooseLoginLanguage,
  launchBrowser,
  logIn as logInAs,
  poll,
  RESULTS,
  switchLanguageFromUserMenu,
} from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let newPage: (width?: number, height?: number) => Promise<{ context: BrowserContext; page: Page }>;
let pageErrors: string[] = [];

const logIn = (page: Page, expectHome = true) =>
  logInAs(page, server.adminEmail, server.adminPassword, expectHome);

beforeAll(async () => {
  ({ browser, newPage, pageErrors } = await launchBrowser());
  server = await startTestServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('web shell', () => {
  it('logs in, switches and remembers the language, opens the users screen and logs out', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/`);
    // Signed out: any page leads to the login form.
    await page.waitForURL('**/login');

    await chooseLoginLanguage(page, '中文（简体）');
    await poll(() => page.locator('button[type=submit]').textContent()).toMatch(/登\s*录/);
    await logIn(page);

    const nav = page.getByTestId('app-nav');
    await poll(() => nav.textContent()).toContain('首页');
    expect(await page.getByTestId('home-welcome').textContent()).toContain('欢迎');
    await poll(() => page.getByTestId('home-organization').textContent()).toContain('Asia/Shanghai');
    await page.screenshot({ path: `${RESULTS}home.png`, fullPage: true });

    await switchLanguageFromUserMenu(page, '语言', 'en-US');
    await poll(() => nav.textContent()).toContain('Home');
    expect(await page.getByTestId('home-welcome').textContent()).toContain('Welcome');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await page.screenshot({ path: `${RESULTS}home-en.png`, fullPage: true });

    await page.reload();
    await page.getByTestId('home-welcome').waitFor();
    expect(await page.getByTestId('home-welcome').textContent()).toContain('Welcome');
    expect(await nav.textContent()).toContain('Administration');

    await nav.getByText('Users').click();
    await page.waitForURL('**/admin/users');
    await poll(() => page.getByTestId('users-table').textContent()).toContain(server.adminEmail);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.waitForURL('**/login');
    await context.close();
  });

  it('keeps the language in the profile, so a new browser starts in it', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    await chooseLoginLanguage(page, 'English');
    await logIn(page);
    await switchLanguageFromUserMenu(page, 'Language', 'zh-CN');
    await poll(() => page.getByTestId('app-nav').textContent()).toContain('首页');
    await context.close();

    // A fresh browser (nothing in localStorage, browser language English) takes the profile's language.
    const fresh = await newPage();
    await fresh.page.goto(`${server.baseUrl}/login`);
    await logIn(fresh.page);
    await poll(() => fresh.page.getByTestId('app-nav').textContent()).toContain('首页');
    await fresh.context.close();
  });

  it('fits a tablet: the side menu collapses to icons at 800 px', async () => {
    const { context, page } = await newPage(800, 1024);
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page);
    const siderWidth = await page.getByTestId('app-sider').evaluate((el) => el.getBoundingClientRect().width);
    expect(siderWidth).toBeLessThanOrEqual(80);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${RESULTS}home-tablet.png`, fullPage: true });
    await context.close();
  });

  it('makes a user whose password an admin reset choose a new one before anything else', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page);
    const temporary = 'temporary-pass-1';
    const email = `reset-${Date.now()}@e2e.test`;
    // Set up through the API as the signed-in admin (the screens are covered above).
    const status = await page.evaluate(
      async ({ email, temporary }) => {
        const { csrfToken } = await (await fetch('/api/v1/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
        const created = await fetch('/api/v1/users', {
          method: 'POST',
          headers,
          body: JSON.stringify({ email, name: 'Reset Person', role: 'sales', password: 'initial-pass-1' }),
        });
        const user = await created.json();
        const reset = await fetch(`/api/v1/users/${user.id}/reset-password`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ newPassword: temporary }),
        });
        return [created.status, reset.status];
      },
      { email, temporary },
    );
    expect(status).toEqual([201, 204]);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');

    await page.locator('#email').fill(email);
    await page.locator('#password').fill(temporary);
    await page.locator('button[type=submit]').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('#newPassword') });
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-close').count()).toBe(0);
    await dialog.locator('#currentPassword').fill(temporary);
    await dialog.locator('#newPassword').fill('my-own-password-1');
    await dialog.locator('#confirm').fill('my-own-password-1');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('home-welcome').textContent()).toContain('Reset Person');
    await context.close();
  });

  it('sends an expired session to the login page and back to where the user was', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page);
    await page.getByTestId('app-nav').locator('[data-menu-id$="/admin/users"]').click();
    await page.waitForURL('**/admin/users');
    await poll(() => page.getByTestId('users-table').textContent()).toContain(server.adminEmail);
    await context.clearCookies(); // as if the server had expired the session
    const search = page.locator('input[data-testid=user-search], [data-testid=user-search] input');
    await search.fill('admin');
    await search.press('Enter');
    await page.waitForURL('**/login');
    await page.getByTestId('session-expired').waitFor();
    await logIn(page, false);
    await page.waitForURL('**/admin/users'); // back where the user was, not home
    await page.getByTestId('users-table').waitFor();
    await context.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
