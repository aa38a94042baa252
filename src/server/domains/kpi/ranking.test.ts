import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { addCarriers, postShipments } from '../../../../test/shipmentApi.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { DemoRandom } from '../../demo/random.js';
import { KPI_SORTS, type KpiSort, rankRows, sortValue } from './ranking.js';
import type { KpiRow } from './repo.js';
import type { KpiDto } from './service.js';

const row = (key: string, m: Partial<KpiRow>): KpiRow => ({
  key,
  label: null,
  bucket: null,
  delivered: 0,
  on_time_ts: 0,
  judged_ts: 0,
  on_time_date: 0,
  judged_date: 0,
  cargo_issues: 0,
  transit_p50: null,
  transit_p90: null,
  volume: 0,
  revenue_cents: 0,
  cost_cents: 0,
  ...m,
});

describe('ranking rows already computed', () => {
  const rows = [
    row('b', { volume: 5, delivered: 4, on_time_ts: 2, judged_ts: 4, on_time_date: 4, judged_date: 4 }),
    row('a', { volume: 5, delivered: 2, on_time_ts: 1, judged_ts: 2, on_time_date: 1, judged_date: 2 }),
    row('c', { volume: 9 }), // booked, nothing delivered yet: no rate
    row('d', {
      volume: 1,
      delivered: 1,
      on_time_ts: 1,
      judged_ts: 1,
      cargo_issues: 1,
      revenue_cents: 100,
      cost_cents: 150,
    }),
  ];
  const keys = (sort: KpiSort, order: 'asc' | 'desc', rule: 'timestamp' | 'date' = 'timestamp') =>
    rankRows(rows, { sort, order, limit: 10, offset: 0 }, rule).rows.map((r) => r.key);

  it('ranks by the value, ties by key, rows without a value last in either order', () => {
    expect(keys('volume', 'desc')).toEqual(['c', 'a', 'b', 'd']);
    expect(keys('volume', 'asc')).toEqual(['d', 'a', 'b', 'c']);
    expect(keys('onTimeRate', 'asc')).toEqual(['a', 'b', 'd', 'c']);
    expect(keys('onTimeRate', 'desc')).toEqual(['d', 'a', 'b', 'c']);
    expect(keys('intactRate', 'asc')).toEqual(['d', 'a', 'b', 'c']);
    expect(keys('margin', 'asc')).toEqual(['d', 'a', 'b', 'c']);
  });

  it('follows the on-time rule', () => {
    expect(sortValue('late', 'timestamp', rows[0])).toBe(2);
    expect(sortValue('late', 'date', rows[0])).toBe(0);
    // d is judged under the timestamp rule only: no date-rule rate, last with c (ties by key)
    expect(keys('onTimeRate', 'desc', 'date')).toEqual(['b', 'a', 'c', 'd']);
  });

  it('pages and counts', () => {
    const page = rankRows(rows, { sort: 'volume', order: 'desc', limit: 2, offset: 2 }, 'timestamp');
    expect(page.rows.map((r) => r.key)).toEqual(['b', 'd']);
    expect(page.total).toBe(4);
    expect(rankRows(rows, { sort: 'volume', order: 'desc', limit: 2, offset: 8 }, 'timestamp').rows).toEqual(
      [],
    );
  });
});

