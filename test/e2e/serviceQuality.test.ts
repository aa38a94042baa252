import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../accountFactory.js';
import { startTestServer } from '../testServer.js';
import { chooseLoginLanguage, launchBrowser, logIn, poll, RESULTS } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let newPage: (width?: number, height?: number) => Promise<{ context: BrowserContext; page: Page }>;
let pageErrors: string[] = [];
let context: BrowserContext;
let page: Page;
let accountId = '';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** Calls the API as the signed-in user. */
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
  accountId = (await buildAccount(server.database.db, { code: 'SQE', nameEn: 'Quality Foods', tier: 'key' }))
    .account.id;
  ({ context, page } = await newPage(1366, 900));
  await page.goto(`${server.baseUrl}/login`);
  await chooseLoginLanguage(page, '中文（简体）');
  await logIn(page, server.adminEmail, server.adminPassword);
  // three delivered shipments of SQE in the last weeks: two on time, one late (4 of 5 would still miss 95 %)
  const rows = [
    [30 * 24, 27 * 24, 28 * 24],
    [20 * 24, 17 * 24, 18 * 24],
    [10 * 24, 8 * 24, 7 * 24],
  ].map(([booked, promised, delivered], i) => ({
    waybill: `SQE-${i}`,
    accountCode: 'SQE',
    mode: 'road_ltl',
    origin: 'Shanghai',
    destination: 'Chengdu',
    status: 'delivered',
    bookedAt: hoursAgo(booked),
    pickedUpAt: hoursAgo(booked - 2),
    promisedAt: hoursAgo(promised),
    deliveredAt: hoursAgo(delivered),
    revenueCents: 200_000,
    costCents: 150_000,
  }));
  const res = await apiCall('POST', '/shipments/bulk', { rows });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('account 360° service quality', () => {
  it('shows the KPIs against the tier targets, the trend, and edits the account’s own targets', async () => {
    await page.goto(`${server.baseUrl}/accounts/${accountId}`);
    await page.getByRole('tab', { name: '服务质量' }).click();
    const table = page.getByTestId('account-quality-table');
    await poll(() => table.textContent()).toContain('66.7%');
    const onTimeRow = table.locator('tr', { hasText: '准时率' });
    expect(await onTimeRow.textContent()).toContain('≥ 95.0%');
    expect(await onTimeRow.textContent()).toContain('未达标');
    expect(await page.getByTestId('targets-source').textContent()).toContain('重点客户');
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await page.screenshot({ path: `${RESULTS}account-service-quality.png` });

    await page.getByTestId('targets-edit').click();
    const onTime = page.getByTestId('targets-form').locator('#onTimeRate');
    await onTime.fill('60');
    await page.getByRole('button', { name: '保存目标' }).click();
    await poll(() => page.getByTestId('targets-source').textContent()).toContain('本客户单独设定');
    await poll(() => onTimeRow.textContent()).toContain('≥ 60.0%');
    expect(await onTimeRow.textContent()).toContain('达标');
    expect(await onTimeRow.textContent()).not.toContain('未达标');
    expect(pageErrors).toEqual([]);
  });

  it('lists the account’s shipments in its timeline', async () => {
    await page.getByRole('tab', { name: '动态' }).click();
    const late = page.getByTestId('timeline-shipment').filter({ hasText: 'SQE-2' });
    await poll(() => late.textContent()).toContain('延误');
    expect(await late.textContent()).toContain('Shanghai → Chengdu');
    await page.getByTestId('timeline-shipment').filter({ hasText: 'SQE-1' }).getByRole('link').click();
    await page.waitForURL('**/shipments/*');
    await poll(() => page.getByTestId('shipment-status').textContent()).toContain('已签收');
  });
});

describe('partner editing', () => {
  it('creates and edits a partner, adds a certificate expiring soon and sees the warning in the list', async () => {
    await page.goto(`${server.baseUrl}/partners`);
    await page.getByTestId('partner-create').click();
    const form = page.getByTestId('partner-form');
    await form.locator('#code').fill('PX1');
    await form.locator('#nameZh').fill('飞速物流');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);

    await page.getByTestId('partner-edit').click();
    await page.getByTestId('partner-form').locator('#nameZh').fill('飞速物流集团');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await poll(() => page.locator('.ant-descriptions').textContent()).toContain('飞速物流集团');

    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('add-qualifications').click();
    const q = page.getByTestId('form-qualifications');
    await q.locator('#kind').fill('ISO 9001');
    await q.locator('#number').fill('CN-ISO-0042');
    await q.locator('#expiresOn').fill(soon);
    await q.locator('#expiresOn').press('Enter');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    const row = page.getByTestId('partner-qualifications').locator('tr', { hasText: 'ISO 9001' });
    await poll(() => row.textContent()).toContain('即将到期');
    expect(await row.textContent()).toContain(soon);

    await page.goto(`${server.baseUrl}/partners`);
    const listRow = page.getByTestId('partners-table').locator('tr', { hasText: 'PX1' });
    await poll(() => listRow.textContent()).toContain('1 项即将到期');
    await page.screenshot({ path: `${RESULTS}partners-expiring.png` });
    expect(pageErrors).toEqual([]);
  });
});
