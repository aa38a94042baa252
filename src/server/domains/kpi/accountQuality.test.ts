import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { DEFAULT_SERVICE_TARGETS } from '../../../shared/serviceTargets.js';
import { TestClock } from '../../lib/clock.js';

const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let manager: Session;
let accountId: string;
const call = (method: 'GET' | 'PUT' | 'POST', url: string, s: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': 'en-US' },
    payload: payload as object,
  });
const quality = async (qs = 'from=2025-01-01&to=2025-10-01') => {
  const res = await call('GET', `/accounts/${accountId}/service-quality?${qs}`, manager);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const day = (d: string, h = 10) => `2025-${d}T${String(h).padStart(2, '0')}:00:00+08:00`;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  manager = await t.loginAs('manager');
  accountId = (await buildAccount(t.database.db, { code: 'SQ1', tier: 'strategic' })).account.id;
  await buildAccount(t.database.db, { code: 'SQ2' });
  // 4 shipments of SQ1: 3 delivered (one late, one damaged), 1 in transit; one of SQ2 that must not count
  const rows = [
    ['Q1', 'SQ1', '03-01', '03-02', '03-04', '03-03', 'delivered'],
    ['Q2', 'SQ1', '03-10', '03-10', '03-12', '03-14', 'delivered'],
    ['Q3', 'SQ1', '04-01', '04-01', '04-03', '04-02', 'delivered'],
    ['Q4', 'SQ1', '04-05', '04-06', '04-09', null, 'in_transit'],
    ['Q5', 'SQ2', '03-01', '03-02', '03-04', '03-09', 'delivered'],
  ].map(([waybill, accountCode, booked, picked, promised, delivered, status], i) => ({
    waybill,
    accountCode,
    mode: 'road_ltl',
    origin: '上海',
    destination: '北京',
    status,
    bookedAt: day(booked as string),
    pickedUpAt: day(picked as string, 12),
    promisedAt: day(promised as string, 18),
    deliveredAt: delivered ? day(delivered, 15) : undefined,
    revenueCents: 100_000,
    costCents: 90_000,
    exceptions: i === 2 ? [{ kind: 'damage' }] : undefined,
  }));
  const res = await call('POST', '/shipments/bulk', manager, { rows });
  expect(res.statusCode, res.body).toBe(200);
  const agent = await t.loginAs('service');
  const ticket = await call('POST', '/tickets', agent, {
    kind: 'complaint',
    category: 'delay',
    severity: 'medium',
    subject: 'late again',
    accountId,
    shipmentIds: [],
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
});
afterAll(() => t.close());

describe('account service quality', () => {
  it('judges the KPIs against the tier defaults until the account has its own targets', async () => {
    const q = await quality();
    expect(q.targets).toMatchObject({ ...DEFAULT_SERVICE_TARGETS.strategic, source: 'tier', version: null });
    expect(q.kpis).toMatchObject({ delivered: 3, onTime: 2, volume: 4, revenueCents: 400_000 });
    expect(q.kpis.intactRate).toBeCloseTo(2 / 3, 12);
    expect(q.kpis.grossMarginRate).toBeCloseTo(0.1, 12);
    expect(q.complaints).toEqual({ count: 1, per1000Shipments: 250 });
    expect(q.meets).toEqual({
      onTimeRate: false,
      intactRate: false,
      transitP90Days: false, // 1.125, 1.125, 4.125 days: P90 = 3.525
      complaintsPer1000: false,
      grossMarginRate: false,
    });
    expect(q.trend.map((r: { bucket: string; volume: number }) => [r.bucket, r.volume])).toEqual([
      ['2025-03-01', 2],
      ['2025-04-01', 2],
    ]);
  });

  it('shows nothing measured for a period without shipments', async () => {
    const q = await quality('from=2024-01-01&to=2024-02-01&trend=week');
    expect(q.kpis).toBeNull();
    expect(q.complaints).toEqual({ count: 0, per1000Shipments: null });
    expect(q.meets.onTimeRate).toBeNull();
    expect(q.trend).toEqual([]);
  });

  it('sets its own targets with version and audit; a stale write is refused with 409', async () => {
    const mine = {
      onTimeRate: 0.6,
      intactRate: 0.6,
      transitP90Days: 4,
      complaintsPer1000: 300,
      grossMarginRate: 0.1,
    };
    const created = await call('PUT', `/accounts/${accountId}/service-targets`, manager, mine);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ ...mine, source: 'account', version: 1 });
    const again = await call('PUT', `/accounts/${accountId}/service-targets`, manager, mine);
    expect(again.statusCode).toBe(409);
    const edited = await call('PUT', `/accounts/${accountId}/service-targets`, manager, {
      ...mine,
      onTimeRate: 0.66,
      version: 1,
    });
    expect(edited.json()).toMatchObject({ onTimeRate: 0.66, version: 2 });
    const stale = await call('PUT', `/accounts/${accountId}/service-targets`, manager, {
      ...mine,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const q = await quality();
    expect(q.targets.source).toBe('account');
    expect(q.meets).toEqual({
      onTimeRate: true,
      intactRate: true,
      transitP90Days: true,
      complaintsPer1000: true,
      grossMarginRate: true,
    });
    const { rows } = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'serviceTargets' AND entity_id = ${accountId} ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('refuses bad targets naming the field, and a sales rep on an account not theirs', async () => {
    const bad = await call('PUT', `/accounts/${accountId}/service-targets`, manager, {
      onTimeRate: 1.5,
      intactRate: 0.9,
      transitP90Days: 3,
      complaintsPer1000: 1,
      grossMarginRate: 0.1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('onTimeRate');
    const sales = await t.loginAs('sales');
    const denied = await call('PUT', `/accounts/${accountId}/service-targets`, sales, {
      onTimeRate: 0.5,
      intactRate: 0.5,
      transitP90Days: 3,
      complaintsPer1000: 1,
      grossMarginRate: 0.1,
      version: 2,
    });
    expect(denied.statusCode).toBe(403);
  });
});
