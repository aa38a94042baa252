import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp } from '../../../../test/smtp.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { createMailTransport, outboxLogSmsProvider } from './mail.js';
import { deliverOutbox, MAX_ATTEMPTS, notify } from './service.js';
import { outboxMessages } from './table.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startTestSmtp();
  port = smtp.port;
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const db = () => t.database.db;
const pending = async () =>
  (
    await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'pending'`,
    )
  ).rows[0].n;

describe('notifications', () => {
  it('shows in-app notifications with an unread count and marks them read', async () => {
    const u = await t.loginAs('service');
    await db().transaction((tx) =>
      notify(tx, {
        userIds: [u.userId],
        kind: 'task.reminder',
        params: { title: '回访华信物流', dueAt: '2025-09-22T02:00:00Z' },
      }),
    );
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: u.headers, payload });
    expect((await call('GET', '/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const list = (await call('GET', '/notifications')).json();
    expect(list.items[0].title).toBe('提醒：回访华信物流'); // test users read Chinese by default
    expect((await call('POST', '/notifications/read', { ids: 'all' })).json()).toEqual({
      marked: 1,
      unread: 0,
    });
    // preferences: email off for reminders → no outbox row next time
    await call('POST', '/notifications/read', { ids: [] });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: u.headers,
      payload: { items: [{ kind: 'task.reminder', inApp: true, email: false }] },
    });
    expect(put.statusCode).toBe(204);
    const before = await pending();
    await db().transaction((tx) =>
      notify(tx, { userIds: [u.userId], kind: 'task.reminder', params: { title: 'x' } }),
    );
    expect(await pending()).toBe(before);
  });

  it('delivers mail to a real SMTP server and marks it sent', async () => {
    await db().delete(outboxMessages);
    const u = await t.loginAs('manager');
    await db().transaction((tx) =>
      notify(tx, {
        userIds: [u.userId],
        kind: 'sla.breach',
        params: {
          number: 'T000042',
          subject: '货损',
          target: 'resolution',
          dueAt: '2025-09-22T10:00:00Z',
          level: 2,
        },
      }),
    );
    const mail = createMailTransport({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'desk@logicrm.test',
    });
    const r = await deliverOutbox(db(), mail, outboxLogSmsProvider, new Date());
    expect(r).toEqual({ sent: 1, failed: 0 });
    const got = smtp.received.at(-1);
    expect(got?.to).toMatch(/^manager-/);
    expect(got?.raw).toMatch(/Subject: =\?UTF-8\?/); // the Chinese subject, encoded
    expect(Buffer.from(got?.raw ?? '').toString()).toContain('desk@logicrm.test');
    const [row] = await db().select().from(outboxMessages);
    expect(row.status).toBe('sent');
  });

  it('keeps mail when the server is down, retries with backoff, then lists it as dead', async () => {
    await db().delete(outboxMessages);
    const u = await t.loginAs('admin');
    await db().transaction((tx) =>
      notify(tx, { userIds: [u.userId], kind: 'task.overdue', params: { title: 'x', assignee: 'y' } }),
    );
    const down = createMailTransport({ SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'desk@logicrm.test' });
    let now = new Date();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await deliverOutbox(db(), down, outboxLogSmsProvider, now)).toEqual({ sent: 0, failed: 1 });
      // not due again before the backoff
      expect(await deliverOutbox(db(), down, outboxLogSmsProvider, now)).toEqual({ sent: 0, failed: 0 });
      now = new Date(now.getTime() + 2 ** i * 60_000);
    }
    const [row] = await db().select().from(outboxMessages);
    expect(row).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    const dead = await t.app.inject({ method: 'GET', url: '/api/v1/outbox?status=dead', headers: u.headers });
    expect(dead.json().items).toHaveLength(1);
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/outbox/${row.id}/retry`,
      headers: u.headers,
      payload: {},
    });
    expect(retry.json()).toEqual({ retried: true });
    const up = createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'desk@logicrm.test' });
    expect(await deliverOutbox(db(), up, outboxLogSmsProvider, new Date(Date.now() + 1000))).toEqual({
      sent: 1,
      failed: 0,
    });
  });

  it('without SMTP the mail stays visible as not configured', async () => {
    await db().delete(outboxMessages);
    const u = await t.loginAs('admin');
    await db().transaction((tx) =>
      notify(tx, { userIds: [u.userId], kind: 'task.overdue', params: { title: 'x', assignee: 'y' } }),
    );
    expect(await deliverOutbox(db(), null, outboxLogSmsProvider, new Date())).toEqual({ sent: 0, failed: 0 });
    const [row] = await db().select().from(outboxMessages);
    expect(row).toMatchObject({ status: 'not_configured', attempts: 0 });
  });
});
