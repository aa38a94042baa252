import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { addDays } from '../../lib/calendarDates.js';
import { expiryState } from './service.js';

let t: TestApp;
let manager: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
});
afterAll(() => t.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers = manager,
) => t.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers });

describe('expiry state', () => {
  it('warns inside the window, on calendar dates', () => {
    expect(expiryState(null, '2026-03-01', 30)).toBe('valid');
    expect(expiryState('2026-02-28', '2026-03-01', 30)).toBe('expired');
    expect(expiryState('2026-03-01', '2026-03-01', 30)).toBe('expiring');
    expect(expiryState('2026-03-31', '2026-03-01', 30)).toBe('expiring');
    expect(expiryState('2026-04-01', '2026-03-01', 30)).toBe('valid');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('partners', () => {
  it('creates, reads with children, edits with version and audits', async () => {
    const res = await call('POST', '/partners', {
      code: 'SF-EXP',
      kind: 'carrier',
      nameZh: '顺丰速运',
      modes: ['express'],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ code: 'SF-EXP', kind: 'carrier', version: 1, exitWarning: false });
    const dup = await call('POST', '/partners', { code: 'sf-exp', kind: 'carrier', nameZh: 'x' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toHaveProperty('code');

    const soon = addDays(new Date().toISOString().slice(0, 10), 10);
    const q = await call('POST', `/partners/${p.id}/qualifications`, {
      kind: 'ISO 9001',
      number: 'CN-1',
      expiresOn: soon,
    });
    expect(q.statusCode).toBe(201);
    expect(
      (await call('POST', `/partners/${p.id}/contacts`, { name: '王经理', mobile: '+8613800000000' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await call('POST', `/partners/${p.id}/contracts`, { number: 'HT-2026-1', startsOn: '2026-01-01' }))
        .statusCode,
    ).toBe(201);

    const full = (await call('GET', `/partners/${p.id}`)).json();
    expect(full.qualifications[0]).toMatchObject({ kind: 'ISO 9001', expiryState: 'expiring' });
    expect(full.contacts).toHaveLength(1);
    expect(full.contracts).toHaveLength(1);
    const expiring = (await call('GET', '/partners/qualifications/expiring?warnDays=30')).json();
    expect(expiring.items.map((i: { partnerCode: string }) => i.partnerCode)).toContain('SF-EXP');

    const first = await call('PATCH', `/partners/${p.id}`, { version: 1, nameEn: 'SF Express' });
    expect(first.json().version).toBe(2);
    const stale = await call('PATCH', `/partners/${p.id}`, { version: 1, nameEn: 'Other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.nameEn).toBe('SF Express');

    const qv = q.json();
    expect(
      (await call('PATCH', `/partners/${p.id}/qualifications/${qv.id}`, { version: 1, number: 'CN-2' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('PATCH', `/partners/${p.id}/qualifications/${qv.id}`, { version: 1, number: 'CN-3' }))
        .statusCode,
    ).toBe(409);
    expect((await call('DELETE', `/partners/${p.id}/qualifications/${qv.id}`)).statusCode).toBe(204);

    const audit = (
      await call('GET', `/audit/partner/${p.id}`, undefined, (await t.loginAs('admin')).headers)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
  });

  it('names bad fields in the caller language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      payload: { code: 'bad code', kind: 'airline' },
      headers: { ...manager, 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['code', 'kind']);
    expect(fields.kind).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets sales read but not manage', async () => {
    const sales = (await t.loginAs('sales')).headers;
    expect((await call('GET', '/partners', undefined, sales)).statusCode).toBe(200);
    expect(
      (await call('POST', '/partners', { code: 'X', kind: 'carrier', nameZh: 'x' }, sales)).statusCode,
    ).toBe(403);
  });
});
