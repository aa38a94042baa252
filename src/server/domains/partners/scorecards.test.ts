import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { addCarriers, postShipments } from '../../../../test/shipmentApi.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let headers: Record<string, string>;
let ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  headers = (await t.loginAs('manager')).headers;
  await buildAccount(t.database.db, { code: 'ACC' });
  ids = await addCarriers(t, headers, ['SLOW', 'FAST']);
  const rows = [];
  for (const month of ['01', '02']) {
    for (let i = 0; i < 10; i++) {
      for (const carrier of ['SLOW', 'FAST']) {
        // SLOW: 3 of 10 on time; FAST: all on time
        const late = carrier === 'SLOW' && i >= 3;
        rows.push({
          waybill: `${carrier}-${month}-${i}`,
          accountCode: 'ACC',
          carrierCode: carrier,
          mode: 'road_ftl',
          origin: '上海',
          destination: '成都',
          status: 'delivered',
          bookedAt: `2025-${month}-05T08:00:00+08:00`,
          pickedUpAt: `2025-${month}-05T12:00:00+08:00`,
          promisedAt: `2025-${month}-08T18:00:00+08:00`,
          deliveredAt: `2025-${month}-${late ? '10' : '07'}T10:00:00+08:00`,
        });
      }
    }
  }
  await postShipments(t, headers, rows);
});
afterAll(() => t.close());

const evaluate = (code: string, periodStart: string, ratings = { serviceRating: 2, priceRating: 2 }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/partners/${ids[code]}/evaluations`,
    headers,
    payload: { periodKind: 'month', periodStart, ...ratings },
  });

describe('partner scorecards', () => {
  it('grades from KPIs and ratings and warns after two consecutive D grades', async () => {
    const jan = (await evaluate('SLOW', '2025-01-01')).json();
    // 0.3×40 + 1×30 + 25×0.2 + 25×0.1 = 12 + 30 + 5 + 2.5
    expect(jan).toMatchObject({ score: 49.5, grade: 'D', exitWarning: false, deliveredShipments: 10 });
    const feb = (await evaluate('SLOW', '2025-02-01')).json();
    expect(feb).toMatchObject({ grade: 'D', exitWarning: true });
    const partner = (
      await t.app.inject({ method: 'GET', url: `/api/v1/partners/${ids.SLOW}`, headers })
    ).json();
    expect(partner).toMatchObject({ grade: 'D', exitWarning: true });
    const history = (
      await t.app.inject({ method: 'GET', url: `/api/v1/partners/${ids.SLOW}/evaluations`, headers })
    ).json();
    expect(history.items.map((e: { periodStart: string }) => e.periodStart)).toEqual([
      '2025-02-01',
      '2025-01-01',
    ]);

    const good = (await evaluate('FAST', '2025-02-01', { serviceRating: 5, priceRating: 4 })).json();
    expect(good).toMatchObject({ score: 97.5, grade: 'A' });
  });

  it('refuses a period without deliveries and custom weights that do not sum to 100', async () => {
    const none = await evaluate('FAST', '2025-06-01');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('periodStart');
    const weights = await t.app.inject({
      method: 'POST',
      url: `/api/v1/partners/${ids.FAST}/evaluations`,
      headers,
      payload: {
        periodKind: 'month',
        periodStart: '2025-01-01',
        serviceRating: 3,
        priceRating: 3,
        weights: { onTime: 50, intact: 50, satisfaction: 10, price: 0 },
      },
    });
    expect(weights.statusCode).toBe(400);
  });

  it('compares carriers on one lane', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/partners/lane-comparison?origin=${encodeURIComponent('上海')}&destination=${encodeURIComponent('成都')}&from=2025-01-01&to=2025-03-01`,
      headers,
    });
    const rows = res.json().rows as { carrierCode: string; onTimeRate: number; grade: string }[];
    expect(rows.map((r) => [r.carrierCode, r.onTimeRate]).sort()).toEqual([
      ['FAST', 1],
      ['SLOW', 0.3],
    ]);
  });
});
