/**
 * Draws customer histories from the BG/NBD process itself (λ ~ Gamma(r, α), p ~ Beta(a, b); Poisson
 * purchases while alive; after each repeat purchase the customer drops out with probability p).
 * Seeded and pure, for tests, benchmarks and demo data — the same seed gives the same customers.
 */
import type { BgNbdParams } from './bgnbd.js';
import type { RepeatHistory } from './groups.js';

/** mulberry32: a small, fast 32-bit PRNG; uniform in (0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gammaDraw(shape: number, rand: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, rand) * rand() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(rand);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(rand()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Histories of customers whose observation lengths T are given (in the parameters' time unit). */
export function simulateBgNbd(
  params: BgNbdParams,
  observation: readonly number[],
  seed: number,
): RepeatHistory[] {
  const rand = seededRandom(seed);
  return observation.map((T) => {
    const lambda = gammaDraw(params.r, rand) / params.alpha;
    const ga = gammaDraw(params.a, rand);
    const p = ga / (ga + gammaDraw(params.b, rand));
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(rand()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (rand() < p) break;
    }
    return { frequency: x, recency: tx, T };
  });
}
