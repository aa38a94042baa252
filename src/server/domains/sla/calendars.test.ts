import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.loginAs('admin')).headers;
});
afterAll(() => t.close());

const day = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const body = { name: 'Berlin office', timeZone: 'Europe/Berlin', week: [day, day, day, day, day, [], []] };
const call = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { ...admin, 'accept-language': 'en-US' }, payload });

describe('business calendars', () => {
  it('creates, imports 国庆 holidays and make-up days from CSV and JSON', async () => {
    const created = await call('POST', '/business-calendars', body);
    expect(created.statusCode, created.body).toBe(201);
    const csv = 'date,type\n2025-10-01,holiday\n2025-10-02,holiday\n2025-09-28,workday\n2025-10-11,调休\n';
    const r = await call('POST', `/business-calendars/${created.json().id}/holidays/import`, {
      version: 1,
      content: csv,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      imported: 4,
      calendar: { holidays: ['2025-10-01', '2025-10-02'], makeUpDays: ['2025-09-28', '2025-10-11'] },
    });
    const json = JSON.stringify([{ date: '2025-10-03', type: 'holiday' }, '2025-10-06']);
    const r2 = await call('POST', `/business-calendars/${created.json().id}/holidays/import`, {
      version: 2,
      content: json,
    });
    expect(r2.json().calendar.holidays).toEqual(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06']);
    const stale = await call('POST', `/business-calendars/${created.json().id}/holidays/import`, {
      version: 2,
      content: json,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('names every bad field and stores nothing', async () => {
    const bad = {
      ...body,
      name: 'Bad',
      timeZone: 'Mars/Olympus',
      week: [[{ start: '12:00', end: '09:00' }], [], [], [], [], [], []],
    };
    const r = await call('POST', '/business-calendars', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual({
      timeZone: 'Unknown time zone (use an IANA name such as Asia/Shanghai).',
      'week.0.0': 'Working hours must be HH:MM–HH:MM, ascending and not overlapping.',
    });
    const garbage = await call(
      'POST',
      `/business-calendars/${(await call('GET', '/business-calendars')).json().items[0].id}/holidays/import`,
      {
        version: 1,
        content: 'date,type\n2025-13-45x,holiday',
      },
    );
    expect(garbage.json().error.fields.file).toMatch(/holiday list/);
    expect(
      (await call('GET', '/business-calendars')).json().items.map((c: { name: string }) => c.name),
    ).not.toContain('Bad');
  });
});
