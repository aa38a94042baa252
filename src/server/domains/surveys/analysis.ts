import { CSI_DIMENSIONS, type CsiDimension, type WeightMethod } from '../../../shared/surveys/schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { countRows, regressionSums, type ScoreRow, type SurveyQuery, scoreRows } from './analysisRepo.js';
import { csiIndex, type DimensionMeans, npsOf, type Weights, weightsFor } from './indices.js';
import { mergeCounts, rollupRows, rollupSplit, surveyRollupZone } from './rollup.js';
import { currentTemplate, DEFAULT_TEMPLATE_FAMILY } from './templates.js';

/** Means per rated dimension (and the overall question), stated importance, and the NPS distribution. */
function summarise(rows: ScoreRow[]) {
  const acc = new Map<string, { n: number; total: number }>();
  const distribution = new Array<number>(11).fill(0);
  for (const r of rows) {
    if (r.kind === 'nps' && r.nps_score != null) distribution[r.nps_score] += r.n;
    const k = `${r.kind}:${r.dimension ?? ''}`;
    const a = acc.get(k) ?? { n: 0, total: 0 };
    a.n += r.n;
    a.total += r.total;
    acc.set(k, a);
  }
  const mean = (k: string) => {
    const a = acc.get(k);
    return a?.n ? a.total / a.n : undefined;
  };
  const means: DimensionMeans = {};
  const importance: DimensionMeans = {};
  const counts: Partial<Record<CsiDimension, number>> = {};
  for (const d of CSI_DIMENSIONS) {
    const m = mean(`rating:${d}`);
    if (m !== undefined) {
      means[d] = m;
      counts[d] = acc.get(`rating:${d}`)!.n;
    }
    const i = mean(`importance:${d}`);
    if (i !== undefined) importance[d] = i;
  }
  const overall = acc.get('rating:overall');
  return {
    responses: acc.get('response:')?.n ?? 0,
    means,
    counts,
    importance,
    overall: { mean: overall?.n ? overall.total / overall.n : null, responses: overall?.n ?? 0 },
    nps: { ...npsOf(distribution), distribution },
  };
}

function figures(rows: ScoreRow[], weights: Weights) {
  const s = summarise(rows);
  return { csi: csiIndex(s.means, weights), nps: s.nps.nps, overallMean: s.overall.mean };
}

function groupBy<T>(rows: T[], key: (r: T) => string) {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/**
 * Score and count rows of the period: from the rollups when they can answer the query (and were cut in
 * the query's zone) — any period company-wide, whole months per account — and the partial months at the
 * ends of an account's period and everything else from the responses.
 */
async function rows(db: DbOrTx, q: SurveyQuery, useRollup: boolean) {
  const split = useRollup && (await surveyRollupZone(db)) === q.timeZone ? rollupSplit(q) : null;
  if (!split) {
    const [scores, counts] = await Promise.all([scoreRows(db, q, true), countRows(db, q)]);
    return { scores, counts };
  }
  const parts = await Promise.all([
    rollupRows(db, q, split.rolled),
    ...split.edges.map(async (e) => ({
      scores: await scoreRows(db, { ...q, ...e }, true),
      counts: await countRows(db, { ...q, ...e }),
    })),
  ]);
  return { scores: parts.flatMap((p) => p.scores), counts: mergeCounts(parts.map((p) => p.counts)) };
}

/**
 * The results dashboard in one call: CSI with the chosen weights (see indices.ts for the methods),
 * per-dimension means and weights (the importance–performance matrix), NPS and its distribution,
 * response rate, the monthly trend and, for a cut, the same figures per group.
 */
export async function surveyResults(
  db: DbOrTx,
  q: SurveyQuery,
  method: WeightMethod,
  opts: { rollup?: boolean } = {},
) {
  const [{ scores, counts }, template] = await Promise.all([
    rows(db, q, opts.rollup !== false),
    currentTemplate(db, q.templateFamilyId ?? DEFAULT_TEMPLATE_FAMILY),
  ]);
  const all = summarise(scores);
  const regression = method === 'regression' ? await regressionSums(db, { ...q, cut: 'overall' }) : null;
  const { weights, used } = weightsFor(method, {
    configured: template.csiWeights as Weights,
    importanceMeans: all.importance,
    regression,
  });
  const total = (f: (c: (typeof counts)[number]) => number) => counts.reduce((s, c) => s + f(c), 0);
  const invited = counts.reduce((s, c) => s + c.invited, 0);
  const lowScores = total((c) => c.follow_ups);
  const outcomes = {
    contacted: total((c) => c.contacted),
    resolved: total((c) => c.resolved),
    no_answer: total((c) => c.no_answer),
  };
  const followedUp = outcomes.contacted + outcomes.resolved + outcomes.no_answer;
  const answered = counts.reduce((s, c) => s + c.answered, 0);
  const byKey = groupBy(scores, (r) => r.key);
  const byMonth = groupBy(scores, (r) => r.month ?? '');
  return {
    from: q.from,
    to: q.to,
    weights: { method, used, values: weights, regressionResponses: regression?.n ?? null },
    responses: counts.reduce((s, c) => s + c.responses, 0),
    invited,
    responseRate: invited ? answered / invited : null,
    csi: csiIndex(all.means, weights),
    overall: all.overall,
    dimensions: CSI_DIMENSIONS.map((d) => ({
      dimension: d,
      mean: all.means[d] ?? null,
      responses: all.counts[d] ?? 0,
      score: all.means[d] != null ? ((all.means[d] - 1) / 4) * 100 : null,
      weight: weights[d] ?? 0,
      statedImportance: all.importance[d] ?? null,
    })),
    nps: all.nps,
    /** Responses of the period whose low score opened a follow-up, and what came of them. */
    followUps: { lowScores, followedUp, share: lowScores ? followedUp / lowScores : null, outcomes },
    trend: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, rows]) => ({
        month,
        responses: summarise(rows).responses,
        ...figures(rows, weights),
      })),
    groups:
      q.cut === 'overall'
        ? []
        : counts.map((c) => ({
            key: c.key,
            label: c.label,
            responses: c.responses,
            invited: c.invited,
            responseRate: c.invited ? c.answered / c.invited : null,
            ...figures(byKey.get(c.key) ?? [], weights),
            overallResponses: summarise(byKey.get(c.key) ?? []).overall.responses,
          })),
  };
}
