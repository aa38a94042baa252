import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { seedCustomers, ship as shipOne } from '../../../../test/analyticsData.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import {
  type BgNbdParams,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  probabilityAlive,
  rfmSummary,
} from '../../../analytics/index.js';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../../shared/analytics.js';
import { companySettings } from '../organization/settings.js';
import { repeatSummary } from './compute.js';
import { loadAccountFigures, settleRuns } from './runService.js';

let t: TestApp;
let manager: Record<string, string>;
let admin: Record<string, string>;
const ids: Record<string, string> = {};
let n = 0;
const ship = async (accountId: string, daysAgo: number, revenue = 10_000, status = 'delivered') => {
  const waybill = await shipOne(t, accountId, daysAgo, revenue, status);
  n = Number(waybill.slice(1));
};

const inject = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, payload });

async function runAndWait() {
  const res = await inject('POST', '/analytics/runs', manager);
  expect(res.statusCode, res.body).toBe(202);
  await settleRuns();
  return (await inject('GET', `/analytics/runs/${res.json().id}`, manager)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
  admin = (await t.loginAs('admin')).headers;
  await seedCustomers(t);
  const make = async (key: string) => {
    ids[key] = (await buildAccount(t.database.db)).account.id;
  };
  await make('one');
  await ship(ids.one, 30);
  await make('none');
  await make('zero');
  for (const d of [200, 100, 10]) await ship(ids.zero, d, 0);
  await make('oneDay');
  for (let k = 0; k < 4; k++) await ship(ids.oneDay, 50, 20_000);
  await make('future');
  await ship(ids.future, 20);
  await ship(ids.future, -5);
  await ship(ids.future, 15, 10_000, 'cancelled');
});
afterAll(() => t.close());

