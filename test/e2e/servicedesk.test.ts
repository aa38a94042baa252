import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/server/jobs/enqueue.js';
import { TestClock } from '../../src/server/lib/clock.js';
import { startTestServer } from '../testServer.js';
import { launchBrowser, logIn, poll, RESULTS } from './browser.js';
import { type Api, apiAs, LEAD_PASSWORD, seedServiceDesk } from './serviceDeskWorld.js';

// Monday 22 Sept 2025 09:00 in Shanghai: the default calendar works 09–12 and 13–18, Mon–Fri.
const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let ids: Awaited<ReturnType<typeof seedServiceDesk>>;
let ticketIdForBell = '';

let call: Api;

interface Ticket {
  id: string;
  status: string;
  kind: string;
  category: string;
  accountId: string;
  shipmentIds: string[];
  assigneeId: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  customerConfirmedAt: string | null;
  rootCause: string | null;
  sla: { escalationLevel: number; resolution: { breached: boolean } };
}

const escalationLevel = async (id: string) =>
  (
    await server.database.db.execute<{ l: number }>(
      sql`SELECT escalation_level AS l FROM ticket_sla_clocks WHERE ticket_id = ${id}`,
    )
  ).rows[0].l;

/** Lets the server's job worker run the SLA sweep now (it takes "now" from the test clock). */
const runSweep = () => enqueue(server.database.db, 'sla.sweep');

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer({ clock });
  call = await apiAs(server.baseUrl, server.adminEmail, server.adminPassword);
  ids = await seedServiceDesk(server.baseUrl, call);
}, 180_000);

afterAll(async () => {
  await browser?.browser.close();
  await server?.stop();
});

const ticketOf = (id: string) => call<Ticket>('GET', `/tickets/${id}`);
const shot = (page: Page, name: string) => page.screenshot({ path: `${RESULTS}${name}.png`, fullPage: true });

