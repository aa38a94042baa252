import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let manager: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/partners',
    headers: manager,
    payload: { code: 'SF', kind: 'carrier', nameZh: '顺丰' },
  });
});
afterAll(() => t.close());

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const shipment = (waybill: string, accountCode: string, late: boolean) => ({
  waybill,
  accountCode,
  carrierCode: 'SF',
  mode: 'express',
  origin: '深圳',
  destination: '上海',
  status: 'delivered',
  bookedAt: day(10),
  pickedUpAt: day(9),
  promisedAt: day(7),
  deliveredAt: late ? day(5) : day(8),
});

describe('shipments on the account 360°', () => {
  it('show in the header figures and the timeline, and move with a merge', async () => {
    const a = (await buildAccount(t.database.db, { code: 'V360A', nameZh: '三六零甲物流有限公司' })).account;
    const b = (await buildAccount(t.database.db, { code: 'V360B', nameZh: '三六零乙物流有限公司' })).account;
    const bulk = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shipments/bulk',
      headers: manager,
      payload: {
        rows: [shipment('V1', 'V360A', false), shipment('V2', 'V360A', true), shipment('V3', 'V360B', false)],
      },
    });
    expect(bulk.json()).toMatchObject({ inserted: 3, rejected: 0 });
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${a.id}`, headers: manager })
    ).json();
    expect(view.figures).toMatchObject({ shipments90d: 2, onTime90d: 50 });
    const timeline = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/accounts/${a.id}/timeline?source=shipments`,
        headers: manager,
      })
    ).json();
    expect(
      timeline.items.map((i: { data: { waybill: string; late: boolean } }) => [i.data.waybill, i.data.late]),
    ).toEqual([
      ['V2', true],
      ['V1', false],
    ]);
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${a.id}/merge`,
      headers: manager,
      payload: { loserId: b.id, survivorVersion: a.version, loserVersion: b.version },
    });
    expect(merged.json().moved.shipments).toBe(1);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${a.id}`, headers: manager })
    ).json();
    expect(after.figures.shipments90d).toBe(3);
  });
});
