import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { runSlaSweep } from '../sla/sweep.js';

// Monday 22 Sept 2025 09:00 in Shanghai; the default calendar works 09–12 and 13–18, Mon–Fri.
const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let manager: Session;
let agentA: Session;
let agentB: Session;
let accountId: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: unknown, lang = 'en-US') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as object,
  });
const open = async (s: Session, extra: Record<string, unknown> = {}) => {
  const res = await call('POST', '/tickets', s, {
    kind: 'complaint',
    category: 'delay',
    severity: 'high',
    subject: '货物延误三天',
    accountId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  manager = await t.loginAs('manager');
  agentA = await t.loginAs('service');
  agentB = await t.loginAs('service');
  accountId = (await buildAccount(t.database.db)).account.id;
  const teams = (await call('GET', '/teams', manager)).json().items;
  const res = await call('PUT', `/teams/${teams[0].id}`, manager, {
    ...teams[0],
    id: undefined,
    leadId: manager.userId,
    memberIds: [agentA.userId, agentB.userId],
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

describe('tickets', () => {
  it('opens with round-robin assignment and business-time SLA deadlines', async () => {
    const a = await open(agentA);
    const b = await open(agentA);
    expect(new Set([a.assigneeId, b.assigneeId])).toEqual(new Set([agentA.userId, agentB.userId]));
    expect(a.number).toMatch(/^T\d{6}$/);
    // general tier × high: 60 min first response → 10:00; 960 min resolution → Tue 18:00 CST
    expect(a.sla.firstResponse).toMatchObject({
      targetMinutes: 60,
      dueAt: '2025-09-22T02:00:00.000Z',
      remainingMinutes: 60,
    });
    expect(a.sla.resolution).toMatchObject({ dueAt: '2025-09-23T10:00:00.000Z', remainingMinutes: 960 });
  });

  it('names bad fields in the caller language and stores nothing', async () => {
    const before = (await call('GET', '/tickets', manager)).json().items.length;
    const res = await call(
      'POST',
      '/tickets',
      agentA,
      { kind: 'complaint', category: 'weather', subject: '', accountId },
      'zh-CN',
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['category', 'subject']);
    const unknown = await call('POST', '/tickets', agentA, {
      kind: 'claim',
      category: 'loss',
      subject: 'x',
      accountId: '00000000-0000-4000-8000-000000000001',
    });
    expect(unknown.json().error.fields).toEqual({ accountId: 'Unknown customer account.' });
    expect((await call('GET', '/tickets', manager)).json().items.length).toBe(before);
  });

  it('keeps both of two simultaneous replies; the first is the first response', async () => {
    const tk = await open(agentA);
    const [r1, r2] = await Promise.all([
      call('POST', `/tickets/${tk.id}/replies`, agentA, { body: '我们正在核查' }),
      call('POST', `/tickets/${tk.id}/replies`, agentB, { body: '已联系承运商' }),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([201, 201]);
    const events = (await call('GET', `/tickets/${tk.id}/events`, manager)).json().items;
    expect(events.filter((e: { type: string }) => e.type === 'reply')).toHaveLength(2);
    const now = (await call('GET', `/tickets/${tk.id}`, manager)).json();
    expect(now.status).toBe('acknowledged');
    expect(now.firstResponseAt).toBe(clock.now().toISOString());
    // two status changes from the same version: the second is refused
    const s1 = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: now.version,
      status: 'investigating',
    });
    const s2 = await call('POST', `/tickets/${tk.id}/status`, agentB, {
      version: now.version,
      status: 'investigating',
    });
    expect(s1.statusCode).toBe(200);
    expect(s2.statusCode).toBe(409);
    expect(s2.json().error.current.status).toBe('investigating');
  });

  it('refuses transitions outside the table and closing without assignee or resolution', async () => {
    const tk = await open(agentA, { assigneeId: undefined });
    const bad = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: tk.version,
      status: 'reopened',
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('INVALID_TRANSITION');
    const noResolution = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: tk.version,
      status: 'closed',
    });
    expect(noResolution.json().error.fields).toHaveProperty('resolution');
    const un = await call('PUT', `/tickets/${tk.id}`, manager, { version: tk.version, assigneeId: null });
    const unassigned = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: un.json().version,
      status: 'closed',
      resolution: '已补发',
    });
    expect(unassigned.json().error.fields).toHaveProperty('assigneeId');
  });

  it('pauses the clock while waiting on the customer and pushes the deadline back', async () => {
    const tk = await open(agentA);
    clock.advanceMinutes(30); // 09:30
    await call('POST', `/tickets/${tk.id}/replies`, agentA, {
      body: '请提供签收单照片',
      awaitingCustomer: true,
    });
    const paused = (await call('GET', `/tickets/${tk.id}`, manager)).json();
    expect(paused.sla.paused).toBe(true);
    expect(paused.sla.resolution.remainingMinutes).toBeNull();
    clock.advanceMinutes(120); // 11:30
    const res = await call('POST', `/tickets/${tk.id}/customer-messages`, agentA, { body: '照片已发邮件' });
    expect(res.statusCode).toBe(201);
    // Tue 18:00 + 120 business minutes of waiting → Wed 24 Sept 11:00 CST
    expect(res.json().ticket.sla.resolution.dueAt).toBe('2025-09-24T03:00:00.000Z');
    clock.set('2025-09-22T01:00:00Z');
  });

  it('warns, then escalates agent → team lead → manager as time passes', async () => {
    const tk = await open(agentA, { assigneeId: agentB.userId });
    const sweepAt = async (iso: string) => runSlaSweep(t.database.db, new Date(iso));
    expect(await sweepAt('2025-09-22T01:47:00Z')).toMatchObject({ escalated: 0 });
    // two sweeps at once (two workers): the row locks give each step to one of them
    await Promise.all([sweepAt('2025-09-22T01:48:00Z'), sweepAt('2025-09-22T01:48:00Z')]); // 80 % of 60 min
    const level = async () =>
      (
        await t.database.db.execute<{ l: number }>(
          sql`SELECT escalation_level AS l FROM ticket_sla_clocks WHERE ticket_id = ${tk.id}`,
        )
      ).rows[0].l;
    expect(await level()).toBe(0);
    await Promise.all([sweepAt('2025-09-22T02:00:00Z'), sweepAt('2025-09-22T02:00:00Z')]);
    expect(await level()).toBe(1);
    await sweepAt('2025-09-22T02:30:00Z');
    expect(await level()).toBe(1);
    await sweepAt('2025-09-22T03:00:00Z');
    expect(await level()).toBe(2);
    await sweepAt('2025-09-22T04:00:00Z');
    expect(await level()).toBe(3);
    const kinds = (
      await t.database.db.execute<{ user_id: string; kind: string }>(
        sql`SELECT user_id, kind FROM notifications WHERE data->>'ticketId' = ${tk.id} ORDER BY created_at`,
      )
    ).rows;
    expect(kinds.filter((k) => k.user_id === agentB.userId).map((k) => k.kind)).toEqual([
      'ticket.assigned',
      'sla.warning',
      'sla.breach',
    ]);
    expect(kinds.filter((k) => k.user_id === manager.userId).map((k) => k.kind)).toEqual([
      'sla.breach',
      'sla.breach',
    ]);
    const events = (await call('GET', `/tickets/${tk.id}/events`, manager))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events.filter((e: string) => e === 'sla_escalated')).toHaveLength(3);
    // each step names who it went to: the agent, the team lead, the manager (lead here too)
    const steps = (await call('GET', `/tickets/${tk.id}/events`, manager))
      .json()
      .items.filter((e: { type: string }) => e.type === 'sla_escalated' || e.type === 'sla_warning')
      .map((e: { type: string; data: { notified: { id: string }[] } }) => [
        e.type,
        e.data.notified.map((n) => n.id),
      ]);
    expect(steps).toEqual([
      ['sla_warning', [agentB.userId]],
      ['sla_escalated', [agentB.userId]],
      ['sla_escalated', [manager.userId]],
      ['sla_escalated', [manager.userId]],
    ]);
    const breached = (await call('GET', `/tickets/${tk.id}`, manager)).json();
    expect(breached.sla).toMatchObject({ escalationLevel: 3, firstResponse: { breached: true } });
    // reopened, the clock starts over (no warning, no escalation) but the breach stays on record
    const resolved = await call('POST', `/tickets/${tk.id}/status`, agentB, {
      version: breached.version,
      status: 'resolved',
      resolution: '已改派',
    });
    const reopened = await call('POST', `/tickets/${tk.id}/status`, agentB, {
      version: resolved.json().version,
      status: 'reopened',
    });
    expect(reopened.json().sla).toMatchObject({ escalationLevel: 0, firstResponse: { breached: true } });
    expect(await level()).toBe(0);
  });

  it('resolves, is confirmed by the customer, and reopens only within the window', async () => {
    const tk = await open(agentA);
    const comp = await call('POST', `/tickets/${tk.id}/compensation`, agentA, {
      version: tk.version,
      amountCents: 50_000,
    });
    expect(comp.statusCode, comp.body).toBe(200);
    const res = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: comp.json().version,
      status: 'resolved',
      resolution: '已赔付运费',
      rootCause: '中转延误',
    });
    expect(res.json().status).toBe('resolved');
    const ok = await call('POST', `/tickets/${tk.id}/confirmation`, agentA, {
      version: res.json().version,
      accepted: true,
    });
    expect(ok.json()).toMatchObject({ status: 'closed', customerConfirmedAt: clock.now().toISOString() });
    clock.advanceMinutes(15 * 24 * 60);
    const late = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: ok.json().version,
      status: 'reopened',
    });
    expect(late.json().error.fields.status).toMatch(/14 days/);
    clock.set('2025-09-22T01:00:00Z');
    const again = await call('POST', `/tickets/${tk.id}/status`, agentA, {
      version: ok.json().version,
      status: 'reopened',
    });
    expect(again.json()).toMatchObject({ status: 'reopened', reopenCount: 1 });
  });

  it('shows tickets on the account timeline and in its figures', async () => {
    const acc = (await call('GET', `/accounts/${accountId}`, manager)).json();
    expect(acc.figures.openTickets).toBeGreaterThan(0);
    const tl = (await call('GET', `/accounts/${accountId}/timeline?source=tickets`, manager)).json();
    expect(tl.items[0].kind).toMatch(/^ticket\./);
    const list = (await call('GET', `/tickets?accountId=${accountId}&breached=true`, manager)).json();
    expect(list.items.length).toBeGreaterThan(0);
  });
});