describe('service desk', () => {
  it('follows a complaint from a late shipment to its confirmed resolution', async () => {
    const { page } = await browser.newPage(1400, 1000);
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, server.adminEmail, server.adminPassword);

    // Open a complaint from the late shipment: account, shipment and category come pre-filled.
    await page.goto(`${server.baseUrl}/shipments/${ids.shipment}`);
    await page.getByTestId('open-complaint').click();
    await page.getByTestId('ticket-form').waitFor();
    await poll(() => page.getByTestId('ticket-form').textContent()).toContain('ACME');
    await page.getByTestId('ticket-description').fill('Customer says the goods arrived three days late.');
    await page.getByTestId('ticket-create-submit').click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const ticketId = page.url().split('/').pop() as string;
    let tk = await ticketOf(ticketId);
    expect(tk).toMatchObject({
      kind: 'complaint',
      category: 'delay',
      accountId: ids.account,
      shipmentIds: [ids.shipment],
      assigneeId: ids.agent, // round-robin in the team
      status: 'new',
    });
    await poll(() => page.getByTestId('ticket-shipments').textContent()).toBe('SD-LATE-1');

    // An internal note, then a reply to the customer: the reply is the first response.
    await page
      .getByTestId('reply-mode')
      .getByText(/Internal note|内部备注/)
      .click();
    await page.getByTestId('reply-body').fill('Checked with the Jinan hub: held by the snow closure.');
    await page.getByTestId('reply-send').click();
    await page.getByTestId('message-note').waitFor();
    expect((await ticketOf(ticketId)).firstResponseAt).toBeNull(); // a note is not a response
    await page
      .getByTestId('reply-mode')
      .getByText(/Reply to customer|回复客户/)
      .click();
    await page
      .getByTestId('reply-body')
      .fill('We are sorry for the delay; we are checking the compensation.');
    await page.getByTestId('reply-send').click();
    await page.getByTestId('message-reply').waitFor();
    const events = await call<{ items: { type: string; internal: boolean }[] }>(
      'GET',
      `/tickets/${ticketId}/events`,
    );
    expect(events.items.filter((e) => e.type === 'note' || e.type === 'reply')).toEqual([
      expect.objectContaining({ type: 'note', internal: true }),
      expect.objectContaining({ type: 'reply', internal: false }),
    ]);
    expect((await ticketOf(ticketId)).firstResponseAt).toBe(clock.now().toISOString());
    expect(await page.getByTestId('message-note').getAttribute('data-internal')).toBe('true');

    // The resolution clock ticks live: general tier × medium = 1,440 business minutes.
    await poll(() => page.getByTestId('sla-first-response').getAttribute('data-state')).toBe('met');
    const remaining = page.getByTestId('sla-resolution-remaining');
    const before = await remaining.textContent();
    expect(before).toMatch(/2[34]:\d\d:\d\d/);
    await poll(() => remaining.textContent()).not.toBe(before);
    await shot(page, 'servicedesk-ticket-open');

    // Let business time pass beyond the resolution deadline (8 working hours a day: Wed 18:00 Shanghai)
    // to Thu 09:30: the sweep warns and escalates to the agent, an hour later to the team lead.
    clock.set('2025-09-25T01:30:00Z');
    await runSweep();
    await poll(() => escalationLevel(ticketId)).toBe(1);
    clock.advanceMinutes(61);
    await runSweep();
    await poll(() => escalationLevel(ticketId)).toBe(2);
    tk = await ticketOf(ticketId);
    expect(tk.sla.resolution.breached).toBe(true);
    const notified = await server.database.db.execute<{ user_id: string; kind: string }>(
      sql`SELECT user_id, kind FROM notifications WHERE data->>'ticketId' = ${ticketId} AND kind LIKE 'sla.%' ORDER BY created_at`,
    );
    expect(notified.rows).toEqual([
      { user_id: ids.agent, kind: 'sla.warning' },
      { user_id: ids.agent, kind: 'sla.breach' },
      { user_id: ids.manager, kind: 'sla.breach' },
    ]);
    await page.reload();
    await poll(() => page.getByTestId('escalation-step').count()).toBe(3);
    expect(await page.getByTestId('escalation-notified').allTextContents()).toEqual([
      expect.stringContaining('Wang Agent'),
      expect.stringContaining('Wang Agent'),
      expect.stringContaining('Li Lead'),
    ]);
    expect(await page.getByTestId('sla-resolution').getAttribute('data-state')).toBe('breached');
    await shot(page, 'servicedesk-ticket-escalated');

    // Resolve with root cause and resolution; the customer accepts, which closes the ticket.
    await page.getByTestId('to-resolved').click();
    await page.getByTestId('status-root-cause').fill('Highway closure, no re-routing');
    await page.getByTestId('status-resolution').fill('Refunded the freight charge');
    await page.getByTestId('status-confirm').click();
    await poll(() => page.getByTestId('ticket-status').getAttribute('data-status')).toBe('resolved');
    tk = await ticketOf(ticketId);
    expect(tk).toMatchObject({ status: 'resolved', rootCause: 'Highway closure, no re-routing' });
    expect(tk.resolvedAt).toBe(clock.now().toISOString());
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('customer-confirmed').waitFor();
    tk = await ticketOf(ticketId);
    expect(tk).toMatchObject({ status: 'closed', customerConfirmedAt: clock.now().toISOString() });
    await poll(() => page.getByTestId('ticket-status').getAttribute('data-status')).toBe('closed');
    // Closed: only reopening is offered, as the transition table says.
    expect(await page.getByTestId('status-actions').locator('button[data-testid^="to-"]').count()).toBe(1);
    await shot(page, 'servicedesk-ticket-closed');

    // The list finds it by the saved filters' fields.
    await page.goto(`${server.baseUrl}/tickets?category=delay&breached=true`);
    await poll(() => page.getByTestId('tickets-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    // Those filters kept as a saved view, applied again from an empty list.
    await page.getByTestId('ticket-save-view').click();
    await page.locator('.ant-modal input').fill('Late and breached');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const views = async () =>
      (await call<{ items: { name: string; query: object }[] }>('GET', '/saved-views?list=tickets')).items;
    await poll(views).toEqual([
      expect.objectContaining({ name: 'Late and breached', query: { category: 'delay', breached: 'true' } }),
    ]);
    await page.goto(`${server.baseUrl}/tickets`);
    await page.getByTestId('ticket-saved-views').click();
    await page.locator('.ant-select-item-option', { hasText: 'Late and breached' }).click();
    await page.waitForURL(/category=delay/);
    expect(new URL(page.url()).searchParams.get('breached')).toBe('true');
    await page.goto(`${server.baseUrl}/tickets?category=damage`);
    await poll(() => page.getByTestId('tickets-table').locator('tbody tr.ant-table-row').count()).toBe(0);
    // The dashboard shows the server's figures: one closed ticket, SLA missed, its root cause.
    clock.advanceMinutes(1); // the period ends at "now", exclusive
    const kpis = await call<{ slaCompliance: { closed: number; rate: number } }>('GET', '/service-desk/kpis');
    expect(kpis.slaCompliance).toMatchObject({ closed: 1, rate: 0 });
    await page.goto(`${server.baseUrl}/service-desk`);
    await poll(() => page.getByTestId('kpi-compliance').textContent()).toBe('0.0 %');
    await page.getByTestId('pareto-chart').waitFor();
    expect(await page.getByTestId('agent-workload').textContent()).toContain('Wang Agent');
    await page.waitForTimeout(500); // chart animation, for the screenshot
    await shot(page, 'servicedesk-dashboard');

    // The outbox lists the escalation mails (the team lead's among them) and says SMS is only logged.
    await page.goto(`${server.baseUrl}/admin/outbox`);
    await page.getByTestId('sms-note').waitFor();
    await page
      .getByTestId('outbox-status')
      .getByText(/^(All|全部)$/)
      .click();
    await poll(() => page.getByTestId('outbox-table').textContent()).toContain('lead@e2e.test');
    await page.context().close();
    ticketIdForBell = ticketId;
  }, 120_000);

  it('shows the team lead the escalation in the bell and marks it read', async () => {
    // A second ticket assigned to the lead: one more unread notification (ticket.assigned).
    await call('POST', '/tickets', {
      kind: 'inquiry',
      category: 'billing',
      subject: 'Invoice question',
      accountId: ids.account,
      assigneeId: ids.manager,
    });
    const { page } = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, 'lead@e2e.test', LEAD_PASSWORD);
    const unread = async () =>
      (
        await server.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${ids.manager} AND read_at IS NULL`,
        )
      ).rows[0].n;
    const before = await unread();
    expect(before).toBeGreaterThanOrEqual(2);
    await poll(() => page.getByTestId('notification-count').textContent()).toContain(String(before));
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor();
    await shot(page, 'servicedesk-bell');
    // The oldest unread one is the escalation of the complaint; it opens the ticket.
    await page
      .getByTestId('notification-item')
      .filter({ hasText: /T000001/ })
      .first()
      .click();
    await page.waitForURL(`**/tickets/${ticketIdForBell}`);
    await poll(unread).toBe(before - 1);
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().waitFor();
    // Everything unread now is marked; the job worker's minute sweeps may add more meanwhile.
    const unreadIds = async () =>
      (
        await server.database.db.execute<{ id: string }>(
          sql`SELECT id FROM notifications WHERE user_id = ${ids.manager} AND read_at IS NULL`,
        )
      ).rows.map((r) => r.id);
    const left = await unreadIds();
    expect(left).toHaveLength(before - 1);
    const readAll = page.waitForResponse(
      (r) => r.url().endsWith('/notifications/read') && r.request().postDataJSON()?.ids === 'all',
    );
    await page.getByTestId('notifications-read-all').click();
    const response = await readAll;
    expect(response.status()).toBe(200);
    const marked = (await response.json()) as { marked: number; unread: number };
    expect(marked.marked).toBeGreaterThanOrEqual(left.length);
    expect((await unreadIds()).filter((id) => left.includes(id))).toEqual([]);
    await poll(() => page.getByTestId('notification-count').textContent()).toBe(
      marked.unread ? String(marked.unread) : '',
    );
    await page.context().close();
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('logs an interaction from the account page and completes a task of my day', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/accounts/${ids.account}`);
    await page.getByTestId('interaction-add').click();
    await page.getByTestId('interaction-subject').fill('Called about the late delivery');
    await page.getByTestId('interaction-submit').click();
    const logged = async () =>
      (
        await call<{ items: { subject: string; channel: string }[] }>(
          'GET',
          `/accounts/${ids.account}/interactions`,
        )
      ).items;
    await poll(logged).toEqual([
      expect.objectContaining({ subject: 'Called about the late delivery', channel: 'phone' }),
    ]);

    const task = await call<{ id: string }>('POST', '/tasks', {
      title: 'Call ACME back about the refund',
      accountId: ids.account,
      dueAt: new Date(clock.now().getTime() + 2 * 3_600_000).toISOString(),
    });
    await page.goto(`${server.baseUrl}/my-day`);
    const item = page.getByTestId('task-item').filter({ hasText: 'Call ACME back about the refund' });
    await item.getByRole('button').click();
    await poll(
      async () =>
        (await call<{ items: { id: string; status: string }[] }>('GET', '/tasks?assigneeId=me')).items.find(
          (x) => x.id === task.id,
        )?.status,
    ).toBe('done');
    await poll(() => item.count()).toBe(0);

    // a task of my own from the dialog: title and due time are asked for
    await page.getByTestId('task-new').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('.ant-btn-primary').click();
    await poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBe(2);
    await dialog.locator('input#title').fill('Prepare the quarterly review for ACME');
    const due = dialog.locator('.ant-picker input');
    await due.click();
    await due.fill('2030-01-15 09:30');
    await due.press('Enter');
    await dialog.locator('.ant-btn-primary').click();
    await poll(async () =>
      (await call<{ items: { title: string; dueAt: string }[] }>('GET', '/tasks?assigneeId=me')).items
        .filter((x) => x.title === 'Prepare the quarterly review for ACME')
        .map((x) => x.dueAt.slice(0, 10)),
    ).toEqual(['2030-01-15']);
    await page.context().close();
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
  it('links a knowledge-base article to a ticket and puts it into the reply', async () => {
    const article = await call<{ id: string }>('POST', '/knowledge/articles', {
      titleZh: '雪天高速封路时的延误说明',
      bodyZh: '向客户说明封路原因、预计恢复时间和补偿政策。',
      category: 'delay',
      status: 'published',
    });
    const { id: ticketId } = await call<{ id: string }>('POST', '/tickets', {
      kind: 'complaint',
      category: 'delay',
      subject: 'Delivery held by the snow closure',
      accountId: ids.account,
    });
    const { page } = await browser.newPage(1400, 1000);
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, server.adminEmail, server.adminPassword);
    await page.goto(`${server.baseUrl}/tickets/${ticketId}`);
    const panel = page.getByTestId('knowledge-links');
    await panel.getByTestId('knowledge-link-search').click();
    await page.keyboard.type('封路');
    await page.locator('.ant-select-item-option', { hasText: '雪天高速封路' }).click();
    await poll(async () =>
      (
        await call<{ items: { article: { id: string } }[] }>('GET', `/tickets/${ticketId}/knowledge-links`)
      ).items.map((l) => l.article.id),
    ).toEqual([article.id]);
    await panel
      .getByRole('button', { name: /Insert into reply|插入到回复/ })
      .first()
      .click();
    await poll(() => page.getByTestId('reply-body').inputValue()).toContain(`/knowledge/${article.id}`);
    await page.context().close();
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
