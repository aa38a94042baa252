import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { generateReturnVisits, runTaskReminders } from './jobs.js';

const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let sales: Session;
let manager: Session;
let accountId: string;
let contactId: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': 'en-US' },
    payload: payload as object,
  });

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  sales = await t.loginAs('sales');
  manager = await t.loginAs('manager');
  const acc = await buildAccount(t.database.db, { ownerId: sales.userId, tier: 'strategic' }, [
    { name: '王磊', mobile: '13912345678' },
  ]);
  accountId = acc.account.id;
  contactId = acc.contacts[0].id;
});
afterAll(() => t.close());

describe('interactions and tasks', () => {
  it('logs an interaction that shows on the account timeline', async () => {
    const r = await call('POST', '/interactions', sales, {
      accountId,
      contactId,
      channel: 'wechat',
      direction: 'inbound',
      subject: '询问冷链报价',
      outcome: '已发报价',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().occurredAt).toBe(clock.now().toISOString());
    const tl = (await call('GET', `/accounts/${accountId}/timeline?source=interactions`, sales)).json();
    expect(tl.items[0]).toMatchObject({ kind: 'interaction.wechat', data: { subject: '询问冷链报价' } });
    const bad = await call('POST', '/interactions', sales, {
      accountId,
      channel: 'pigeon',
      direction: 'inbound',
      subject: '',
    });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['channel', 'subject']);
  });

  it('lists my day, reminds before due and escalates overdue tasks to the manager', async () => {
    const due = new Date(clock.now().getTime() + 2 * 3_600_000).toISOString();
    const task = (
      await call('POST', '/tasks', sales, { title: '回访王磊', accountId, contactId, dueAt: due })
    ).json();
    expect(task).toMatchObject({ assigneeId: sales.userId, overdue: false });
    expect(
      (await call('GET', '/tasks/my-day', sales)).json().items.map((x: { id: string }) => x.id),
    ).toContain(task.id);
    const at = (h: number) => new Date(clock.now().getTime() + h * 3_600_000);
    expect(await runTaskReminders(t.database.db, at(0.5))).toEqual({ reminded: 0, escalated: 0 });
    expect(await runTaskReminders(t.database.db, at(1))).toEqual({ reminded: 1, escalated: 0 });
    expect(await runTaskReminders(t.database.db, at(25))).toEqual({ reminded: 0, escalated: 0 });
    expect(await runTaskReminders(t.database.db, at(26))).toEqual({ reminded: 0, escalated: 1 });
    const { rows } = await t.database.db.execute<{ kind: string }>(
      sql`SELECT kind FROM notifications WHERE user_id = ${manager.userId}`,
    );
    expect(rows.map((r) => r.kind)).toContain('task.overdue');
    const done = await call('PUT', `/tasks/${task.id}`, sales, { version: task.version, status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', completedAt: clock.now().toISOString() });
    const stale = await call('PUT', `/tasks/${task.id}`, sales, {
      version: task.version,
      status: 'cancelled',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('generates return visits on the tier cadence, once', async () => {
    expect(await generateReturnVisits(t.database.db, clock.now())).toBeGreaterThanOrEqual(1);
    const again = await generateReturnVisits(t.database.db, clock.now());
    expect(again).toBe(0);
    const mine = (await call('GET', `/tasks?accountId=${accountId}&status=open`, sales)).json().items;
    expect(mine.filter((x: { kind: string }) => x.kind === 'return_visit')).toHaveLength(1);
  });
});
