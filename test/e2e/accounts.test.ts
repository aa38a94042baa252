import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, creditCode } from '../accountFactory.js';
import { startTestServer } from '../testServer.js';
import {
  chooseLoginLanguage,
  chooseOption,
  confirmModal,
  launchBrowser,
  logIn,
  poll,
  RESULTS,
  switchLanguageFromUserMenu,
} from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let newPage: (width?: number, height?: number) => Promise<{ context: BrowserContext; page: Page }>;
let pageErrors: string[] = [];
let context: BrowserContext;
let page: Page;

const CREDIT_CODE = creditCode(4242);
const EXISTING = '恒通冷链物流（上海）有限公司';
const NEW_NAME = '上海恒通冷链物流有限公司';

/** Picks an option of the antd select whose input has this id. */
function choose(id: string, option: string) {
  const select = page
    .locator(`#${id}`)
    .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  return chooseOption(page, select, option);
}

/** Calls the API as the signed-in user (for setting up a concurrent edit). */
function apiCall(method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

beforeAll(async () => {
  ({ browser, newPage, pageErrors } = await launchBrowser());
  server = await startTestServer();
  // The customer that already exists, with a contact: the new one will look like it.
  await buildAccount(server.database.db, { nameZh: EXISTING, creditCode: CREDIT_CODE, city: '上海' }, [
    { name: '刘洋', mobile: '13900001111' },
  ]);
  ({ context, page } = await newPage(1366, 900));
  await page.goto(`${server.baseUrl}/login`);
  await chooseLoginLanguage(page, '中文（简体）');
  await logIn(page, server.adminEmail, server.adminPassword);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('accounts', () => {
  let accountId = '';

  it('creates an account, warned that it looks like an existing customer', async () => {
    await page.getByTestId('app-nav').getByText('客户', { exact: true }).click();
    await page.waitForURL('**/accounts');
    await poll(() => page.getByTestId('accounts-table').textContent()).toContain(EXISTING);

    await page.getByTestId('account-create').click();
    await page.locator('#account_nameZh').fill(NEW_NAME);
    await page.locator('#account_nameEn').fill('Shanghai Hengtong Cold Chain Logistics');
    await page.locator('#account_creditCode').fill(CREDIT_CODE);
    await poll(() => page.getByTestId('duplicate-warning').textContent()).toContain(EXISTING);
    expect(await page.getByTestId('duplicate-warning').textContent()).toContain('信用代码相同');
    await page.screenshot({ path: `${RESULTS}accounts-form-duplicate.png` });
    await page.locator('#account_province').fill('上海');
    await page.locator('#account_city').fill('上海');
    await choose('account_industry', '食品饮料');
    await choose('account_transportNeeds_modes', '冷链');
    await page.getByRole('button', { name: '添加线路' }).click();
    await page.locator('#account_transportNeeds_lanes_0_origin').fill('上海');
    await page.locator('#account_transportNeeds_lanes_0_destination').fill('成都');
    await page.locator('#account_transportNeeds_monthlyVolume_amount').fill('120');
    await page.locator('#requirements').fill('冷藏 2–8 ℃，夜间收货');
    await page.locator('#contacts_0_name').fill('王磊');
    await page.locator('#contacts_0_title').fill('物流经理');
    // The server's message lands on the field it is about (contacts.0.mobile).
    await page.locator('#contacts_0_mobile').fill('12345');
    await page.getByTestId('account-save').click();
    const mobileError = page.locator('.ant-form-item:has(#contacts_0_mobile) .ant-form-item-explain-error');
    await mobileError.waitFor();
    expect(await mobileError.textContent()).toMatch(/号码/);
    await page.screenshot({ path: `${RESULTS}accounts-form.png` });
    await page.locator('#contacts_0_mobile').fill('138 1234 5678');
    await page.getByTestId('account-save').click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    accountId = page.url().split('/').pop() ?? '';
    await poll(() => page.getByTestId('account-name').textContent()).toBe(NEW_NAME);
    await poll(() => page.getByTestId('contacts-table').textContent()).toContain('+8613812345678');
  });

  it('finds the account by a part of its Chinese name', async () => {
    await page.goto(`${server.baseUrl}/accounts`);
    const search = page
      .locator('[data-testid=account-search] input, input[data-testid=account-search]')
      .first();
    await search.fill('上海恒通');
    await page.waitForURL(/q=/);
    const row = page.getByTestId('accounts-table').locator('tbody tr', { hasText: NEW_NAME });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('王磊');
    await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.screenshot({ path: `${RESULTS}accounts-list.png` });
    await row.locator('td').first().click();
    await page.waitForURL(`**/accounts/${accountId}`);
  });

  it('shows the creation in the timeline, then an edit as before → after', async () => {
    await page.getByRole('tab', { name: '动态' }).click();
    await poll(() => page.getByTestId('timeline').textContent()).toContain('创建了客户');

    await page.getByTestId('account-edit').click();
    // the drawer fills the form from the record first; choosing before that would be overwritten
    await poll(() => page.locator('#account_nameZh').inputValue()).not.toBe('');
    await choose('account_tier', '战略客户');
    await page.getByTestId('account-save').click();
    await page.getByTestId('account-save').waitFor({ state: 'hidden' });
    await poll(async () => (await apiCall('GET', `/accounts/${accountId}`)).body.account.tier).toBe(
      'strategic',
    );
    await poll(() => page.getByTestId('timeline').textContent()).toMatch(/一般客户\s*→\s*战略客户/);
    expect(await page.getByTestId('timeline').textContent()).toContain('服务等级');
    await page.screenshot({ path: `${RESULTS}accounts-360.png`, fullPage: true });

    await page.getByRole('tab', { name: '备注' }).click();
    await page.getByTestId('note-body').fill('电话回访：下月起每周增加两趟成都线。');
    await page.getByTestId('note-add').click();
    await poll(() => page.getByTestId('timeline').textContent()).toContain('每周增加两趟成都线');
    await page.getByRole('tab', { name: '动态' }).click();
    await poll(() => page.getByTestId('timeline').textContent()).toContain('写了备注');
  });

  it('shows what someone else changed when an edit comes too late (409)', async () => {
    await page.getByTestId('account-edit').click();
    await page.locator('#account_city').waitFor();
    const { body } = await apiCall('GET', `/accounts/${accountId}`);
    const theirs = await apiCall('PUT', `/accounts/${accountId}`, {
      version: body.account.version,
      account: {
        nameZh: NEW_NAME,
        creditCode: CREDIT_CODE,
        city: '苏州',
        status: 'active',
        tier: 'strategic',
      },
    });
    expect(theirs.status).toBe(200);
    await page.locator('#account_address').fill('浦东新区申江路 1 号');
    await page.getByTestId('account-save').click();
    await poll(() => page.getByTestId('version-conflict').textContent()).toContain('苏州');
    await page.screenshot({ path: `${RESULTS}accounts-conflict.png` });
    await page.locator('.ant-drawer-extra button').first().click();
    await page.locator('.ant-drawer-extra').waitFor({ state: 'hidden' });
  });

  it('merges the two duplicates from the duplicates screen', async () => {
    const { body } = await apiCall('GET', `/accounts/${accountId}`);
    const code: string = body.account.code;
    await page.getByTestId('app-nav').getByText('重复客户').click();
    await page.waitForURL('**/accounts/duplicates');
    const table = page.getByTestId('duplicates-table');
    await poll(() => table.textContent()).toContain(NEW_NAME);
    await table
      .locator('tbody tr', { hasText: NEW_NAME })
      .first()
      .locator('.ant-table-row-expand-icon')
      .click();
    await page.getByTestId('compare-pair').waitFor();
    await page.screenshot({ path: `${RESULTS}accounts-duplicates.png`, fullPage: true });
    await page.getByRole('button', { name: `合并到 ${code}` }).click();
    await poll(() => page.locator('.ant-modal-confirm').textContent()).toContain('无法撤销');
    await confirmModal(page, 'merge-confirm');
    await poll(() => page.locator('.ant-message').textContent()).toContain('已合并');
    await poll(() => table.textContent()).not.toContain(NEW_NAME);

    // The survivor now has the other account's contact too.
    await page.goto(`${server.baseUrl}/accounts/${accountId}`);
    await poll(() => page.getByTestId('contacts-table').textContent()).toContain('刘洋');
  });

  it('filters the list, keeps the filters as a saved view and shows archived accounts', async () => {
    await page.getByTestId('app-nav').getByText('客户', { exact: true }).click();
    const table = page.getByTestId('accounts-table');
    await poll(() => table.textContent()).toContain(NEW_NAME);
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('account-filters').locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '流失' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=lost/);
    await poll(() => table.textContent()).toContain('没有符合条件的客户');

    await page.getByTestId('save-view').click();
    await page.locator('.ant-modal:visible input').fill('流失客户');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await poll(() => page.locator('.ant-message').textContent()).toContain('视图已保存');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await poll(() => table.textContent()).toContain(NEW_NAME);

    await page.getByTestId('saved-views').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '流失客户' })
      .click();
    await page.waitForURL(/status=lost/);
    await poll(() => table.textContent()).toContain('没有符合条件的客户');
    await page.screenshot({ path: `${RESULTS}accounts-filters.png` });

    // The account merged away is archived, still findable.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL((url) => !url.search.includes('status='));
    await page.getByText('已归档', { exact: true }).click();
    await page.waitForURL(/archived=true/);
    await poll(() => table.textContent()).toContain(EXISTING);
  });

  it('reads in English and fits a tablet', async () => {
    await switchLanguageFromUserMenu(page, '语言', 'en-US');
    await page.setViewportSize({ width: 800, height: 1024 });
    await page.goto(`${server.baseUrl}/accounts/${accountId}`);
    await poll(() => page.getByTestId('account-header').textContent()).toContain('Strategic');
    await page.getByRole('tab', { name: 'Requirements' }).click();
    // The concurrent edit above replaced the transport needs; the requirements text stayed.
    await poll(() => page.getByRole('tabpanel').textContent()).toContain('No transport needs recorded.');
    expect(await page.getByTestId('requirements').textContent()).toContain('夜间收货');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${RESULTS}accounts-360-en-tablet.png`, fullPage: true });
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
