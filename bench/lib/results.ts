import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { percentileCont } from '../../src/server/domains/kpi/formulas.js';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** What the issue asks for, in words ("< 500 ms", ">= 1/3 of bare"); omit for context figures. */
  aim?: string;
}

export interface BenchResult {
  area: string;
  at: string;
  database: string;
  metrics: Metric[];
}

/**
 * Writes bench/results/<area>.json in the shape every area shares and prints it. With `merge`, the
 * metrics of another benchmark of the same area already in the file are kept (same name: replaced).
 */
export function writeResult(
  area: string,
  database: string,
  metrics: Metric[],
  opts: { merge?: boolean } = {},
): BenchResult {
  const file = `bench/results/${area}.json`;
  const kept =
    opts.merge && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult).metrics.filter(
          (m) => !metrics.some((n) => n.name === m.name),
        )
      : [];
  const result: BenchResult = {
    area,
    at: new Date().toISOString(),
    database,
    metrics: [...kept, ...metrics],
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  for (const m of metrics)
    console.log(`${area}: ${m.name} = ${m.value} ${m.unit}${m.aim ? ` (aim ${m.aim})` : ''}`);
  return result;
}

/** Percentile of an unsorted sample: the KPI engine's percentile_cont, NaN for no sample. */
export function percentile(values: number[], p: number): number {
  return percentileCont(values, p) ?? Number.NaN;
}