describe('analytics run on a small hand-made data set', () => {
  let firstRun: { id: string; asOf: string; counts: Record<string, number> };

  it('runs in the background and stores the snapshot, parameters and diagnostics', async () => {
    const run = await runAndWait();
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    expect(run.progress).toBe(100);
    expect(run.params.bgNbd.r).toBeGreaterThan(0);
    expect(run.diagnostics.bgNbd.converged).toBe(true);
    expect(run.counts.segmented).toBe(34);
    expect(run.counts.futureShipments).toBe(1);
    firstRun = run;
  });

  it('aggregates in SQL exactly what the CDNOW summary computes from the shipments one by one', async () => {
    const { timezone } = await companySettings(t.database.db);
    const asOf = firstRun.asOf as unknown as string;
    const { rows } = await t.database.pool.query<{ id: string; day: string; amount: string }>(
      `SELECT account_id::text AS id, to_char((booked_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day,
              coalesce(revenue_cents, 0) AS amount FROM shipments WHERE status <> 'cancelled'`,
      [timezone],
    );
    const reference = rfmSummary(
      rows.map((r) => ({ customerId: r.id, date: r.day, amount: Number(r.amount) })),
      { end: asOf, unit: 'week' },
    ).customers;
    const figures = await loadAccountFigures(t.database.db, timezone, asOf, 365);
    const fromSql = figures.map((a) => repeatSummary(a, 7)).filter((c) => c !== null);
    expect(fromSql).toHaveLength(reference.length);
    const byId = new Map(fromSql.map((c) => [c.customerId, c]));
    for (const c of reference) {
      const { firstPurchase, lastPurchase, ...rest } = c;
      expect(byId.get(c.customerId)).toEqual(rest);
    }
  });

  it('stores predictions equal to the per-customer library formulas with the stored parameters', async () => {
    const { rows } = await t.database.pool.query(
      'SELECT * FROM account_segments WHERE run_id = $1 AND frequency > 0 LIMIT 5',
      [firstRun.id],
    );
    const { timezone } = await companySettings(t.database.db);
    const figures = await loadAccountFigures(
      t.database.db,
      timezone,
      firstRun.asOf as unknown as string,
      365,
    );
    const params = (firstRun as unknown as { params: { bgNbd: BgNbdParams } }).params.bgNbd;
    for (const row of rows) {
      const history = repeatSummary(figures.find((f) => f.accountId === row.account_id)!, 7)!;
      expect(row.expected_365d).toBeCloseTo(conditionalExpectedPurchases(params, 365 / 7, history), 9);
      expect(row.p_alive).toBeCloseTo(probabilityAlive(params, history), 12);
      const clv = customerLifetimeValue(params, history, row.expected_avg_revenue, { unit: 'week' });
      expect(row.clv_12m / clv).toBeCloseTo(1, 9);
    }
  });

  it('handles one shipment, none, zero revenue, one day and future dates', async () => {
    const res = await inject('GET', '/analytics/segments?limit=200', manager);
    const rows = res.json().items as Record<string, unknown>[];
    const by = Object.fromEntries(rows.map((r) => [r.accountId, r]));
    expect(by[ids.none]).toBeUndefined();
    expect(by[ids.one]).toMatchObject({ frequency: 1, pAlive: 1, lifecycleStage: 'identification' });
    expect(by[ids.zero]).toMatchObject({ monetary: 0, abcClass: 'C' });
    expect(by[ids.oneDay]).toMatchObject({ frequency: 4, pAlive: 1 });
    expect(by[ids.future]).toMatchObject({ frequency: 1, rDays: 20 });
    const risks = rows.map((r) => r.churnRisk as number);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    for (const r of rows) {
      expect(r.churnRisk).toBeGreaterThanOrEqual(0);
      expect(r.churnRisk).toBeLessThanOrEqual(100);
      expect(r.lifecycleReason).toHaveProperty('rule');
    }
    // keyset pages cover the same rows
    const page1 = (await inject('GET', '/analytics/segments?limit=10', manager)).json();
    const page2 = (
      await inject('GET', `/analytics/segments?limit=10&cursor=${page1.nextCursor}`, manager)
    ).json();
    expect([...page1.items, ...page2.items].map((r: { accountId: string }) => r.accountId)).toEqual(
      rows.slice(0, 20).map((r) => r.accountId),
    );
    const overview = (await inject('GET', '/analytics/overview', manager)).json();
    expect(Object.values(overview.abc as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(34);
    expect(overview.pareto.at(-1).accounts).toBe(1);
    expect(overview.funnel).toHaveLength(5);
  });

  it('filters and exports the account list by segment, class, stage and risk; shows one account', async () => {
    const all = (await inject('GET', '/analytics/segments?limit=200', manager)).json().items as {
      accountId: string;
      code: string;
      abcClass: string;
      lifecycleStage: string;
      churnRisk: number;
      rfmSegment: string;
    }[];
    const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const expectIds = (seg: typeof all) => seg.map((s) => s.accountId).sort();
    const classA = (await inject('GET', '/accounts?abcClass=A&limit=200', manager)).json();
    expect(idsOf(classA.items)).toEqual(expectIds(all.filter((s) => s.abcClass === 'A')));
    const risky = (await inject('GET', '/accounts?riskMin=50&analyticsStage=lost&limit=200', manager)).json();
    expect(idsOf(risky.items)).toEqual(
      expectIds(all.filter((s) => s.churnRisk >= 50 && s.lifecycleStage === 'lost')),
    );
    const segment = all[0].rfmSegment;
    const csv = await inject(
      'GET',
      `/accounts/export?format=csv&rfmSegment=${encodeURIComponent(segment)}`,
      manager,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    for (const s of all) expect(csv.body.includes(s.code)).toBe(s.rfmSegment === segment);
    const bad = await inject('GET', '/accounts?riskMin=101', manager);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('riskMin');

    const one = (await inject('GET', `/analytics/accounts/${all[0].accountId}`, manager)).json();
    expect(one.segment).toMatchObject({ accountId: all[0].accountId, churnRisk: all[0].churnRisk });
    expect(one.history[0]).toMatchObject({ runId: firstRun.id });
    const none = (await inject('GET', `/analytics/accounts/${ids.none}`, manager)).json();
    expect(none.segment).toBeNull();
    const overview = (await inject('GET', '/analytics/overview', manager)).json();
    expect(overview.valueMatrix.points).toHaveLength(34);
  });

  it('answers 409 while a run is running', async () => {
    await t.database.pool.query(
      `INSERT INTO analytics_runs (kind, status, as_of, settings) VALUES ('manual', 'running', current_date, '{}')`,
    );
    const res = await inject('POST', '/analytics/runs', manager);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RUN_IN_PROGRESS');
    await t.database.pool.query(`DELETE FROM analytics_runs WHERE status = 'running'`);
  });

  it('marks a failed run failed with its message and keeps the previous snapshot current', async () => {
    await t.database.pool.query(`UPDATE shipments SET status = 'cancelled' WHERE status <> 'cancelled'`);
    const run = await runAndWait();
    await t.database.pool.query(`UPDATE shipments SET status = 'delivered' WHERE waybill <> 'T${n}'`);
    expect(run.status).toBe('failed');
    expect(run.errorCode).toBe('ANALYTICS.DATA_TOO_SMALL');
    expect(run.error).toMatch(/at least/);
    const current = (await inject('GET', '/analytics/overview', manager)).json();
    expect(current.run.id).toBe(firstRun.id);
    const moved = (await inject('GET', `/analytics/movements?from=${firstRun.id}&by=abc`, manager)).json();
    expect(moved.cells.every((c: { from: string; to: string }) => c.from === c.to)).toBe(true);
  });

  it('rejects settings out of range naming the field, and audits a change', async () => {
    const { version, settings } = (await inject('GET', '/analytics/settings', manager)).json();
    expect(settings).toEqual(DEFAULT_ANALYTICS_SETTINGS);
    const bad = await inject('PUT', '/analytics/settings', admin, {
      version,
      settings: { ...settings, windowMonths: 99, lifecycle: { ...settings.lifecycle, lostPAlive: 2 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['settings.windowMonths', 'settings.lifecycle.lostPAlive']),
    );
    expect((await inject('PUT', '/analytics/settings', manager, { version, settings })).statusCode).toBe(403);
    const ok = await inject('PUT', '/analytics/settings', admin, {
      version,
      settings: { ...settings, abcBasis: 'gross_profit' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(version + 1);
    const { rows } = await t.database.pool.query(
      `SELECT changes FROM audit_log WHERE entity = 'analytics_settings'`,
    );
    expect(JSON.stringify(rows[0].changes)).toContain('gross_profit');
  });

  it('accepts the suggested tier, and overrides it only with a reason (audited)', async () => {
    const seg = (await inject('GET', '/analytics/segments?limit=1', manager)).json().items[0];
    const got = (await inject('GET', `/accounts/${seg.accountId}`, manager)).json();
    const account = got.account ?? got;
    const other = seg.suggestedTier === 'strategic' ? 'general' : 'strategic';
    const noReason = await inject('POST', `/accounts/${seg.accountId}/tier`, manager, {
      version: account.version,
      tier: other,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    const res = await inject('POST', `/accounts/${seg.accountId}/tier`, manager, {
      version: account.version,
      tier: other,
      reason: '年度框架合同客户',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().account.tier).toBe(other);
    const { rows } = await t.database.pool.query(
      `SELECT changes FROM audit_log WHERE entity = 'account' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [seg.accountId],
    );
    expect(JSON.stringify(rows[0].changes)).toContain('年度框架合同客户');
    const sales = (await t.loginAs('sales')).headers;
    const forbidden = await inject('POST', `/accounts/${seg.accountId}/tier`, sales, {
      version: account.version + 1,
      tier: seg.suggestedTier,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
