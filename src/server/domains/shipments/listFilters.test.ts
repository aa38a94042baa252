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
  const base = { accountCode: 'ACME', origin: '上海', destination: '北京', status: 'delivered' };
  const rows = [
    // Late by the timestamp, on time by the calendar date (same day, Asia/Shanghai).
    {
      ...base,
      waybill: 'F-1',
      mode: 'road_ltl',
      bookedAt: '2024-05-01T09:00:00+08:00',
      promisedAt: '2024-05-03T12:00:00+08:00',
      deliveredAt: '2024-05-03T18:00:00+08:00',
    },
    {
      ...base,
      waybill: 'F-2',
      mode: 'air',
      bookedAt: '2024-05-02T09:00:00+08:00',
      promisedAt: '2024-05-04T12:00:00+08:00',
      deliveredAt: '2024-05-04T10:00:00+08:00',
      exceptions: [{ kind: 'damage' }],
    },
    {
      ...base,
      waybill: 'F-3',
      mode: 'road_ltl',
      bookedAt: '2024-05-30T09:00:00+08:00',
      promisedAt: '2024-06-02T12:00:00+08:00',
      deliveredAt: '2024-06-05T10:00:00+08:00',
    },
  ];
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/shipments/bulk',
    payload: { rows },
    headers: key,
  });
  expect(res.json().rejected).toBe(0);
});
afterAll(() => t.close());

const waybills = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/shipments?${query}`, headers: key });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { waybill: string }[]).map((s) => s.waybill).sort();
};

describe('shipment list filters behind the dashboard numbers', () => {
  it('filters by booking or delivery period in the company zone, mode and lane', async () => {
    expect(await waybills('from=2024-05-01&to=2024-06-01')).toEqual(['F-1', 'F-2', 'F-3']);
    expect(await waybills('from=2024-05-01&to=2024-06-01&dateField=delivered')).toEqual(['F-1', 'F-2']);
    expect(await waybills('mode=road_ltl&origin=上海&destination=北京')).toEqual(['F-1', 'F-3']);
  });

  it('lists late, on-time and damaged deliveries under either on-time rule', async () => {
    expect(await waybills('outcome=late&rule=timestamp')).toEqual(['F-1', 'F-3']);
    expect(await waybills('outcome=late&rule=date')).toEqual(['F-3']);
    expect(await waybills('outcome=onTime&rule=date')).toEqual(['F-1', 'F-2']);
    expect(await waybills('outcome=cargoIssue')).toEqual(['F-2']);
  });
});
