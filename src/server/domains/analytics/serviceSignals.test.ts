import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { seedCustomers, ship } from '../../../../test/analyticsData.js';
import { answer, deliveredShipment, fullAnswer, surveyLinks } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { settleRuns } from './runService.js';

let t: TestApp;
let manager: Record<string, string>;
let admin: Record<string, string>;
const ids: Record<string, string> = {};
const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, payload });

/** The same shipment history for each account: a rhythm that slowed down (some churn risk to start with). */
async function twin(key: string) {
  const { account } = await buildAccount(t.database.db);
  ids[key] = account.id;
  for (const d of [150, 130, 100, 90, 70, 45]) await ship(t, account.id, d, 20_000);
  const delivered = new Date(Date.now() - 20 * 86_400_000).toISOString();
  await deliveredShipment(t, manager, {
    waybill: `W-${key}`,
    accountCode: account.code,
    deliveredAt: delivered,
  });
}

async function complaint(accountId: string, category: string, daysAgo = 0, status?: string) {
  const res = await call('POST', '/tickets', manager, {
    kind: 'complaint',
    category,
    severity: 'high',
    subject: '货物破损',
    accountId,
  });
  expect(res.statusCode, res.body).toBe(201);
  await t.database.pool.query(
    `UPDATE tickets SET created_at = now() - make_interval(days => $2), status = coalesce($3, status) WHERE id = $1`,
    [res.json().id, daysAgo, status ?? null],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  manager = (await t.loginAs('manager')).headers;
  admin = (await t.loginAs('admin')).headers;
  await seedCustomers(t);
  for (const key of ['plain', 'unhappy', 'happy', 'oldComplaint']) await twin(key);
  // two damage complaints this month (one already resolved) and a detractor answer
  await complaint(ids.unhappy, 'damage');
  await complaint(ids.unhappy, 'damage', 10, 'resolved');
  const [bad] = await surveyLinks(t, manager, ['W-unhappy']);
  expect((await answer(t, bad.token, fullAnswer([1, 2, 1, 2, 1], 3))).statusCode).toBe(200);
  const [good] = await surveyLinks(t, manager, ['W-happy']);
  expect((await answer(t, good.token, fullAnswer([5, 5, 5, 5, 5], 10))).statusCode).toBe(200);
  // falling: one of the ordinary customers (a sixth twin would leave BG/NBD nothing to tell apart) answers
  // CSI 100 about 250 days ago (in the 180 days before the survey window) and 50 now
  const { rows } = await t.database.pool.query<{ id: string; waybills: string[] }>(
    `SELECT account_id AS id, array_agg(waybill ORDER BY booked_at) AS waybills FROM shipments
      WHERE status = 'delivered' AND account_id <> ALL($1) GROUP BY 1 HAVING count(*) >= 2 ORDER BY max(booked_at) DESC, 1 LIMIT 1`,
    [Object.values(ids)],
  );
  ids.falling = rows[0].id;
  const [before, now] = await surveyLinks(t, manager, rows[0].waybills.slice(0, 2));
  expect((await answer(t, before.token, fullAnswer([5, 5, 5, 5, 5], 8))).statusCode).toBe(200);
  expect((await answer(t, now.token, fullAnswer([3, 3, 3, 3, 3], 8))).statusCode).toBe(200);
  await t.database.pool.query(
    `UPDATE survey_invitations SET submitted_at = now() - interval '250 days' WHERE id = $1`,
    [before.invitationId],
  );
  // closed and older than the 90-day window: does not count
  await complaint(ids.oldComplaint, 'delay', 200, 'closed');
});
afterAll(() => t.close());

describe('complaints and satisfaction feed churn risk', () => {
  it('gives the account with recent damage complaints and a detractor answer the reasons and a higher score', async () => {
    const start = await call('POST', '/analytics/runs', manager);
    expect(start.statusCode, start.body).toBe(202);
    await settleRuns();
    const run = (await call('GET', `/analytics/runs/${start.json().id}`, manager)).json();
    expect(run.status, run.error).toBe('succeeded');
    expect(run.settings.churnSignals).toEqual({
      complaintDays: 90,
      complaintsForFullScore: 3,
      surveyDays: 180,
      csiDropForFullScore: 20,
    });
    const seg = async (key: string) =>
      (await call('GET', `/analytics/accounts/${ids[key]}`, manager)).json().segment;
    const [plain, unhappy, happy, old] = await Promise.all(
      ['plain', 'unhappy', 'happy', 'oldComplaint'].map(seg),
    );
    expect(unhappy.pAlive).toBeCloseTo(plain.pAlive, 12);
    expect(unhappy.churnRisk).toBeGreaterThan(plain.churnRisk);
    const codes = (s: { churnReasons: { code: string }[] }) => s.churnReasons.map((r) => r.code);
    expect(codes(unhappy)).toEqual(expect.arrayContaining(['complaints', 'csi']));
    expect(unhappy.churnReasons.find((r: { code: string }) => r.code === 'complaints')).toMatchObject({
      complaints: 2,
      open: 1,
      categories: ['damage'],
    });
    // ratings 1,2,1,2,1: CSI = mean((r − 1) / 4) × 100 = 10; NPS answer 3: a detractor, NPS −100
    expect(unhappy.churnReasons.find((r: { code: string }) => r.code === 'csi')).toMatchObject({
      csi: 10,
      nps: -100,
      responses: 1,
      detractors: 1,
    });
    expect(codes(plain)).not.toContain('complaints');
    expect(codes(old)).not.toContain('complaints');
    expect(old.churnRisk).toBe(plain.churnRisk);
    // a satisfied answer (CSI 100, NPS 100) adds nothing
    expect(happy.churnRisk).toBe(plain.churnRisk);
  });

  it('scores falling CSI against the window before (DOMAIN.md §4), not only its level', async () => {
    const seg = async (key: string) =>
      (await call('GET', `/analytics/accounts/${ids[key]}`, manager)).json().segment;
    const falling = await seg('falling');
    type Reason = { code: string; points: number };
    const reason = falling.churnReasons.find((r: Reason) => r.code === 'csi');
    // ratings all 3: CSI 50; before, all 5: 100 — a drop of 50 ≥ 20 points scores in full
    expect(reason).toMatchObject({ csi: 50, previousCsi: 100, csiDrop: 50, nps: 0, responses: 1 });
    // in full: weight 0.2 × 1 of the risk behaviour leaves; the level alone (1 − 0.5) would give half that
    const behaviour = falling.churnReasons
      .filter((r: Reason) => r.code === 'pAlive' || r.code === 'volumeDrop')
      .reduce((n: number, r: Reason) => n + r.points, 0);
    expect(behaviour).toBeLessThan(90);
    expect(reason.points).toBeCloseTo((100 - behaviour) * 0.2, 0);
  });

  it('rejects signal settings out of range naming the field', async () => {
    const { version, settings } = (await call('GET', '/analytics/settings', manager)).json();
    const bad = await call('PUT', '/analytics/settings', admin, {
      version,
      settings: {
        ...settings,
        churnSignals: {
          ...settings.churnSignals,
          complaintsForFullScore: 0,
          surveyDays: 5,
          csiDropForFullScore: 0,
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining([
        'settings.churnSignals.complaintsForFullScore',
        'settings.churnSignals.surveyDays',
        'settings.churnSignals.csiDropForFullScore',
      ]),
    );
  });
});
