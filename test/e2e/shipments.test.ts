import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testServer.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = `${ROOT}test-results/`;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const pageErrors: string[] = [];

/** The API as the admin: a session cookie and its CSRF token, like the web app holds them. */
async function adminApi() {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };
}

const daysAgo = (d: number, hour = 10) => {
  const x = new Date();
  x.setUTCDate(x.getUTCDate() - d);
  x.setUTCHours(hour, 0, 0, 0);
  return x.toISOString();
};

async function newPage(width = 1360, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  execFileSync(process.execPath, [`${ROOT}scripts/build-web.mjs`], { stdio: 'inherit' });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });

  const call = await adminApi();
  await call('POST', '/accounts', {
    account: { code: 'ACME', nameEn: 'Acme Trading' },
  });
  await call('POST', '/accounts', { account: { code: 'BETA', nameEn: 'Beta Foods' } });
  const sfx = await call<{ id: string }>('POST', '/partners', {
    code: 'SFX',
    kind: 'carrier',
    nameEn: 'Swift Express',
  });
  await call('POST', '/partners', { code: 'ZTL', kind: 'carrier', nameEn: 'Zhong Tong Logistics' });
  const base = { mode: 'road_ltl', origin: 'Shanghai', destination: 'Beijing', status: 'delivered' } as const;
  const rows = [
    // ACME: two late (one damaged), one on time; BETA: two on time, one still moving.
    {
      waybill: 'E2E-LATE-1',
      accountCode: 'ACME',
      carrierCode: 'SFX',
      bookedAt: daysAgo(12),
      pickedUpAt: daysAgo(11),
      promisedAt: daysAgo(8),
      deliveredAt: daysAgo(6),
      revenueCents: 120000,
      costCents: 90000,
      exceptions: [
        { kind: 'delay', note: 'Highway closed by snow' },
        { kind: 'damage', note: 'Two cartons crushed' },
      ],
    },
    {
      waybill: 'E2E-LATE-2',
      accountCode: 'ACME',
      carrierCode: 'SFX',
      bookedAt: daysAgo(10),
      pickedUpAt: daysAgo(9),
      promisedAt: daysAgo(7),
      deliveredAt: daysAgo(5),
      revenueCents: 80000,
      costCents: 60000,
    },
    {
      waybill: 'E2E-OK-1',
      accountCode: 'ACME',
      carrierCode: 'ZTL',
      bookedAt: daysAgo(9),
      pickedUpAt: daysAgo(8),
      promisedAt: daysAgo(5),
      deliveredAt: daysAgo(6),
      revenueCents: 50000,
      costCents: 30000,
    },
    {
      waybill: 'E2E-OK-2',
      accountCode: 'BETA',
      carrierCode: 'ZTL',
      bookedAt: daysAgo(8),
      pickedUpAt: daysAgo(7),
      promisedAt: daysAgo(4),
      deliveredAt: daysAgo(5),
      revenueCents: 70000,
      costCents: 40000,
    },
    {
      waybill: 'E2E-OK-3',
      accountCode: 'BETA',
      carrierCode: 'SFX',
      bookedAt: daysAgo(7),
      pickedUpAt: daysAgo(6),
      promisedAt: daysAgo(3),
      deliveredAt: daysAgo(4),
      revenueCents: 60000,
      costCents: 45000,
    },
    {
      ...base,
      waybill: 'E2E-MOVING',
      accountCode: 'BETA',
      carrierCode: 'SFX',
      status: 'in_transit',
      bookedAt: daysAgo(3),
      pickedUpAt: daysAgo(2),
      promisedAt: daysAgo(-2),
    },
  ].map((r) => ({ ...base, ...r }));
  await call('POST', '/shipments/bulk', { rows });
  // SFX delivered E2E-OK-3 four days ago: evaluate that month so the scorecard has a grade.
  await call('POST', `/partners/${sfx.id}/evaluations`, {
    periodKind: 'month',
    periodStart: `${daysAgo(4).slice(0, 7)}-01`,
    serviceRating: 4,
    priceRating: 3,
  });
  await call('POST', '/tracking-events/bulk', {
    events: [
      {
        waybill: 'E2E-LATE-1',
        occurredAt: daysAgo(11),
        statusCode: 'picked_up',
        location: 'Shanghai',
        description: 'Collected from shipper',
      },
      {
        waybill: 'E2E-LATE-1',
        occurredAt: daysAgo(9),
        statusCode: 'in_transit',
        location: 'Jinan hub',
        description: 'Held: highway closed',
      },
      {
        waybill: 'E2E-LATE-1',
        occurredAt: daysAgo(6),
        statusCode: 'delivered',
        location: 'Beijing',
        description: 'Signed by recipient',
      },
      { waybill: 'E2E-MOVING', occurredAt: daysAgo(2), statusCode: 'picked_up', location: 'Shanghai' },
      {
        waybill: 'E2E-MOVING',
        occurredAt: daysAgo(1),
        statusCode: 'in_transit',
        location: 'Nanjing hub',
        description: 'Departed sorting centre',
      },
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('shipments screens', () => {
  it('drills from the dashboard into one account’s late deliveries and opens a timeline', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('#email').fill(server.adminEmail);
    await page.locator('#password').fill(server.adminPassword);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('home-welcome').waitFor();

    // The admin's saved language decides the menu's words; the menu entry is found by its link.
    await page.getByTestId('app-nav').locator('li[data-menu-id$="/quality"]').click();
    await page.waitForURL('**/quality');
    await poll(() => page.getByTestId('kpi-late-link').textContent()).toBe('2');
    await page.getByTestId('quality-cut').locator('.ant-segmented-item').nth(2).click(); // by account
    const acmeRow = page.getByTestId('kpi-table').locator('tr', { hasText: 'ACME' });
    await acmeRow.waitFor();
    // ranked by the server: most late deliveries first (ACME 2, BETA 0), then the other way round
    const firstRow = page.getByTestId('kpi-table').locator('tbody tr.ant-table-row').first();
    const lateHeader = page.getByTestId('kpi-table').locator('th', { hasText: /延误票数|Late deliveries/ });
    await lateHeader.click();
    await poll(async () => page.url()).toMatch(/sort=late&order=desc/);
    await poll(() => firstRow.textContent()).toContain('ACME');
    // the header shows the new ranking before it is clicked again (a click while it re-renders is lost)
    await poll(() => lateHeader.getAttribute('aria-sort')).toBe('descending');
    await lateHeader.click();
    await poll(async () => page.url()).toMatch(/sort=late&order=asc/);
    await poll(() => firstRow.textContent()).toContain('BETA');
    await page.waitForTimeout(500); // let the chart animation finish for the screenshot
    await page.screenshot({ path: `${RESULTS}shipments-dashboard.png`, fullPage: true });

    await acmeRow.locator('a[data-testid^="late-"]').click();
    await page.waitForURL(/\/shipments\?.*outcome=late/);
    const table = page.getByTestId('shipments-table');
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await table.locator('tbody').textContent()).toContain('E2E-LATE-1');
    expect(await table.locator('tbody').textContent()).toContain('E2E-LATE-2');
    expect(await table.locator('tbody').textContent()).not.toContain('E2E-OK-1');
    await page.screenshot({ path: `${RESULTS}shipments-late-list.png`, fullPage: true });

    await table.getByText('E2E-LATE-1').click();
    await page.getByTestId('shipment-header').waitFor();
    await poll(() => page.getByTestId('timeline-event').count()).toBe(3);
    expect(await page.getByTestId('shipment-header').getByTestId('ontime-tag').textContent()).toMatch(
      /^(Late|延误)$/,
    );
    expect(await page.getByTestId('shipment-exceptions').textContent()).toContain('Two cartons crushed');
    await poll(() => page.getByTestId('shipment-header').textContent()).toContain('ACME Acme Trading');
    await page.screenshot({ path: `${RESULTS}shipments-detail.png`, fullPage: true });

    // The carrier links to its scorecard: grade and evaluation history.
    await page.getByTestId('shipment-header').getByText('SFX').click();
    await page.getByTestId('partner-grade').waitFor();
    await page.getByTestId('scorecard-chart').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${RESULTS}shipments-partner-scorecard.png`, fullPage: true });
    await page.context().close();
  }, 90_000);

  it('shows the public tracking page on a phone without login, in both languages', async () => {
    const page = await newPage(390, 844);
    await page.goto(`${server.baseUrl}/track/E2E-MOVING`);
    await poll(() => page.getByTestId('track-status').textContent()).toBe('In transit');
    await poll(() => page.getByTestId('timeline-event').count()).toBe(2);
    const body = await page.locator('body').textContent();
    expect(body).not.toContain('BETA'); // no customer data
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.screenshot({ path: `${RESULTS}shipments-track-phone.png`, fullPage: true });

    await page.getByTestId('track-language').getByText('中文').click();
    await poll(() => page.getByTestId('track-status').textContent()).toBe('运输中');
    await page.screenshot({ path: `${RESULTS}shipments-track-phone-zh.png`, fullPage: true });

    await page.goto(`${server.baseUrl}/track/NO-SUCH-WAYBILL`);
    await page.getByTestId('track-not-found').waitFor();
    await page.screenshot({ path: `${RESULTS}shipments-track-not-found.png`, fullPage: true });
    await page.context().close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
