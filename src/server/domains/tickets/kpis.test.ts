import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { runSlaSweep } from '../sla/sweep.js';

const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let agent: Session;
let manager: Session;
let accountId: string;
const call = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': 'en-US' },
    payload: payload as object,
  });

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  agent = await t.loginAs('service');
  manager = await t.loginAs('manager');
  accountId = (await buildAccount(t.database.db)).account.id;
});
afterAll(() => t.close());

const open = async (category: string, shipmentIds: string[] = []) =>
  (
    await call('POST', '/tickets', agent, {
      kind: 'complaint',
      category,
      severity: 'medium',
      subject: category,
      accountId,
      shipmentIds,
      assigneeId: agent.userId,
    })
  ).json();

describe('service-desk KPIs and shipment-dependent rules', () => {
  it('reports a period without shipments: no complaint rate, no compensation cap', async () => {
    const a = await open('delay');
    clock.advanceMinutes(30);
    await call('POST', `/tickets/${a.id}/replies`, agent, { body: '处理中' });
    clock.advanceMinutes(90);
    const r = await call('POST', `/tickets/${a.id}/status`, agent, {
      version: a.version,
      status: 'closed',
      resolution: '已送达',
      rootCause: '中转站积压',
    });
    expect(r.statusCode, r.body).toBe(200);
    await open('damage');
    const k = (
      await call('GET', '/service-desk/kpis?from=2025-09-01T00:00:00Z&to=2025-10-01T00:00:00Z', manager)
    ).json();
    expect(k.open.total).toBe(1);
    expect(k.firstResponseMinutes).toEqual({ median: 30, p90: 30 });
    expect(k.resolutionMinutes).toEqual({ median: 120, p90: 120 });
    expect(k.slaCompliance).toEqual({ closed: 1, met: 1, rate: 1 });
    expect(k.complaints.shipments).toBe(0);
    expect(k.pareto[0]).toMatchObject({ cause: '(damage)', count: 1 });
    expect(k.agents[0]).toMatchObject({ agentId: agent.userId, open: 1, resolved: 1 });
  });

  it('with shipments: complaint rate per 1,000 and compensation above declared value needs a manager', async () => {
    const columns = sql`(waybill, account_id, mode, origin, destination, status, booked_at, declared_value_cents, created_at)`;
    // booked in September but imported in October: they count (the rate goes by booked_at)
    await t.database.db.execute(
      sql`INSERT INTO shipments ${columns} SELECT 'W' || g, ${accountId}, 'road_ltl', '上海', '北京', 'booked',
        '2025-09-10T00:00:00Z', 100000, '2025-10-03T00:00:00Z' FROM generate_series(1, 1999) g`,
    );
    // booked in August, imported in September: they do not
    await t.database.db.execute(
      sql`INSERT INTO shipments ${columns} SELECT 'A' || g, ${accountId}, 'road_ltl', '上海', '北京', 'delivered',
        '2025-08-31T15:59:59Z', 100000, '2025-09-12T00:00:00Z' FROM generate_series(1, 700) g`,
    );
    const { rows } = await t.database.db.execute<{ id: string }>(
      sql`INSERT INTO shipments ${columns} VALUES ('SF1', ${accountId}, 'express', '深圳', '上海', 'booked',
        '2025-09-10T00:00:00Z', 30000, '2025-09-10T00:00:00Z') RETURNING id`,
    );
    const k = (
      await call('GET', '/service-desk/kpis?from=2025-09-01T00:00:00Z&to=2025-10-01T00:00:00Z', manager)
    ).json();
    expect(k.complaints.shipments).toBe(2000);
    expect(k.complaints.byCategory).toContainEqual({
      category: 'delay',
      complaints: 1,
      per1000Shipments: 0.5,
    });
    const tk = await open('damage', [rows[0].id]);
    const over = await call('POST', `/tickets/${tk.id}/compensation`, agent, {
      version: tk.version,
      amountCents: 30001,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields.amountCents).toMatch(/300\.00/);
    expect(
      (
        await call('POST', `/tickets/${tk.id}/compensation`, agent, {
          version: tk.version,
          amountCents: 30000,
        })
      ).statusCode,
    ).toBe(200);
    const approved = await call('POST', `/tickets/${tk.id}/compensation`, manager, {
      version: tk.version + 1,
      amountCents: 50000,
    });
    expect(approved.json()).toMatchObject({
      compensationCents: 50000,
      compensationApprovedBy: manager.userId,
    });
    expect((await call('GET', `/tickets?shipmentId=${rows[0].id}`, manager)).json().items).toHaveLength(1);
  });

  it('links only shipments of the ticket account, and the database enforces that they exist', async () => {
    const other = (await buildAccount(t.database.db)).account.id;
    const { rows } = await t.database.db.execute<{ id: string }>(
      sql`INSERT INTO shipments (waybill, account_id, mode, origin, destination, status, booked_at)
        VALUES ('OTHER1', ${other}, 'express', '深圳', '上海', 'booked', '2025-09-10T00:00:00Z') RETURNING id`,
    );
    const res = await call('POST', '/tickets', agent, {
      kind: 'complaint',
      category: 'delay',
      subject: '别人的运单',
      accountId,
      shipmentIds: [rows[0].id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.shipmentIds).toMatch(/another customer/);
    const tk = await open('delay');
    const edit = await call('PUT', `/tickets/${tk.id}`, agent, {
      version: tk.version,
      shipmentIds: [crypto.randomUUID()],
    });
    expect(edit.json().error.fields.shipmentIds).toBeTruthy();
    await expect(
      t.database.db.execute(
        sql`INSERT INTO ticket_shipments (ticket_id, shipment_id) VALUES (${tk.id}, ${crypto.randomUUID()})`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23503' } }); // foreign_key_violation
  });

  it('keeps a breach on record: breached open work per agent, and not met once closed', async () => {
    const kpis = async () =>
      (
        await call('GET', '/service-desk/kpis?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', manager)
      ).json();
    const mine = (k: { agents: { agentId: string; open: number; breachedOpen: number }[] }) =>
      k.agents.find((a) => a.agentId === agent.userId);
    const before = await kpis();
    expect(mine(before)?.breachedOpen).toBe(0);
    const late = await open('loss');
    // three days later every open ticket of the agent is past both targets
    await runSlaSweep(t.database.db, new Date(clock.now().getTime() + 3 * 86_400_000));
    const swept = await kpis();
    expect(mine(swept)?.breachedOpen).toBe(mine(swept)?.open);
    expect(mine(swept)?.breachedOpen).toBeGreaterThan(0);
    await call('POST', `/tickets/${late.id}/replies`, agent, { body: '抱歉，正在追查' });
    const current = (await call('GET', `/tickets/${late.id}`, agent)).json();
    const closed = await call('POST', `/tickets/${late.id}/status`, agent, {
      version: current.version,
      status: 'closed',
      resolution: '已找回',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await kpis();
    expect(after.slaCompliance.closed).toBe(swept.slaCompliance.closed + 1);
    expect(after.slaCompliance.met).toBe(swept.slaCompliance.met);
    expect(mine(after)?.breachedOpen).toBe((mine(swept)?.breachedOpen ?? 0) - 1);
  });
});
