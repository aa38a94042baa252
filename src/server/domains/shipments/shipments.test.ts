import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { systemActor } from '../../lib/actor.js';
import { createApiKey } from '../apikeys/service.js';

let t: TestApp;
let key: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  const { secret } = await createApiKey(t.database.db, systemActor('test'), { name: 'tms', role: 'service' });
  key = { authorization: `Bearer ${secret}` };
  await buildAccount(t.database.db, { code: 'ACME' });
  const manager = (await t.loginAs('manager')).headers;
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/partners',
    headers: manager,
    payload: { code: 'ZTO', kind: 'carrier', nameZh: '中通' },
  });
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers = key) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });

const row = (waybill: string, extra: Record<string, unknown> = {}) => ({
  waybill,
  accountCode: 'acme',
  carrierCode: 'ZTO',
  mode: 'road_ltl',
  origin: '上海',
  destination: '北京',
  status: 'delivered',
  bookedAt: '2025-03-01T09:00:00+08:00',
  pickedUpAt: '2025-03-01T15:00:00+08:00',
  promisedAt: '2025-03-04T18:00:00+08:00',
  deliveredAt: '2025-03-04T10:00:00+08:00',
  weightKg: 12.5,
  revenueCents: 30000,
  costCents: 21000,
  ...extra,
});

describe('bulk shipment upsert', () => {
  it('inserts, then changes nothing when the same batch is sent again, then updates what changed', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => row(`WB${String(i).padStart(6, '0')}`));
    const first = await post('/shipments/bulk', { rows });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      received: 1500,
      inserted: 1500,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const again = await post('/shipments/bulk', { rows });
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 1500 });
    const { rows: v } = await t.database.pool.query('SELECT max(version) AS v FROM shipments');
    expect(v[0].v).toBe(1);
    rows[3] = row(rows[3].waybill, { weightKg: 13, exceptions: [{ kind: 'damage' }] });
    const third = await post('/shipments/bulk', { rows });
    expect(third.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 1499 });
    expect((await post('/shipments/bulk', { rows })).json().unchanged).toBe(1500);
  });

  it('stages a request of more than 5,000 rows: one write, exceptions, an audit entry per 5,000', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) =>
      row(`STG${String(i).padStart(5, '0')}`, i % 1000 === 0 ? { exceptions: [{ kind: 'damage' }] } : {}),
    );
    const first = await post('/shipments/bulk', { rows });
    expect(first.json()).toMatchObject({ received: 6000, inserted: 6000, updated: 0, unchanged: 0 });
    const batches = async () =>
      (
        await t.database.pool.query(
          `SELECT (changes->'inserted'->>'after')::int AS inserted, (changes->'updated'->>'after')::int AS updated,
                  jsonb_array_length(changes->'waybills'->'after') AS waybills
             FROM audit_log WHERE entity = 'shipmentBatch' AND changes::text LIKE '%STG0%' ORDER BY id`,
        )
      ).rows;
    expect(await batches()).toEqual([
      { inserted: 5000, updated: 0, waybills: 5000 },
      { inserted: 1000, updated: 0, waybills: 1000 },
    ]);
    const { rows: damaged } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM shipment_exceptions x JOIN shipments s ON s.id = x.shipment_id
        WHERE s.waybill LIKE 'STG%' AND x.kind = 'damage'`,
    );
    expect(damaged[0].n).toBe(6);
    // an exception added to one shipment, its row as stored: counted as updated, the row not rewritten
    rows[1] = row(rows[1].waybill, { exceptions: [{ kind: 'delay' }] });
    const second = await post('/shipments/bulk', { rows });
    expect(second.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 5999 });
    const { rows: stored } = await t.database.pool.query(
      `SELECT version FROM shipments WHERE waybill = 'STG00001'`,
    );
    expect(stored).toEqual([{ version: 1 }]);
    expect((await batches()).slice(2)).toEqual([{ inserted: 0, updated: 1, waybills: 1 }]);
  });

  it('reports every bad row with index, field and code, and stores nothing', async () => {
    const rows = [
      row('BAD-0', { accountCode: 'NOPE' }),
      row('BAD-1', { carrierCode: 'NOPE' }),
      row('DUP'),
      row('DUP'),
      row('BAD-4', { weightKg: -1 }),
      row('BAD-5', { deliveredAt: '2999-01-01T00:00:00Z' }),
      row('BAD-6', { bookedAt: '1999-12-31T23:00:00Z' }),
      row('BAD-7', { pickedUpAt: '2025-03-01 15:00:00' }),
      row('BAD-8', { deliveredAt: '2025-03-01T14:00:00+08:00' }),
      row('BAD-9', { deliveredAt: '2025-02-28T10:00:00+08:00' }),
      row('GOOD-10'),
    ];
    const res = await post('/shipments/bulk', { rows }, { ...key, 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(400);
    const errs = res.json().error.rows as { index: number; field: string; code: string; message: string }[];
    const got = errs.map((e) => `${e.index}:${e.field}:${e.code}`);
    expect(got).toEqual([
      '0:accountCode:shipment.unknownAccount',
      '1:carrierCode:shipment.unknownCarrier',
      '2:waybill:shipment.duplicateWaybill',
      '3:waybill:shipment.duplicateWaybill',
      '4:weightKg:shipment.negative',
      '5:deliveredAt:time.future',
      '6:bookedAt:time.before2000',
      '7:pickedUpAt:time.offsetRequired',
      '8:deliveredAt:shipment.deliveredBeforePickup',
      '9:deliveredAt:shipment.deliveredBeforeBooking',
    ]);
    expect(errs[8].message).toContain('签收时间早于揽收时间');
    const { rows: n } = await t.database.pool.query(
      "SELECT count(*)::int AS n FROM shipments WHERE waybill = 'GOOD-10'",
    );
    expect(n[0].n).toBe(0);

    const skipped = await post('/shipments/bulk', { rows, skipInvalid: true });
    expect(skipped.json()).toMatchObject({ inserted: 1, rejected: 10 });
  });

  it('refuses a body beyond the bulk limit with 413', async () => {
    const big = `{"rows":[${'"x",'.repeat(6_000_000)}"x"]}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shipments/bulk',
      payload: big,
      headers: { ...key, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('20 MB');
  });

  it('needs a write permission: an analyst is refused', async () => {
    const analyst = (await t.loginAs('analyst')).headers;
    expect((await post('/shipments/bulk', { rows: [row('X')] }, analyst)).statusCode).toBe(403);
  });
});

