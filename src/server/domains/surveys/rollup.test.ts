import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { answer, deliveredShipment, fullAnswer, surveyLinks } from '../../../../test/surveyHelpers.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';
import { surveyResults } from './analysis.js';
import type { SurveyQuery } from './analysisRepo.js';
import { alignSurveyRollupZone, rollupSplit, surveyRollupZone } from './rollup.js';
import { DEFAULT_TEMPLATE_FAMILY } from './templates.js';

const clock = new TestClock(new Date('2025-01-10T02:00:00Z'));
let t: TestApp;
const ids: Record<string, string> = {};

/**
 * Responses over three months for three accounts of three tiers, some at the turn of a month in the
 * company zone (Shanghai), some low (follow-ups, one with an outcome), some invitations unanswered.
 */
beforeAll(async () => {
  t = await createTestApp({}, { clock });
  const staff = (await t.loginAs('service')).headers;
  const owner = await t.loginAs('sales');
  for (const [code, tier] of [
    ['ROL-S', 'strategic'],
    ['ROL-K', 'key'],
    ['ROL-G', 'general'],
  ] as const)
    ids[code] = (await buildAccount(t.database.db, { code, tier, ownerId: owner.userId })).account.id;
  const manager = (await t.loginAs('manager')).headers;
  const rules = (
    await t.app.inject({ method: 'GET', url: '/api/v1/survey-settings', headers: manager })
  ).json();
  const saved = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/survey-settings',
    headers: manager,
    payload: { version: rules.version, settings: { ...rules.settings, linkDays: 120 } },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const waybills = Array.from({ length: 12 }, (_, i) => `RL-${i}`);
  for (const [i, w] of waybills.entries())
    await deliveredShipment(t, staff, { waybill: w, accountCode: ['ROL-S', 'ROL-K', 'ROL-G'][i % 3] });
  const links = await surveyLinks(t, staff, waybills);
  const at = [
    '2025-01-15T02:00:00Z',
    '2025-01-31T15:30:00Z', // 31 Jan 23:30 in Shanghai
    '2025-01-31T16:30:00Z', // 1 Feb 00:30 in Shanghai
    '2025-02-10T02:00:00Z',
    '2025-02-20T02:00:00Z',
    '2025-02-28T17:00:00Z', // 1 Mar in Shanghai
    '2025-03-05T02:00:00Z',
    '2025-03-20T02:00:00Z',
    '2025-03-31T22:30:00Z', // 1 Apr in Shanghai, still 31 March in London
  ];
  const scores = [
    [5, 4, 5, 3, 4, 10],
    [4, 2, 4, 3, 3, 6],
    [3, 3, 2, 2, 4, 8],
    [5, 5, 5, 5, 5, 9],
    [1, 2, 3, 2, 1, 0],
    [4, 4, 4, 4, 4, 7],
    [2, 3, 4, 5, 1, 5],
    [5, 5, 4, 4, 5, 10],
    [3, 4, 3, 4, 3, 8],
  ];
  for (const [i, when] of at.entries()) {
    clock.set(when);
    const s = scores[i];
    const res = await answer(t, links[i].token, fullAnswer(s.slice(0, 5), s[5], i % 2 ? { overall: 3 } : {}));
    expect(res.statusCode, `${i} ${res.body}`).toBe(200);
  }
  // links 9–11 are never answered; one follow-up gets its outcome
  const { rows } = await t.database.pool.query(
    'SELECT id FROM survey_invitations WHERE follow_up_task_id IS NOT NULL ORDER BY submitted_at LIMIT 1',
  );
  const outcome = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/survey-responses/${rows[0].id}/follow-up`,
    headers: owner.headers,
    payload: { outcome: 'resolved', note: '' },
  });
  expect(outcome.statusCode, outcome.body).toBe(200);
});
afterAll(() => t.close());

const query = (extra: Partial<SurveyQuery>): SurveyQuery => ({
  from: '2025-01-01',
  to: '2025-04-01',
  timeZone: 'Asia/Shanghai',
  rule: 'timestamp',
  cut: 'overall',
  ...extra,
});
const QUERIES: Partial<SurveyQuery>[] = [
  {},
  { cut: 'tier' },
  { cut: 'account' },
  { from: '2025-01-20', to: '2025-03-15' },
  { from: '2025-01-20', to: '2025-03-15', cut: 'tier' },
  { from: '2024-12-01', to: '2025-05-01', cut: 'account' },
  { from: '2025-02-01', to: '2025-03-01' },
  { accountId: '' },
  { tier: 'key', cut: 'account' },
  { templateFamilyId: DEFAULT_TEMPLATE_FAMILY, cut: 'tier' },
  // single days at the turn of a month in the company zone, and a half month of one tier
  { from: '2025-01-31', to: '2025-02-01' },
  { from: '2025-02-01', to: '2025-02-02', cut: 'tier' },
  { from: '2025-01-16', to: '2025-02-01', tier: 'strategic' },
];

/** Every query, from the rollup and from the responses alone, must give the same answer. */
async function expectSameAsResponses(timeZone = 'Asia/Shanghai') {
  let fromRollup = 0;
  for (const extra of QUERIES) {
    const q = query({
      ...extra,
      timeZone,
      accountId: extra.accountId === '' ? ids['ROL-K'] : extra.accountId,
    });
    if (rollupSplit(q)) fromRollup++;
    for (const method of ['equal', 'configured'] as const) {
      const rolled = await surveyResults(t.database.db, q, method);
      const raw = await surveyResults(t.database.db, q, method, { rollup: false });
      expect(rolled, JSON.stringify(extra)).toEqual(raw);
    }
  }
  expect(fromRollup).toBe(QUERIES.length);
}

const table = async () =>
  (
    await t.database.pool.query('SELECT * FROM survey_rollup ORDER BY account_id, month, family_id')
  ).rows.filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'month'));

/**
 * The per-day, per-tier sums added up per month, and survey_rollup's per-account months added up per the
 * accounts' tiers now (non-zero rows): two tables kept apart by the same triggers must agree.
 */
async function tierSums() {
  const cols = (
    await t.database.pool.query<{ c: string }>('SELECT unnest(logicrm_survey_rollup_counters()) AS c')
  ).rows.map((r) => r.c);
  expect(cols).toContain('rating_sum_price');
  const nonZero = cols.map((c) => `${c} <> 0`).join(' OR ');
  const sums = cols.map((c) => `sum(r.${c})::int AS ${c}`).join(', ');
  const kept = await t.database.pool.query(
    `SELECT * FROM (SELECT date_trunc('month', r.day::timestamp)::date AS month, r.family_id, r.tier, ${sums}
       FROM survey_rollup_tiers r GROUP BY 1, 2, 3) x WHERE ${nonZero} ORDER BY month, family_id, tier`,
  );
  const derived = await t.database.pool.query(
    `SELECT * FROM (SELECT r.month, r.family_id, a.tier, ${sums} FROM survey_rollup r
       JOIN accounts a ON a.id = r.account_id GROUP BY 1, 2, 3) x WHERE ${nonZero} ORDER BY month, family_id, tier`,
  );
  return { kept: kept.rows, derived: derived.rows };
}

describe('survey rollup', () => {
  it('gives exactly what the responses give, whole months and partial ones', async () => {
    const all = await surveyResults(t.database.db, query({}), 'equal');
    expect(all.responses).toBe(8); // the one of 1 April falls outside
    expect(all.invited).toBe(12);
    expect(all.followUps.outcomes.resolved).toBe(1);
    expect(all.trend.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(all.trend.map((m) => m.responses)).toEqual([2, 3, 3]);
    await expectSameAsResponses();
  });

  it('kept by the triggers is the same as rebuilt from scratch', async () => {
    const kept = await table();
    expect(kept.length).toBeGreaterThan(3);
    const tiers = await tierSums();
    expect(tiers.kept.length).toBeGreaterThanOrEqual(3);
    expect(tiers.kept).toEqual(tiers.derived);
    await t.database.pool.query(`SELECT logicrm_rebuild_survey_rollup('Asia/Shanghai')`);
    expect(await table()).toEqual(kept);
    expect((await tierSums()).kept).toEqual(tiers.kept);
  });

  it('follows a change of tier, a merge of accounts and a new company zone', async () => {
    const before = await tierSums();
    await t.database.pool.query(`UPDATE accounts SET tier = 'strategic' WHERE id = $1`, [ids['ROL-G']]);
    const moved = await tierSums();
    expect(moved.kept).toEqual(moved.derived);
    expect(moved.kept).not.toEqual(before.kept);
    expect(moved.kept.some((r) => r.tier === 'general')).toBe(false);
    // one statement over every account that changes a single tier (migration 0022's EXCEPT test)
    await t.database.pool.query(`UPDATE accounts SET tier = CASE WHEN id = $1 THEN 'key' ELSE tier END`, [
      ids['ROL-G'],
    ]);
    const movedAmongMany = await tierSums();
    expect(movedAmongMany.kept).toEqual(movedAmongMany.derived);
    expect(movedAmongMany.kept).not.toEqual(moved.kept);
    await t.database.pool.query('UPDATE survey_invitations SET account_id = $1 WHERE account_id = $2', [
      ids['ROL-S'],
      ids['ROL-K'],
    ]);
    const merged = await tierSums();
    expect(merged.kept).toEqual(merged.derived);
    await expectSameAsResponses();
    await alignSurveyRollupZone(t.database.db, 'Europe/London');
    expect(await surveyRollupZone(t.database.db)).toBe('Europe/London');
    await expectSameAsResponses('Europe/London');
    const rebuilt = await tierSums();
    expect(rebuilt.kept).toEqual(rebuilt.derived);
    const london = await surveyResults(t.database.db, query({ timeZone: 'Europe/London' }), 'equal');
    expect(london.responses).toBe(9); // 22:30 UTC on 31 March is still March in London
  });

  it('a survey written while the account changes tier lands in the new tier', async () => {
    const account = ids['ROL-S'];
    const { rows } = await t.database.pool.query<{ id: string }>(
      'SELECT id FROM survey_invitations WHERE account_id = $1 AND submitted_at IS NULL LIMIT 1',
      [account],
    );
    expect(rows).toHaveLength(1);
    const tierChange = await t.database.pool.connect();
    const survey = await t.database.pool.connect();
    try {
      await tierChange.query('BEGIN');
      await tierChange.query(`UPDATE accounts SET tier = 'key' WHERE id = $1`, [account]);
      // the submit reads the account's tier FOR SHARE: it waits for the tier change to commit
      const submitted = survey.query(
        `UPDATE survey_invitations SET submitted_at = '2025-02-15T02:00:00Z' WHERE id = $1`,
        [rows[0].id],
      );
      const state = await Promise.race([
        submitted.then(() => 'done'),
        new Promise((r) => setTimeout(() => r('waiting'), 300)),
      ]);
      expect(state).toBe('waiting');
      await tierChange.query('COMMIT');
      await submitted;
    } finally {
      tierChange.release();
      survey.release();
    }
    const after = await tierSums();
    expect(after.kept).toEqual(after.derived);
  });

  it('is not used for cuts and filters through the shipment', () => {
    expect(rollupSplit(query({ cut: 'carrier' }))).toBeNull();
    expect(rollupSplit(query({ mode: 'express' }))).toBeNull();
    // company-wide: the per-day sums answer any period; per account: whole months, the ends from responses
    expect(rollupSplit(query({ from: '2025-01-02', to: '2025-01-30' }))).toEqual({
      rolled: { from: '2025-01-02', to: '2025-01-30' },
      edges: [],
    });
    expect(rollupSplit(query({ from: '2025-01-02', to: '2025-01-30', cut: 'account' }))).toBeNull();
    expect(rollupSplit(query({ from: '2025-01-02', to: '2025-03-30', cut: 'account' }))).toEqual({
      rolled: { from: '2025-02-01', to: '2025-03-01' },
      edges: [
        { from: '2025-01-02', to: '2025-02-01' },
        { from: '2025-03-01', to: '2025-03-30' },
      ],
    });
  });
});
