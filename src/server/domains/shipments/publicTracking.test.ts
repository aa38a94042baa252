import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TRACKING_RATE_PER_MINUTE } from './publicRoutes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const headers = (await t.loginAs('service')).headers;
  await buildAccount(t.database.db, { code: 'SECRET-CUSTOMER', nameZh: '保密客户' });
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/shipments',
    headers,
    payload: {
      waybill: 'PUB-1',
      accountCode: 'SECRET-CUSTOMER',
      mode: 'express',
      origin: '杭州',
      destination: '南京',
      status: 'booked',
      bookedAt: '2025-05-01T09:00:00+08:00',
      revenueCents: 123456,
      declaredValueCents: 999999,
    },
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/tracking-events/bulk',
    headers,
    payload: {
      events: [
        {
          waybill: 'PUB-1',
          occurredAt: '2025-05-02T09:00:00+08:00',
          statusCode: 'delivered',
          location: '南京',
        },
        {
          waybill: 'PUB-1',
          occurredAt: '2025-05-01T12:00:00+08:00',
          statusCode: 'picked_up',
          location: '杭州',
        },
      ],
    },
  });
});
afterAll(() => t.close());

const track = (waybill: string, ip = '198.51.100.7') =>
  t.app.inject({ method: 'GET', url: `/api/v1/track/${waybill}`, remoteAddress: ip });

describe('public tracking', () => {
  it('shows status and timeline without login, and nothing about the customer or money', async () => {
    const res = await track('PUB-1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      waybill: 'PUB-1',
      status: 'delivered',
      origin: '杭州',
      destination: '南京',
    });
    expect(body.events.map((e: { statusCode: string }) => e.statusCode)).toEqual(['picked_up', 'delivered']);
    expect(res.body).not.toMatch(/SECRET|保密|123456|999999|accountId|revenue|declared/);
    expect((await track('NOPE-1')).statusCode).toBe(404);
  });

  it('limits requests per IP', async () => {
    const ip = '203.0.113.9';
    let last = 0;
    for (let i = 0; i <= TRACKING_RATE_PER_MINUTE; i++) last = (await track('PUB-1', ip)).statusCode;
    expect(last).toBe(429);
    const limited = await track('PUB-1', ip);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await track('PUB-1', '203.0.113.10')).statusCode).toBe(200);
  });
});
