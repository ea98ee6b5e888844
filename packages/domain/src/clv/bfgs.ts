// BFGS quasi-Newton minimiser with a strong-Wolfe line search and optional box bounds.
// Non-finite objective values count as "too far", so an objective that overflows off the feasible
// region (e.g. exp of a log-parameter) just shortens the step.

export type ValueAndGradient = { value: number; gradient: number[] };

export type BfgsOptions = {
  /** Box bounds; a coordinate at a bound with the gradient pointing outwards is held there. */
  lower?: readonly number[];
  upper?: readonly number[];
  maxIterations?: number;
  /**
   * Converged when the projected gradient's largest component is ≤ this · (1 + |f|), or when no step
   * decreases f any more and the predicted decrease gᵀHg is below 1e-12 · (1 + |f|) (rounding level).
   */
  gradientTolerance?: number;
  /** Largest coordinate change of the first step (the inverse Hessian starts as a scaled identity). */
  initialStep?: number;
};

export type BfgsResult = {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  converged: boolean;
};

const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH = 40;

const dot = (u: readonly number[], v: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
};

export const minimizeBfgs = (
  fg: (x: readonly number[]) => ValueAndGradient,
  start: readonly number[],
  options: BfgsOptions = {},
): BfgsResult => {
  const { lower, upper, maxIterations = 500, gradientTolerance = 1e-9, initialStep = 1 } = options;
  const n = start.length;
  const lo = (i: number) => lower?.[i] ?? Number.NEGATIVE_INFINITY;
  const hi = (i: number) => upper?.[i] ?? Number.POSITIVE_INFINITY;
  let evaluations = 0;
  const evaluate = (x: readonly number[]): ValueAndGradient => {
    evaluations++;
    const r = fg(x);
    const finite = Number.isFinite(r.value) && r.gradient.every(Number.isFinite);
    return finite ? r : { value: Number.POSITIVE_INFINITY, gradient: r.gradient };
  };
  let x = start.map((v, i) => Math.min(hi(i), Math.max(lo(i), v)));
  let current = evaluate(x);
  if (!Number.isFinite(current.value))
    throw new RangeError('minimizeBfgs: the objective is not finite at the start');
  // Components held at a bound: the gradient pushes outwards there.
  const held = (xs: readonly number[], g: readonly number[]): boolean[] =>
    xs.map((v, i) => (v <= lo(i) && g[i]! > 0) || (v >= hi(i) && g[i]! < 0));
  const projectedNorm = (xs: readonly number[], g: readonly number[]): number => {
    const h = held(xs, g);
    return Math.max(0, ...g.map((gi, i) => (h[i] ? 0 : Math.abs(gi))));
  };
  const identity = (scale: number): number[][] =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
  const firstScale = () => Math.min(1, initialStep / Math.max(projectedNorm(x, current.gradient), 1e-300));
  let H = identity(firstScale());
  let fresh = true;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const g = current.gradient;
    if (projectedNorm(x, g) <= gradientTolerance * (1 + Math.abs(current.value))) {
      converged = true;
      break;
    }
    const h = held(x, g);
    const gFree = g.map((gi, i) => (h[i] ? 0 : gi));
    let d = H.map((row) => -dot(row, gFree)).map((di, i) => (h[i] ? 0 : di));
    if (!(dot(d, g) < 0)) {
      // Not a descent direction (a bound became active, or H lost definiteness): steepest descent.
      H = identity(firstScale());
      fresh = true;
      d = gFree.map((gi) => -gi * H[0]![0]!);
    }
    // Longest step that stays inside the box.
    let tMax = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (d[i]! > 0) tMax = Math.min(tMax, (hi(i) - x[i]!) / d[i]!);
      else if (d[i]! < 0) tMax = Math.min(tMax, (lo(i) - x[i]!) / d[i]!);
    }
    const step = lineSearch(evaluate, x, current, d, tMax);
    if (!step) {
      // No measurable decrease: converged if the quadratic model promises less than rounding in f.
      if (-dot(g, d) <= 1e-12 * (1 + Math.abs(current.value))) {
        converged = true;
        break;
      }
      if (fresh) break; // even steepest descent makes no progress: give up, not converged
      H = identity(firstScale());
      fresh = true;
      continue;
    }
    const s = step.x.map((v, i) => v - x[i]!);
    const y = step.at.gradient.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) H = identity(sy / dot(y, y));
      H = bfgsUpdate(H, s, y, sy);
      fresh = false;
    }
    x = step.x.map((v, i) => Math.min(hi(i), Math.max(lo(i), v)));
    current = step.at;
  }
  return { x, value: current.value, gradient: current.gradient, iterations, evaluations, converged };
};

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy. */
const bfgsUpdate = (H: number[][], s: readonly number[], y: readonly number[], sy: number): number[][] => {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  return H.map((row, i) =>
    row.map(
      (hij, j) => hij - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!,
    ),
  ).slice(0, n);
};

