import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { answer, deliveredShipment, fullAnswer, surveyLinks } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { DEFAULT_TEMPLATE_FAMILY } from './templates.js';

const clock = new TestClock(new Date('2025-05-10T02:00:00Z'));
let t: TestApp;
let manager: Record<string, string>;

/*
 * Hand-computed case. Responses (dimensions SA, DS, CS, P, I; NPS):
 *   R1 key tier, May:     5 4 5 3 4; 10      R2 key tier, May: 4 2 4 3 3; 6
 *   R3 general tier, June: 3 3 2 2 4; 8      R4 general tier: invited, never answered
 * Means SA 4, DS 3, CS 11/3, P 8/3, I 11/3 → scores 75, 50, 66.67, 41.67, 66.67 → equal CSI 300/5 = 60.
 * NPS: one promoter, one passive, one detractor → 0. Response rate 3/4.
 * Key tier: 87.5, 50, 87.5, 50, 62.5 → 67.5; general: 50, 50, 25, 25, 75 → 45 (1 of 2 answered).
 */
beforeAll(async () => {
  t = await createTestApp({}, { clock });
  manager = (await t.loginAs('manager')).headers;
  await buildAccount(t.database.db, { code: 'RES-KEY', tier: 'key' });
  await buildAccount(t.database.db, { code: 'RES-GEN', tier: 'general' });
  await deliveredShipment(t, manager, { waybill: 'RS-1', accountCode: 'RES-KEY' });
  await deliveredShipment(t, manager, { waybill: 'RS-2', accountCode: 'RES-KEY', late: true });
  await deliveredShipment(t, manager, { waybill: 'RS-3', accountCode: 'RES-GEN', late: true });
  await deliveredShipment(t, manager, { waybill: 'RS-4', accountCode: 'RES-GEN' });
  const links = await surveyLinks(t, manager, ['RS-1', 'RS-2', 'RS-3', 'RS-4']);
  const ok = async (token: string, a: Record<string, unknown>) =>
    expect((await answer(t, token, a)).statusCode).toBe(200);
  await ok(links[0].token, fullAnswer([5, 4, 5, 3, 4], 10, { overall: 5 }));
  await ok(links[1].token, fullAnswer([4, 2, 4, 3, 3], 6, { overall: 3 }));
  clock.set('2025-06-02T02:00:00Z');
  await ok(links[2].token, fullAnswer([3, 3, 2, 2, 4], 8));
});
afterAll(() => t.close());

const results = async (query: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/surveys/results?from=2025-05-01&to=2025-07-01&${query}`,
    headers: manager,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('survey results', () => {
  it('give CSI, dimensions, NPS and response rate as computed by hand', async () => {
    const r = await results('weights=equal');
    expect(r.responses).toBe(3);
    expect(r.invited).toBe(4);
    expect(r.responseRate).toBe(0.75);
    expect(r.csi).toBeCloseTo(60, 10);
    expect(r.dimensions.map((d: { score: number }) => Number(d.score.toFixed(2)))).toEqual([
      75, 50, 66.67, 41.67, 66.67,
    ]);
    expect(r.dimensions.every((d: { weight: number }) => d.weight === 0.2)).toBe(true);
    expect(r.nps).toMatchObject({ responses: 3, promoters: 1, passives: 1, detractors: 1, nps: 0 });
    expect(r.nps.distribution).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
    expect(r.overall).toEqual({ mean: 4, responses: 2 });
  });

  it('cut by tier, by punctuality and by month', async () => {
    const tier = await results('cut=tier');
    const key = tier.groups.find((g: { key: string }) => g.key === 'key');
    const general = tier.groups.find((g: { key: string }) => g.key === 'general');
    expect(key).toMatchObject({ responses: 2, invited: 2, responseRate: 1, nps: 0 });
    expect(key.csi).toBeCloseTo(67.5, 10);
    expect(general).toMatchObject({ responses: 1, invited: 2, responseRate: 0.5, nps: 0 });
    expect(general.csi).toBeCloseTo(45, 10);
    const late = (await results('cut=punctuality')).groups.find((g: { key: string }) => g.key === 'late');
    expect(late.responses).toBe(2); // RS-2 and RS-3 were late: (50 + 45) from R2 and R3
    expect(late.nps).toBe(-50);
    const trend = (await results('cut=overall')).trend;
    expect(trend.map((m: { month: string; responses: number }) => [m.month, m.responses])).toEqual([
      ['2025-05', 2],
      ['2025-06', 1],
    ]);
    expect(trend[0].csi).toBeCloseTo(67.5, 10);
    expect(trend[1].csi).toBeCloseTo(45, 10);
    const one = await results(`accountId=${key ? await accountId('RES-GEN') : ''}`);
    expect(one.responses).toBe(1);
  });

  it('use configured weights from the template; editing a template in use makes a new revision', async () => {
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/v1/survey-templates', headers: manager })
    ).json().items[0];
    expect(current).toMatchObject({ familyId: DEFAULT_TEMPLATE_FAMILY, revision: 1, inUse: true });
    const { id, familyId, revision, isDefault, supersededBy, inUse, createdAt, updatedAt, ...body } = current;
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/survey-templates/${id}`,
      headers: manager,
      payload: { ...body, csiWeights: { service_attitude: 1, delivery_speed: 3 } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ familyId: DEFAULT_TEMPLATE_FAMILY, revision: 2, inUse: false });
    expect(edited.json().id).not.toBe(id);
    const old = (
      await t.app.inject({ method: 'GET', url: `/api/v1/survey-templates/${id}`, headers: manager })
    ).json();
    expect(old.supersededBy).toBe(edited.json().id);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/survey-templates/${id}`,
      headers: manager,
      payload: { ...body },
    });
    expect(stale.statusCode).toBe(409);
    // (1·75 + 3·50) / 4 = 56.25: the old revision's answers count under the family's current weights
    const r = await results('weights=configured');
    expect(r.weights.used).toBe('configured');
    expect(r.csi).toBeCloseTo(56.25, 10);
  });

  it('fall back to equal weights when regression has too few complete responses', async () => {
    const r = await results('weights=regression');
    expect(r.weights).toMatchObject({ method: 'regression', used: 'equal', regressionResponses: 2 });
  });

  it("list an account's surveys with their answers", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${await accountId('RES-GEN')}/surveys`,
      headers: manager,
    });
    const items = res.json().items;
    expect(items.map((i: { waybill: string; nps: number | null }) => [i.waybill, i.nps]).sort()).toEqual([
      ['RS-3', 8],
      ['RS-4', null],
    ]);
    expect(items.find((i: { waybill: string }) => i.waybill === 'RS-3').meanRating).toBeCloseTo(14 / 5, 10);
  });

  it('refuse a bad cut or date, naming the field', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/surveys/results?from=2025-5-01&to=2025-07-01&cut=colour',
      headers: { ...manager, 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['cut', 'from']);
  });
});

async function accountId(code: string) {
  const { rows } = await t.database.pool.query('SELECT id FROM accounts WHERE code = $1', [code]);
  return rows[0].id as string;
}