describe('the cut by account ranked and paged in SQL (HTTP)', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  const ACCOUNTS = Array.from({ length: 13 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    t = await createTestApp();
    headers = (await t.loginAs('manager')).headers;
    for (const code of ACCOUNTS) await buildAccount(t.database.db, { code });
    await addCarriers(t, headers, ['RC1']);
    const r = new DemoRandom(11);
    const start = Date.parse('2025-03-01T00:00:00+08:00');
    const iso = (ms: number) => new Date(ms).toISOString();
    const rows = Array.from({ length: 260 }, (_, i) => {
      const account = ACCOUNTS[r.int(0, ACCOUNTS.length - 1)];
      // the last account only books: it has volume and no delivery (no rate to rank it by)
      const status =
        account === 'R13'
          ? 'in_transit'
          : r.pick(['delivered', 'delivered', 'delivered', 'cancelled'] as const);
      const booked = start + r.int(0, 80) * 86_400_000 + r.int(0, 86_399) * 1000;
      const picked = booked + r.int(1, 20) * 3_600_000;
      const promised = picked + r.int(1, 4) * 86_400_000;
      const delivered = Math.max(picked + 3_600_000, promised + r.int(-40, 30) * 3_600_000);
      return {
        waybill: `RK${i}`,
        accountCode: account,
        carrierCode: 'RC1',
        mode: 'road_ltl',
        origin: r.pick(['上海', '深圳', '广州']),
        destination: '北京',
        status,
        bookedAt: iso(booked),
        pickedUpAt: status === 'delivered' ? iso(picked) : undefined,
        promisedAt: r.chance(0.2) ? undefined : iso(promised),
        deliveredAt: status === 'delivered' ? iso(delivered) : undefined,
        revenueCents: r.int(1000, 90000),
        costCents: r.int(1000, 60000),
        exceptions: status === 'delivered' && r.chance(0.15) ? [{ kind: 'damage' }] : undefined,
      };
    });
    await postShipments(t, headers, rows);
  });
  afterAll(() => t.close());

  const get = async (qs: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/kpi/shipments?from=2025-01-01&to=2026-01-01&${qs}`,
      headers,
    });
  const kpi = async (qs: string) => {
    const res = await get(qs);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: KpiDto[]; total?: number; rule: 'timestamp' | 'date' };
  };
  /** The DTO's value for a sort, as ranking.sortValue reads it from the stored row. */
  const dtoValue = (sort: KpiSort, d: KpiDto): number | null =>
    ({
      volume: d.volume,
      delivered: d.delivered,
      late: d.judged - d.onTime,
      onTimeRate: d.onTimeRate,
      intactRate: d.intactRate,
      revenue: d.revenueCents,
      margin: d.grossMarginCents,
    })[sort];

  it('gives, page by page, the rows of the full cut in the order of the value (ties by key, no value last)', async () => {
    for (const rule of ['timestamp', 'date'] as const) {
      const full = await kpi(`cut=account&rule=${rule}`);
      expect(full.rows).toHaveLength(ACCOUNTS.length);
      expect(full.total).toBeUndefined();
      const byKey = new Map(full.rows.map((r) => [r.key, r]));
      for (const sort of KPI_SORTS)
        for (const order of ['asc', 'desc'] as const) {
          const paged: KpiDto[] = [];
          for (let offset = 0; offset < 15; offset += 5) {
            const page = await kpi(
              `cut=account&rule=${rule}&sort=${sort}&order=${order}&limit=5&offset=${offset}`,
            );
            expect(page.total).toBe(ACCOUNTS.length);
            paged.push(...page.rows);
          }
          expect(paged).toHaveLength(ACCOUNTS.length);
          // every row as the unpaged cut gives it, transit percentiles and label included
          for (const r of paged) expect(r).toEqual(byKey.get(r.key));
          const values = paged.map((r) => dtoValue(sort, r));
          const known = values.filter((v) => v !== null) as number[];
          expect(
            values.slice(known.length).every((v) => v === null),
            `${sort} ${order}: nulls last`,
          ).toBe(true);
          for (let i = 1; i < known.length; i++) {
            const [a, b] = order === 'asc' ? [known[i - 1], known[i]] : [known[i], known[i - 1]];
            expect(a, `${sort} ${order} at ${i}`).toBeLessThanOrEqual(b);
            if (a === b) expect(paged[i - 1].key < paged[i].key, `${sort} tie broken by key`).toBe(true);
          }
        }
      const noRate = full.rows.find((r) => r.label?.startsWith('R13'));
      expect(noRate?.onTimeRate).toBeNull();
      expect(noRate?.volume).toBeGreaterThan(0);
    }
  });

  it('ranks the cuts the rollups answer the same way, and refuses a page with a trend', async () => {
    const lanes = await kpi('cut=lane');
    const page = await kpi('cut=lane&sort=volume&order=desc&limit=2');
    expect(page.total).toBe(lanes.rows.length);
    const expected = [...lanes.rows].sort((a, b) => b.volume - a.volume || (a.key < b.key ? -1 : 1));
    expect(page.rows).toEqual(expected.slice(0, 2));

    const bad = await get('cut=account&trend=month&limit=10');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ limit: expect.any(String) });
    expect((await get('cut=account&limit=501')).statusCode).toBe(400);
  });

  it('past the last page: no rows, the total still given', async () => {
    const page = await kpi('cut=account&sort=late&limit=5&offset=100');
    expect(page.rows).toEqual([]);
    expect(page.total).toBe(ACCOUNTS.length);
  });
});