type Step = { x: number[]; at: ValueAndGradient };

/** Strong-Wolfe line search (Nocedal & Wright, algorithms 3.5 and 3.6), capped at tMax. */
const lineSearch = (
  evaluate: (x: readonly number[]) => ValueAndGradient,
  x: readonly number[],
  at0: ValueAndGradient,
  d: readonly number[],
  tMax: number,
): Step | null => {
  const f0 = at0.value;
  const d0 = dot(at0.gradient, d);
  type Trial = { t: number; xt: number[]; at: ValueAndGradient; slope: number };
  const trial = (t: number): Trial => {
    const xt = x.map((v, i) => v + t * d[i]!);
    const at = evaluate(xt);
    return { t, xt, at, slope: dot(at.gradient, d) };
  };
  const origin: Trial = { t: 0, xt: [...x], at: at0, slope: d0 };
  const sufficient = (p: Trial) => Number.isFinite(p.at.value) && p.at.value <= f0 + C1 * p.t * d0;
  const curvature = (p: Trial) => Math.abs(p.slope) <= -C2 * d0;
  const result = (p: Trial): Step | null => (p.t > 0 ? { x: p.xt, at: p.at } : null);
  // lo: best point so far with sufficient decrease; the minimiser lies between lo and hi.
  const zoom = (low: Trial, high: Trial): Step | null => {
    let lo = low;
    let hi = high;
    for (let k = 0; k < MAX_LINE_SEARCH; k++) {
      const w = hi.t - lo.t;
      // Quadratic through lo's value and slope and hi's value, kept inside the middle 80 % of the bracket.
      let t = lo.t + 0.5 * w;
      if (Number.isFinite(hi.at.value)) {
        const denom = 2 * (hi.at.value - lo.at.value - lo.slope * w);
        if (denom > 0) t = lo.t - (lo.slope * w * w) / denom;
      }
      const [a, b] = w > 0 ? [lo.t + 0.1 * w, hi.t - 0.1 * w] : [hi.t - 0.1 * w, lo.t + 0.1 * w];
      t = Math.min(Math.max(t, a), b);
      const p = trial(t);
      if (!sufficient(p) || p.at.value >= lo.at.value) hi = p;
      else {
        if (curvature(p)) return result(p);
        if (p.slope * (hi.t - lo.t) >= 0) hi = lo;
        lo = p;
      }
      // A bracket this narrow, or one across which f can change by no more than rounding, is exhausted.
      if (Math.abs(hi.t - lo.t) <= 1e-15 * Math.max(lo.t, hi.t)) break;
      if (Math.abs((hi.t - lo.t) * d0) <= 1e-15 * (1 + Math.abs(f0))) break;
    }
    // Out of budget: a point with sufficient decrease still makes progress.
    return result(lo);
  };
  let prev = origin;
  let t = Math.min(1, tMax);
  for (let k = 0; k < MAX_LINE_SEARCH && t > 0; k++) {
    const p = trial(t);
    if (!sufficient(p) || (prev.t > 0 && p.at.value >= prev.at.value)) return zoom(prev, p);
    if (curvature(p)) return result(p);
    if (p.slope >= 0) return zoom(p, prev);
    if (t >= tMax) return result(p); // stopped by the box
    prev = p;
    t = Math.min(2 * t, tMax);
  }
  return result(prev);
};
