/**
 * Surveys (issue 6): the 12-month results dashboard (overall and cut by tier) and one account's CSI,
 * through surveyResults as GET /surveys/results calls it, on the machine's PostgreSQL (fresh database).
 * Scale by SURVEYS_BENCH_RESPONSES (default 1,000,000); the metric names state the scale used.
 * Data, generated in SQL: 20,000 accounts over three tiers, 1.25 invitations per response (80% answered)
 * of the default template, sent over the last 12 months, each response with the five CSI ratings, the
 * overall rating (about 70%), NPS and a comment (about 10%). Scores lean on a per-account quality, so
 * accounts differ. Invitations carry no shipment: the overall and tier cuts do not read shipments.
 * The data goes in through plain INSERTs with the survey rollup's triggers (migration 0013) switched
 * off — statement triggers over 6.8M answers in one INSERT are not how data arrives — and the rollup is
 * then built from scratch by logicrm_rebuild_survey_rollup (timed on its own). The dashboard is timed for the 12 calendar months
 * the results screen shows by default and for the last 365 days (a period that starts and ends inside a
 * month: company-wide both read the per-day sums of survey_rollup_tiers), and against the responses alone
 * (baseline).
 */
import { loadavg } from 'node:os';
import { openDatabase } from '../src/server/db/client.js';
import { ensureOrganization } from '../src/server/domains/organization/service.js';
import { companySettings } from '../src/server/domains/organization/settings.js';
import { surveyResults } from '../src/server/domains/surveys/analysis.js';
import type { SurveyQuery } from '../src/server/domains/surveys/analysisRepo.js';
import { DEFAULT_TEMPLATE_FAMILY } from '../src/server/domains/surveys/templates.js';
import { systemActor } from '../src/server/lib/actor.js';
import { createBenchDatabase } from './lib/benchDatabase.js';
import { type Metric, percentile, writeResult } from './lib/results.js';

const RESPONSES = Number(process.env.SURVEYS_BENCH_RESPONSES ?? 1_000_000);
const ACCOUNTS = Number(process.env.SURVEYS_BENCH_ACCOUNTS ?? 20_000);
/** Dashboard repetitions (30 as the brief asks; fewer when a run at full scale must fit in a time box). */
const RUNS = Number(process.env.SURVEYS_BENCH_RUNS ?? 30);
const BASELINE_RUNS = Number(process.env.SURVEYS_BENCH_BASELINE_RUNS ?? 3);
const INVITATIONS = Math.round(RESPONSES * 1.25);
const DAY_MS = 86_400_000;
const k = (n: number) =>
  n >= 1_000_000
    ? `${Number((n / 1_000_000).toFixed(2))}M`
    : n >= 1000
      ? `${Math.round(n / 1000)}k`
      : String(n);

async function timed(runs: number, f: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f(i);
    ms.push(performance.now() - s);
  }
  return { p50: Math.round(percentile(ms, 0.5)), p99: Math.round(percentile(ms, 0.99)) };
}