describe('single shipments and tracking', () => {
  it('creates, refuses a duplicate waybill, edits with version, and checks sequences', async () => {
    const created = await post(
      '/shipments',
      row('ONE-1', { status: 'booked', pickedUpAt: undefined, deliveredAt: undefined }),
    );
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect((await post('/shipments', row('ONE-1'))).statusCode).toBe(409);
    const patch = (payload: unknown) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/shipments/${s.id}`,
        payload: payload as object,
        headers: key,
      });
    const bad = await patch({ version: 1, deliveredAt: '2025-02-01T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('deliveredAt');
    expect((await patch({ version: 1, destination: '天津' })).json().version).toBe(2);
    expect((await patch({ version: 1, destination: '广州' })).statusCode).toBe(409);
  });

  it('places out-of-order events by time, derives status, ignores re-sent events, rejects impossible ones', async () => {
    await post(
      '/shipments',
      row('TRK-1', { status: 'booked', pickedUpAt: undefined, deliveredAt: undefined }),
    );
    const events = [
      {
        waybill: 'TRK-1',
        occurredAt: '2025-03-03T08:00:00+08:00',
        statusCode: 'delivered',
        location: '北京',
      },
      {
        waybill: 'TRK-1',
        occurredAt: '2025-03-01T16:00:00+08:00',
        statusCode: 'picked_up',
        location: '上海',
      },
      {
        waybill: 'TRK-1',
        occurredAt: '2025-03-02T02:00:00+08:00',
        statusCode: 'in_transit',
        location: '济南',
      },
    ];
    const res = await post('/tracking-events/bulk', { events });
    expect(res.json()).toMatchObject({ inserted: 3, rejected: 0 });
    expect((await post('/tracking-events/bulk', { events })).json()).toMatchObject({
      inserted: 0,
      unchanged: 3,
    });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/shipments?waybill=TRK-1', headers: key })
    ).json();
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/shipments/${list.items[0].id}`, headers: key })
    ).json();
    expect(detail.events.map((e: { statusCode: string }) => e.statusCode)).toEqual([
      'picked_up',
      'in_transit',
      'delivered',
    ]);
    expect(detail).toMatchObject({ status: 'delivered', deliveredAt: '2025-03-03T00:00:00.000Z' });

    const impossible = await post('/tracking-events/bulk', {
      events: [
        { waybill: 'TRK-1', occurredAt: '2025-02-01T00:00:00Z', statusCode: 'in_transit' },
        { waybill: 'NOPE', occurredAt: '2025-03-02T00:00:00Z', statusCode: 'in_transit' },
        { waybill: 'TRK-1', occurredAt: '2025-03-05T00:00:00Z', statusCode: 'picked_up' },
      ],
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.rows.map((r: { code: string }) => r.code)).toEqual([
      'tracking.beforeBooking',
      'tracking.unknownWaybill',
      'shipment.deliveredBeforePickup',
    ]);
    const one = await post(`/shipments/${list.items[0].id}/events`, {
      occurredAt: '2025-03-01T00:00:00Z',
      statusCode: 'note',
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.fields).toHaveProperty('occurredAt');
  });
});
