import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadReport, loadOlist, readOlistShipments } from '../examples/load-olist.js';
import { createApiKey } from '../src/server/domains/apikeys/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import { buildAccount } from './accountFactory.js';
import { createTestApp, type TestApp } from './testApp.js';

/** The Olist subset through the public bulk API; the KPI API must give FACTS.md §2.3's on-time rates. */
const OLIST = new URL('../../shared/data/olist/subset_bravida_8135_orders/', import.meta.url);

let t: TestApp;
let admin: Record<string, string>;
let report: LoadReport;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.loginAs('admin')).headers;
  const org = (await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: admin })).json();
  // Olist's times are Brazil's (read as UTC−03:00): its calendar dates are that zone's
  const patched = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/organization',
    headers: admin,
    payload: { version: org.version, settings: { timezone: 'Etc/GMT+3' } },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  await buildAccount(t.database.db, { code: 'OLIST', nameEn: 'Olist' });
  const { secret } = await createApiKey(t.database.db, systemActor('test'), {
    name: 'olist',
    role: 'service',
  });
  const send = async (body: unknown) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shipments/bulk',
      headers: { authorization: `Bearer ${secret}` },
      payload: body as object,
    });
    return { status: res.statusCode, json: async () => res.json() };
  };
  report = await loadOlist(send, readOlistShipments(OLIST));
}, 120_000);
afterAll(() => t.close());

const kpi = async (rule: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/kpi/shipments?from=2016-01-01&to=2019-01-01&rule=${rule}`,
      headers: admin,
    })
  ).json().rows[0];

describe('Olist subset', () => {
  it('loads all 8,135 orders, only the impossible hand-over times left out', () => {
    expect(report.sent).toBe(8135);
    expect(report.inserted).toBe(8135);
    expect(report.refused).toEqual([]);
    expect(report.withoutPickup).toHaveLength(6);
  });

  it('gives the on-time rates of FACTS.md under both rules', async () => {
    const ts = await kpi('timestamp');
    expect(ts).toMatchObject({ delivered: 5164, judged: 5164, onTime: 4750 });
    expect(Number((ts.onTimeRate * 100).toFixed(2))).toBe(91.98);
    const date = await kpi('date');
    expect(date).toMatchObject({ delivered: 5164, onTime: 4822 });
    expect(Number((date.onTimeRate * 100).toFixed(2))).toBe(93.38);
    expect(ts.onTimeRateDate).toBe(date.onTimeRate);
  });

  it('changes nothing when loaded again', async () => {
    const { secret } = await createApiKey(t.database.db, systemActor('test'), {
      name: 'again',
      role: 'service',
    });
    const again = await loadOlist(async (body) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/shipments/bulk',
        headers: { authorization: `Bearer ${secret}` },
        payload: body as object,
      });
      return { status: res.statusCode, json: async () => res.json() };
    }, readOlistShipments(OLIST));
    expect(again.inserted + again.updated).toBe(0);
  });
});
