import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../accountFactory.js';
import { startTestServer } from '../testServer.js';
import { launchBrowser, logIn, poll, RESULTS } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
let pageErrors: string[];
let context: BrowserContext;
let page: Page;
const DAY = 86_400_000;

beforeAll(async () => {
  let newPage: Awaited<ReturnType<typeof launchBrowser>>['newPage'];
  ({ browser, newPage, pageErrors } = await launchBrowser());
  server = await startTestServer();
  // 30 customers with different rhythms (the data set of the run's API test, which the models fit);
  // every third stopped shipping months ago
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  let n = 0;
  const now = Date.now();
  for (let i = 0; i < 30; i++) {
    const { account } = await buildAccount(server.database.db, {
      code: `AN${i}`,
      nameEn: `Analytics Customer ${i}`,
    });
    const since = 120 + i * 10;
    const until = i % 3 === 0 ? since - 20 - Math.floor(next() * 60) : Math.floor(next() * 20);
    const rate = 4 + (i % 6) * 8;
    for (let d = since; d > until; d -= 1 + Math.floor(next() * 2 * rate)) {
      const revenue = 5_000 + i * 1_000 + Math.floor(next() * 5_000);
      await server.database.pool.query(
        `INSERT INTO shipments (waybill, account_id, mode, origin, destination, status, booked_at, revenue_cents, cost_cents)
         VALUES ($1, $2, 'road_ftl', '上海', '北京', 'delivered', $3, $4, $5)`,
        [`AN-${++n}`, account.id, new Date(now - d * DAY), revenue, Math.round(revenue * 0.7)],
      );
    }
  }
  ({ context, page } = await newPage(1366, 900));
  await page.goto(`${server.baseUrl}/login`);
  await logIn(page, server.adminEmail, server.adminPassword);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('customer analytics', () => {
  it('runs from the segmentation page and draws the snapshot', async () => {
    await page.goto(`${server.baseUrl}/analytics`);
    await page.getByTestId('run-analytics').click();
    const status = async () =>
      (await server.database.pool.query('SELECT status, error FROM analytics_runs')).rows
        .map((r) => `${r.status} ${r.error ?? ''}`)
        .join();
    await poll(status).toMatch(/^(succeeded|failed)/);
    expect(await status()).toBe('succeeded ');
    await page.screenshot({ path: `${RESULTS}analytics-after-run.png`, fullPage: true });
    await poll(() => page.getByTestId('snapshot-date').count()).toBe(1);
    for (const chart of ['chart-pareto', 'chart-rfm', 'chart-value-matrix', 'chart-funnel'])
      await poll(() => page.getByTestId(chart).locator('canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${RESULTS}analytics-segmentation.png`, fullPage: true });
  });

  it('filters the account list by ABC class and churn risk, keeps them in a saved view, and creates tasks for that segment', async () => {
    const { rows: segs } = await server.database.pool.query<{ code: string; risk: number }>(
      `SELECT a.code, s.churn_risk AS risk FROM account_segments s JOIN accounts a ON a.id = s.account_id
        WHERE s.run_id = (SELECT id FROM analytics_runs WHERE status = 'succeeded') AND s.abc_class = 'A'
        ORDER BY s.churn_risk`,
    );
    const riskMin = segs[Math.floor(segs.length / 2)].risk;
    const expected = segs
      .filter((s) => s.risk >= riskMin)
      .map((s) => s.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/accounts`);
    const table = page.getByTestId('accounts-table');
    const codesShown = async () =>
      (await table.locator('tbody tr.ant-table-row').allTextContents())
        .map((r) => r.match(/AN\d+/)?.[0] ?? r)
        .sort();
    await poll(codesShown).toHaveLength(30);
    await page.getByTestId('filters-toggle').click();
    const panel = page.getByTestId('segment-filters');
    await panel.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^A$/ }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/abcClass=A/);
    const risk = panel.locator('input.ant-input-number-input');
    await risk.fill(String(riskMin));
    await risk.press('Enter');
    await page.waitForURL(new RegExp(`riskMin=${riskMin}`));
    await poll(codesShown).toEqual(expected);
    await page.screenshot({ path: `${RESULTS}analytics-account-filters.png` });

    // the filters round-trip through a saved view
    await page.getByTestId('save-view').click();
    await page.locator('.ant-modal:visible input').fill('A 类高风险');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await poll(() => page.locator('.ant-message').textContent()).toContain('视图已保存');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL((url) => !url.search.includes('abcClass'));
    await poll(codesShown).toHaveLength(30);
    await page.getByTestId('saved-views').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A 类高风险' })
      .click();
    await page.waitForURL(new RegExp(`abcClass=A.*riskMin=${riskMin}|riskMin=${riskMin}.*abcClass=A`));
    await poll(codesShown).toEqual(expected);
    await poll(() => risk.inputValue()).toBe(String(riskMin));

    // a task for every account of the segment, for its owner (none here: the caller)
    await page.getByTestId('segment-tasks').click();
    await page.getByTestId('segment-tasks-title').fill('年末回访');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await poll(() => page.locator('.ant-message').textContent()).toContain(
      `已创建 ${expected.length} 个任务`,
    );
    const { rows: made } = await server.database.pool.query<{ code: string }>(
      `SELECT a.code FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE t.title = '年末回访' ORDER BY a.code`,
    );
    expect(made.map((r) => r.code).sort()).toEqual(expected);
    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('goes from the churn-risk list to the riskiest account and creates a retention task', async () => {
    await page.goto(`${server.baseUrl}/analytics/churn`);
    const first = page.getByTestId('churn-list').locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    const link = first.locator('a[data-testid^="churn-account-"]');
    const code = (await link.getAttribute('data-testid'))?.replace('churn-account-', '') ?? '';
    // the riskiest accounts are the ones that stopped shipping (every third one)
    expect(Number(code.replace('AN', '')) % 3).toBe(0);
    await page.screenshot({ path: `${RESULTS}analytics-churn.png` });
    await link.click();
    await page.waitForURL('**/accounts/**');
    await poll(() => page.getByTestId('badge-stage').textContent()).toMatch(/退化期|流失/);
    await page.getByTestId(`retention-task-${code}`).click();
    await poll(async () => {
      // the account may already hold a task of the segment test above
      const { rows } = await server.database.pool.query<{ title: string }>(
        `SELECT t.title FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE a.code = $1`,
        [code],
      );
      return rows.map((r) => r.title).join(' | ');
    }).toContain('挽留');
    await page.screenshot({ path: `${RESULTS}analytics-account-badges.png` });
    expect(pageErrors).toEqual([]);
  });
});
