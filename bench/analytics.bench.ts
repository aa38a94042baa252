/**
 * BG/NBD + Gamma-Gamma fit times on CDNOW-shaped summaries (issue 7's benchmark; pure computation, no
 * database). Data sets:
 * - 23,570: the CDNOW sample's calibration summary (from the transactions, weeks) replicated 10×.
 * - 100,000 resampled: customers drawn with replacement from the 2,357 (seeded), like a larger CDNOW.
 *   Both of these have at most 2,357 distinct histories, so grouping identical rows does most of the work.
 * - 100,000 simulated: histories drawn from the BG/NBD process at the CDNOW estimates (T from the CDNOW
 *   cohort, continuous times) and spends from Gamma-Gamma at the CDNOW estimates — nearly every row is
 *   distinct, the worst case for grouping.
 * Each figure is the median of 5 timed runs after one warm-up run; the machine's 1-minute load average
 * is recorded because the shared 2-core machine is often busy.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  type BgNbdFit,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaFit,
  gammaDraw,
  type MlOptions,
  rfmSummary,
  seededRandom,
  simulateBgNbd,
} from '../src/analytics/index.js';
import { type Metric, percentile, writeResult } from './lib/results.js';

type Customer = { frequency: number; recency: number; T: number; monetaryValue: number };

function cdnowSummary(): Customer[] {
  const file = new URL('../../shared/data/cdnow/cdnow_sample_transactions.csv', import.meta.url);
  const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const transactions = lines.map((l) => {
    const [customerId, date, amount] = l.split(',');
    return { customerId, date, amount: Number(amount) };
  });
  return rfmSummary(transactions, { end: '1997-09-30', unit: 'week' }).customers;
}

function resample(base: Customer[], n: number, seed: number): Customer[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => base[Math.floor(rand() * base.length)]);
}

function simulate(base: Customer[], n: number, seed: number): Customer[] {
  const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
  const T = Array.from({ length: n }, (_, i) => base[i % base.length].T);
  const rand = seededRandom(seed + 1);
  return simulateBgNbd(bg, T, seed).map((h) => {
    if (h.frequency === 0) return { ...h, monetaryValue: 0 };
    const nu = gammaDraw(gg.q, rand) / gg.gamma;
    let sum = 0;
    for (let k = 0; k < h.frequency; k++) sum += gammaDraw(gg.p, rand) / nu;
    return { ...h, monetaryValue: sum / h.frequency };
  });
}

function timed<T>(fn: () => T): { seconds: number; result: T } {
  fn(); // warm-up
  const times: number[] = [];
  let result = fn();
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    result = fn();
    times.push((performance.now() - t0) / 1000);
  }
  return { seconds: percentile(times, 0.5), result };
}

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

function measure(label: string, rows: Customer[], options: MlOptions = {}, aim?: string): Metric[] {
  const bg = timed<BgNbdFit>(() => fitBgNbd(rows, options));
  const gg = timed<GammaGammaFit>(() => fitGammaGamma(rows, options));
  const p = bg.result.params;
  console.log(
    `${label}: r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)}`,
    `p=${gg.result.params.p.toFixed(3)} q=${gg.result.params.q.toFixed(3)} γ=${gg.result.params.gamma.toFixed(3)}`,
  );
  return [
    { name: `bgnbd_fit_${label}`, value: round(bg.seconds), unit: 's', ...(aim ? { aim } : {}) },
    { name: `bgnbd_iterations_${label}`, value: bg.result.diagnostics.iterations, unit: 'iterations' },
    { name: `bgnbd_groups_${label}`, value: bg.result.diagnostics.groups, unit: 'distinct histories' },
    { name: `gammagamma_fit_${label}`, value: round(gg.seconds), unit: 's' },
    { name: `gammagamma_iterations_${label}`, value: gg.result.diagnostics.iterations, unit: 'iterations' },
    { name: `bgnbd_plus_gammagamma_fit_${label}`, value: round(bg.seconds + gg.seconds), unit: 's' },
  ];
}

export async function run(): Promise<void> {
  const base = cdnowSummary();
  const replicated = Array.from({ length: 10 }, () => base).flat();
  const metrics: Metric[] = [
    { name: 'load_average_1min_at_start', value: round(loadavg()[0], 2), unit: 'processes (2-core machine)' },
    ...measure('23570_cdnow_x10', replicated, {}, '< 0.5 s'),
    ...measure('100000_cdnow_resampled', resample(base, 100_000, 2357)),
    ...measure('100000_simulated_distinct', simulate(base, 100_000, 7)),
  ];
  // Evidence for the optimiser choice: the same 23,570 fit with Nelder-Mead first, then a BFGS polish.
  const nm = timed(() => fitBgNbd(replicated, { method: 'nelder-mead+bfgs' }));
  metrics.push(
    { name: 'bgnbd_fit_23570_nelder_mead_then_bfgs', value: round(nm.seconds), unit: 's' },
    {
      name: 'bgnbd_iterations_23570_nelder_mead_then_bfgs',
      value: nm.result.diagnostics.simplexIterations + nm.result.diagnostics.iterations,
      unit: 'iterations (simplex + BFGS)',
    },
    { name: 'load_average_1min_at_end', value: round(loadavg()[0], 2), unit: 'processes (2-core machine)' },
  );
  writeResult('analytics', 'none (pure computation)', metrics);
}