export async function run(): Promise<void> {
  const bench = await createBenchDatabase('bench_surveys');
  const database = openDatabase(bench.url, 4);
  const pool = database.pool;
  const loadAtStart = loadavg()[0];
  try {
    await ensureOrganization(database.db, systemActor(), 'Bench Logistics');
    const t0 = Date.now();
    await pool.query('ALTER TABLE survey_invitations DISABLE TRIGGER USER');
    await pool.query('ALTER TABLE survey_answers DISABLE TRIGGER USER');
    await pool.query(`INSERT INTO accounts (code, name_zh, status, tier, transport_needs, normalized_names)
      SELECT 'B' || g, '基准客户' || g, 'active', (ARRAY['strategic','key','general','general','general'])[1 + g % 5],
        '{"modes":[],"lanes":[]}', '{}' FROM generate_series(1, ${ACCOUNTS}) g`);
    // invitations g = 1..INVITATIONS: every fifth one (g % 5 = 0) is never answered; sent over the
    // last 365 days (the newest ones up to a day ago), answered 1–72 hours after sending
    await pool.query(
      `WITH a AS (SELECT array_agg(id ORDER BY code) ids FROM accounts)
      INSERT INTO survey_invitations (template_id, account_id, trigger, channel, recipient, locale, token_hash,
        sent_at, expires_at, opened_at, submitted_at)
      SELECT $1::uuid, a.ids[1 + (hashint4(g) & 2147483647) % $2], 'delivery', 'email', 'c' || g || '@bench.test',
        'zh-CN', md5('bench' || g), x.sent, x.sent + interval '14 days',
        CASE WHEN g % 5 <> 0 THEN x.sent + interval '30 minutes' END,
        CASE WHEN g % 5 <> 0 THEN x.sent + make_interval(hours => 1 + g % 72) END
      FROM generate_series(1, $3::int) g, a,
        LATERAL (SELECT now() - interval '4 days' - make_interval(secs => (g::float8 / $3) * 361 * 86400) AS sent) x`,
      [DEFAULT_TEMPLATE_FAMILY, ACCOUNTS, INVITATIONS],
    );
    // per-account quality q in [-1, 1] (hash of the account id), per-response mood m, per-answer noise
    await pool.query(
      `CREATE TEMP TABLE r AS
      SELECT i.id, i.submitted_at AS at,
        ((hashtext(i.account_id::text) & 1023) / 511.5 - 1) * 0.6 + (random() - 0.5) * 1.5 AS m
      FROM survey_invitations i WHERE i.submitted_at IS NOT NULL`,
    );
    await pool.query(
      `INSERT INTO survey_answers (invitation_id, question_key, kind, dimension, score, text, answered_at)
      SELECT r.id, q.key, q.kind, q.dim,
        CASE q.kind
          WHEN 'rating' THEN greatest(1, least(5, round(3.7 + q.bias + r.m + (random() - 0.5) * 1.6)))
          WHEN 'nps' THEN greatest(0, least(10, round(7.3 + r.m * 2.6 + (random() - 0.5) * 2.5)))
        END::smallint,
        CASE WHEN q.kind = 'text' THEN '服务很好，但是信息更新不够及时' END, r.at
      FROM r CROSS JOIN (VALUES
        ('service_attitude', 'rating', 'service_attitude', 0.2::float8, 1.0::float8),
        ('delivery_speed', 'rating', 'delivery_speed', -0.2, 1.0),
        ('cargo_safety', 'rating', 'cargo_safety', 0.3, 1.0),
        ('price', 'rating', 'price', -0.4, 1.0),
        ('information', 'rating', 'information', -0.1, 1.0),
        ('overall', 'rating', 'overall', 0.0, 0.7),
        ('recommend', 'nps', NULL, 0.0, 1.0),
        ('comment', 'text', NULL, 0.0, 0.1)) AS q(key, kind, dim, bias, share)
      WHERE q.share = 1.0 OR (hashtext(r.id::text || q.key) & 1023) < q.share * 1024`,
    );
    await pool.query('DROP TABLE r');
    await pool.query('ALTER TABLE survey_invitations ENABLE TRIGGER USER');
    await pool.query('ALTER TABLE survey_answers ENABLE TRIGGER USER');
    const seedMs = Date.now() - t0;
    await pool.query('VACUUM ANALYZE');
    const t1 = Date.now();
    await pool.query('SELECT logicrm_rebuild_survey_rollup($1)', [
      (await companySettings(database.db)).timezone,
    ]);
    const rollupMs = Date.now() - t1;
    const { rows: shape } = await pool.query<{ invitations: number; responses: number; answers: number }>(
      `SELECT (SELECT count(*)::int FROM survey_invitations) AS invitations,
        (SELECT count(*)::int FROM survey_invitations WHERE submitted_at IS NOT NULL) AS responses,
        (SELECT count(*)::int FROM survey_answers) AS answers`,
    );
    const scale = `${k(shape[0].responses)} responses, ${k(ACCOUNTS)} accounts`;

    const org = await companySettings(database.db);
    const now = Date.now();
    const date = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: org.timezone });
    // the screen's default: the 11 months before this one and this one, whole months in the company zone
    const today = date(now);
    const [y, m] = today.split('-').map(Number);
    const month = (i: number) => {
      const n = y * 12 + (m - 1) + i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
    };
    const period = { from: month(-11), to: month(1) };
    const days365 = { from: date(now - 365 * DAY_MS), to: date(now + DAY_MS) };
    const q = (extra: Partial<SurveyQuery> = {}): SurveyQuery => ({
      ...period,
      timeZone: org.timezone,
      rule: org.onTimeRule,
      cut: 'overall',
      ...extra,
    });

    // sanity: a benchmark of an empty answer is worthless
    const check = await surveyResults(database.db, q({}), 'equal');
    if (check.responses < shape[0].responses * 0.95 || check.csi == null || check.trend.length < 12)
      throw new Error(
        `dashboard looks wrong: ${check.responses} responses of ${shape[0].responses}, CSI ${check.csi}, ${check.trend.length} months`,
      );
    console.log(
      `surveys: ${shape[0].invitations} invitations, ${shape[0].responses} responses, ${shape[0].answers} answers; ` +
        `CSI ${check.csi?.toFixed(1)}, NPS ${check.nps.nps?.toFixed(1)}, response rate ${check.responseRate?.toFixed(2)}, ` +
        `${check.trend.length} months, seeded in ${(seedMs / 1000).toFixed(0)} s`,
    );

    // exactness at scale: the rollup answers what the responses alone answer
    const raw = { rollup: false };
    for (const extra of [{}, { cut: 'tier' as const }, days365, { ...days365, cut: 'tier' as const }]) {
      const [a, b] = [
        await surveyResults(database.db, q(extra), 'equal'),
        await surveyResults(database.db, q(extra), 'equal', raw),
      ];
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new Error(`rollup differs for ${JSON.stringify(extra)}`);
    }
    const baseline = await timed(BASELINE_RUNS, () => surveyResults(database.db, q({}), 'equal', raw));
    const overall = await timed(RUNS, () => surveyResults(database.db, q({}), 'equal'));
    const tier = await timed(RUNS, () => surveyResults(database.db, q({ cut: 'tier' }), 'equal'));
    const lastDays = await timed(RUNS, () => surveyResults(database.db, q(days365), 'equal'));
    const lastDaysTier = await timed(RUNS, () =>
      surveyResults(database.db, q({ ...days365, cut: 'tier' }), 'equal'),
    );
    const tierCheck = await surveyResults(database.db, q({ cut: 'tier' }), 'equal');
    if (tierCheck.groups.length !== 3) throw new Error(`tier cut gave ${tierCheck.groups.length} groups`);

    const { rows: sample } = await pool.query<{ id: string }>(
      `SELECT id FROM accounts ORDER BY hashint4(hashtext(code)) LIMIT 100`,
    );
    const accountBaseline = await timed(Math.min(sample.length, 20), (i) =>
      surveyResults(database.db, q({ accountId: sample[i].id }), 'equal', raw),
    );
    let accountResponses = 0;
    const account = await timed(sample.length, async (i) => {
      const r = await surveyResults(database.db, q({ accountId: sample[i].id }), 'equal');
      accountResponses += r.responses;
    });
    if (accountResponses === 0) throw new Error('the sampled accounts have no responses');

    const metrics: Metric[] = [
      {
        name: `seed (${k(shape[0].invitations)} invitations, ${scale}, ${k(shape[0].answers)} answers, in SQL)`,
        value: seedMs,
        unit: 'ms',
      },
      {
        name: `survey rollup built from scratch (${scale}; logicrm_rebuild_survey_rollup)`,
        value: rollupMs,
        unit: 'ms',
      },
      {
        name: `baseline: results dashboard from the responses alone, 12 months, overall (${scale}): p50 of ${BASELINE_RUNS}`,
        value: baseline.p50,
        unit: 'ms',
      },
      {
        name: `baseline: one account's CSI from the responses alone (${scale}): p99 of ${Math.min(sample.length, 20)} accounts`,
        value: accountBaseline.p99,
        unit: 'ms',
      },
      {
        name: `results dashboard, 12 months, overall (${scale}): p50 of ${RUNS}`,
        value: overall.p50,
        unit: 'ms',
        aim: '< 1000 ms',
      },
      {
        name: `results dashboard, 12 months, overall (${scale}): p99 of ${RUNS}`,
        value: overall.p99,
        unit: 'ms',
        aim: '< 1000 ms',
      },
      {
        name: `results dashboard, 12 months, cut by tier (${scale}): p50 of ${RUNS}`,
        value: tier.p50,
        unit: 'ms',
        aim: '< 1000 ms',
      },
      {
        name: `results dashboard, 12 months, cut by tier (${scale}): p99 of ${RUNS}`,
        value: tier.p99,
        unit: 'ms',
        aim: '< 1000 ms',
      },
      {
        name: `one account's CSI, 12 months (${scale}, ~${Math.round(accountResponses / sample.length)} responses each): p50 of ${sample.length} accounts`,
        value: account.p50,
        unit: 'ms',
        aim: '< 50 ms',
      },
      {
        name: `one account's CSI, 12 months (${scale}): p99 of ${sample.length} accounts`,
        value: account.p99,
        unit: 'ms',
        aim: '< 50 ms',
      },
      {
        name: `results dashboard, last 365 days (starts and ends inside a month; ${scale}): p50 of ${RUNS}`,
        value: lastDays.p50,
        unit: 'ms',
      },
      {
        name: `results dashboard, last 365 days (${scale}): p99 of ${RUNS}`,
        value: lastDays.p99,
        unit: 'ms',
        aim: '< 1000 ms',
      },
      {
        name: `results dashboard, last 365 days, cut by tier (${scale}): p50 of ${RUNS}`,
        value: lastDaysTier.p50,
        unit: 'ms',
      },
      {
        name: `results dashboard, last 365 days, cut by tier (${scale}): p99 of ${RUNS}`,
        value: lastDaysTier.p99,
        unit: 'ms',
        aim: '< 1000 ms',
      },
      { name: 'load_average_1min_at_start', value: loadAtStart, unit: 'load' },
      { name: 'load_average_1min_at_end', value: loadavg()[0], unit: 'load' },
    ];
    writeResult('surveys', bench.label, metrics);
  } finally {
    await database.close();
    await bench.drop();
  }
}
