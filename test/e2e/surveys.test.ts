import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchSurveys } from '../../src/server/domains/surveys/dispatch.js';
import { startTestSmtp } from '../smtp.js';
import { startTestServer } from '../testServer.js';
import { launchBrowser, logIn, poll, RESULTS } from './browser.js';

/**
 * A survey goes out after a delivery (dispatch sweep → outbox job → real SMTP), is answered on a
 * phone-sized page, moves the dashboard, and its low score reaches the account owner as a task.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let browser: Browser;
let b: Awaited<ReturnType<typeof launchBrowser>>;

async function adminApi() {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
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

beforeAll(async () => {
  smtp = await startTestSmtp();
  const port = smtp.port;
  b = await launchBrowser();
  browser = b.browser;
  server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp.close();
});

describe('satisfaction survey in the browser', () => {
  it('goes out after delivery, comes back from a phone, moves the CSI and reaches the owner', async () => {
    const call = await adminApi();
    const me = await call<{ user: { id: string } }>('GET', '/auth/me');
    await call('POST', '/accounts', {
      account: { code: 'SURVEYED', nameEn: 'Surveyed Trading', ownerId: me.user.id },
      contacts: [{ name: 'Mia Chen', email: 'mia@surveyed.example.test', isPrimary: true }],
    });
    const delivered = new Date(Date.now() - 3_600_000);
    const at = (h: number) => new Date(delivered.getTime() + h * 3_600_000).toISOString();
    await call('POST', '/shipments', {
      waybill: 'E2E-SURVEY-1',
      accountCode: 'SURVEYED',
      mode: 'express',
      origin: 'Shanghai',
      destination: 'Beijing',
      status: 'delivered',
      bookedAt: at(-48),
      pickedUpAt: at(-40),
      promisedAt: at(-10),
      deliveredAt: at(0),
    });
    // the dispatch rules screen: survey every delivery of every tier
    const { page } = await b.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/surveys/rules`);
    for (const tier of ['strategic', 'key', 'general']) {
      const input = page.locator(`#afterDelivery_samplingPercent_${tier}`);
      await input.fill('100');
    }
    await page.locator('button[type=submit]').click();
    await poll(
      async () =>
        (
          await call<{ settings: { afterDelivery: { samplingPercent: Record<string, number> } } }>(
            'GET',
            '/survey-settings',
          )
        ).settings.afterDelivery.samplingPercent,
    ).toEqual({ strategic: 100, key: 100, general: 100 });
    // the sweep the job runs every 15 minutes; the mail leaves through the outbox job
    expect(await dispatchSurveys(server.database.db, new Date(), server.baseUrl)).toEqual({
      sent: 1,
      skipped: 0,
    });
    await poll(async () => smtp.received.length).toBe(1);
    const mail = smtp.received[0];
    expect(mail.to).toBe('mia@surveyed.example.test');
    const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = text.match(/(http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{32})(?!\/)/)![1];

    const { page: phone } = await b.newPage(390, 844);
    await phone.goto(`${link}?lang=en-US`);
    await phone.getByText('About shipment E2E-SURVEY-1').waitFor();
    const pick = (q: string, v: number) => phone.locator(`input[name=q_${q}][value="${v}"]`).check();
    await pick('service_attitude', 4);
    await pick('delivery_speed', 2);
    await pick('cargo_safety', 4);
    await pick('price', 3);
    await pick('information', 4);
    await pick('recommend', 5);
    await phone.locator('textarea[name=q_comment]').fill('It came a day late <b>again</b>');
    await phone.screenshot({ path: `${RESULTS}survey-phone.png`, fullPage: true });
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('Thank you! Your answers have been received.').waitFor();
    await phone.goto(link);
    await phone.getByText('感谢您！我们已收到您的答案。').waitFor();

    await page.goto(`${server.baseUrl}/surveys`);
    // scores 75, 25, 75, 50, 75 → CSI 60.0; one detractor → NPS −100.0
    await poll(async () => page.getByTestId('survey-responses').textContent()).toContain('1');
    await poll(async () => page.getByTestId('survey-csi').textContent()).toContain('60.0');
    await poll(async () => page.getByTestId('survey-nps').textContent()).toContain('-100.0');
    await page.screenshot({ path: `${RESULTS}survey-dashboard.png`, fullPage: true });

    const accounts = await call<{ items: { id: string; code: string }[] }>('GET', '/accounts?q=SURVEYED');
    await page.goto(`${server.baseUrl}/accounts/${accounts.items[0].id}`);
    await page.locator('[data-node-key="surveys"]').click();
    await poll(async () => page.getByTestId('account-csi').textContent()).toContain('60.0');
    await page.getByText('It came a day late <b>again</b>').waitFor();

    // the template editor previews the shipped template; it is in use now, so a save would make revision 2
    await page.goto(`${server.baseUrl}/surveys/templates`);
    await page.getByTestId('template-preview').getByText('您对配送速度是否满意？').waitFor();

    const tasks = await call<{ items: { title: string; notes: string }[] }>('GET', '/tasks?assigneeId=me');
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0].title).toContain('Surveyed Trading');
    expect(tasks.items[0].title).toContain('delivery_speed 2');
    expect(tasks.items[0].title).toContain('NPS 5');
    expect(tasks.items[0].notes).toContain('It came a day late <b>again</b>');
    expect(b.pageErrors).toEqual([]);
  }, 180_000);
});
