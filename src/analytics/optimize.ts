/**
 * Small unconstrained minimisers for the model fits (3–4 parameters, smooth objectives with analytic
 * gradients). BFGS with a strong-Wolfe line search (Nocedal & Wright, algorithms 3.5, 3.6 and 6.1) is
 * the default: on the CDNOW sample it converges in about 20 iterations to a gradient norm near 1e-10.
 * Nelder-Mead is kept as a derivative-free fallback and for comparison in the benchmark.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. Non-finite values mark an infeasible point. */
export type Objective = (x: readonly number[], gradient: number[]) => number;

export interface MinimizeOptions {
  /** Stop when the largest gradient component is below this. */
  gradientTolerance?: number;
  maxIterations?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  gradient: number[];
  /** Euclidean norm of the gradient at x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

const dot = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const norm = (a: readonly number[]) => Math.sqrt(dot(a, a));
const maxAbs = (a: readonly number[]) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const finiteOr = (v: number) => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);

interface Point {
  step: number;
  value: number;
  slope: number;
  gradient: number[];
}

function strongWolfe(
  f: Objective,
  x: readonly number[],
  dir: readonly number[],
  start: Point,
  first: number,
) {
  const c1 = 1e-4;
  const c2 = 0.9;
  let evaluations = 0;
  const at = (step: number): Point => {
    evaluations++;
    const g = new Array<number>(x.length);
    const value = finiteOr(
      f(
        x.map((xi, i) => xi + step * dir[i]),
        g,
      ),
    );
    const slope = Number.isFinite(value) ? dot(g, dir) : Number.NaN;
    return { step, value, slope, gradient: g };
  };
  const sufficient = (p: Point) => p.value <= start.value + c1 * p.step * start.slope;
  const curvature = (p: Point) => Math.abs(p.slope) <= -c2 * start.slope;

  const zoom = (lo: Point, hi: Point): Point | null => {
    for (let i = 0; i < 40; i++) {
      // Safeguarded quadratic interpolation from lo's value and slope and hi's value.
      const d = hi.step - lo.step;
      let t = 0.5;
      if (Number.isFinite(hi.value)) {
        const denom = 2 * (hi.value - lo.value - lo.slope * d);
        if (denom > 0) t = (-lo.slope * d * d) / denom / d;
      }
      t = Math.min(0.9, Math.max(0.1, Number.isFinite(t) ? t : 0.5));
      const p = at(lo.step + t * d);
      if (!sufficient(p) || p.value >= lo.value) hi = p;
      else {
        if (curvature(p)) return p;
        if (p.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = p;
      }
      if (Math.abs(hi.step - lo.step) < 1e-14 * Math.max(1, lo.step)) break;
    }
    return lo.step > 0 ? lo : null;
  };

  let prev = start;
  let step = first;
  for (let i = 0; i < 40; i++) {
    const p = at(step);
    let found: Point | null;
    if (!sufficient(p) || (i > 0 && p.value >= prev.value)) found = zoom(prev, p);
    else if (curvature(p)) found = p;
    else if (p.slope >= 0) found = zoom(p, prev);
    else {
      prev = p;
      step *= 2;
      continue;
    }
    return { point: found, evaluations };
  }
  return { point: prev.step > 0 ? prev : null, evaluations };
}

export function minimizeBfgs(
  f: Objective,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const tol = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 500;
  const n = x0.length;
  let x = [...x0];
  let g = new Array<number>(n);
  let value = f(x, g);
  let evaluations = 1;
  const result = (iterations: number, converged: boolean, message: string): MinimizeResult => ({
    x,
    value,
    gradient: g,
    gradientNorm: norm(g),
    iterations,
    evaluations,
    converged,
    message,
  });
  if (!Number.isFinite(value) || g.some((v) => !Number.isFinite(v))) {
    return result(0, false, 'objective is not finite at the starting point');
  }
  // Inverse Hessian approximation, row-major.
  let h = identity(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    if (maxAbs(g) < tol) return result(iter, true, 'gradient below tolerance');
    let dir = h.map((row) => -dot(row, g));
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      h = identity(n);
      dir = g.map((v) => -v);
      slope = dot(g, dir);
    }
    const first = iter === 0 ? Math.min(1, 1 / norm(g)) : 1;
    const search = strongWolfe(f, x, dir, { step: 0, value, slope, gradient: g }, first);
    evaluations += search.evaluations;
    const p = search.point;
    if (!p) {
      return result(iter, false, 'line search found no decrease');
    }
    const s = dir.map((d) => d * p.step);
    const y = p.gradient.map((gi, i) => gi - g[i]);
    const previous = value;
    x = x.map((xi, i) => xi + s[i]);
    g = p.gradient;
    value = p.value;
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (iter === 0) h = scaled(identity(n), sy / dot(y, y));
      h = bfgsUpdate(h, s, y, 1 / sy);
    }
    if (Math.abs(previous - value) <= 1e-16 * Math.abs(value) && maxAbs(g) >= tol) {
      return result(iter + 1, false, 'no further decrease possible at machine precision');
    }
  }
  return result(maxIterations, maxAbs(g) < tol, 'iteration limit reached');
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function scaled(m: number[][], k: number): number[][] {
  return m.map((row) => row.map((v) => v * k));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ */
function bfgsUpdate(h: number[][], s: number[], y: number[], rho: number): number[][] {
  const n = s.length;
  const hy = h.map((row) => dot(row, y));
  const yhy = dot(y, hy);
  const out = identity(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }
  }
  return out;
}

/** Derivative-free Nelder-Mead (standard coefficients); the gradient is evaluated only at the end. */
export function minimizeNelderMead(
  f: Objective,
  x0: readonly number[],
  options: { maxIterations?: number; valueTolerance?: number; initialStep?: number } = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 5000;
  const ftol = options.valueTolerance ?? 1e-12;
  const scratch = new Array<number>(n);
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    return finiteOr(f(x, scratch));
  };
  let simplex = [[...x0]];
  for (let i = 0; i < n; i++) {
    const v = [...x0];
    v[i] += options.initialStep ?? 0.5;
    simplex.push(v);
  }
  let values = simplex.map(value);
  let iter = 0;
  for (; iter < maxIterations; iter++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) <= ftol * Math.max(1, Math.abs(values[0]))) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (k: number) => centroid.map((c, j) => c + k * (simplex[n][j] - c));
    const reflected = along(-1);
    const fr = value(reflected);
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = value(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, values[n])) [simplex[n], values[n]] = [contracted, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = value(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  const g = new Array<number>(n);
  const fx = f(simplex[best], g);
  return {
    x: simplex[best],
    value: fx,
    gradient: g,
    gradientNorm: norm(g),
    iterations: iter,
    evaluations: evaluations + 1,
    converged: iter < maxIterations,
    message: iter < maxIterations ? 'simplex values within tolerance' : 'iteration limit reached',
  };
}
