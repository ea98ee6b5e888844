// Numerical helpers for the CLV models, hand-written so the models carry no dependencies.

// Lanczos approximation (g = 7, n = 9): ~1e-15 relative accuracy for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log|Γ(x)|; uses the reflection formula below 0.5. */
export const logGamma = (x: number): number => {
  if (x < 0.5) {
    // Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS_COEFFS[0]!;
  for (let i = 1; i < LANCZOS_COEFFS.length; i++) sum += LANCZOS_COEFFS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
};

/** log B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b). */
export const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/** log(e^x + e^y) without overflow. */
export const logAddExp = (x: number, y: number): number => {
  if (x === Number.NEGATIVE_INFINITY) return y;
  if (y === Number.NEGATIVE_INFINITY) return x;
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
};

const HYP_MAX_TERMS = 2_000_000;
const HYP_REL_TOL = 1e-16;

/**
 * log 2F1(a, b; c; z) for |z| < 1 by direct series summation in log space.
 * The terms are kept as (sign, log|term|) and summed against a running maximum, so hundreds of
 * purchases (huge intermediate terms) neither overflow nor lose precision when all terms are positive
 * (the BG/NBD and Pareto/NBD cases with z ≥ 0). Throws if the sum is not positive or does not converge.
 */
export const logHyp2F1 = (a: number, b: number, c: number, z: number): number => {
  if (!(Math.abs(z) < 1)) throw new RangeError(`logHyp2F1 needs |z| < 1, got ${z}`);
  if (z === 0) return 0;
  const logAbsZ = Math.log(Math.abs(z));
  let logTerm = 0; // log|t_0| = log 1
  let sign = 1;
  let scale = 0; // sum is stored as acc · e^scale
  let acc = 1;
  for (let n = 0; n < HYP_MAX_TERMS; n++) {
    const an = a + n;
    const bn = b + n;
    const cn = c + n;
    if (an === 0 || bn === 0) return finish(acc, scale); // the series terminates
    if (cn === 0) throw new RangeError('logHyp2F1: c is a non-positive integer');
    logTerm +=
      Math.log(Math.abs(an)) + Math.log(Math.abs(bn)) - Math.log(Math.abs(cn)) - Math.log(n + 1) + logAbsZ;
    if (((an < 0 !== bn < 0) !== cn < 0) !== z < 0) sign = -sign;
    if (logTerm > scale) {
      acc *= Math.exp(scale - logTerm);
      scale = logTerm;
    }
    const term = sign * Math.exp(logTerm - scale);
    acc += term;
    // Stop once terms are negligible and shrinking geometrically (ratio → |z| for large n).
    const ratio = Math.abs((an + 1) * (bn + 1)) / Math.abs((cn + 1) * (n + 2));
    if (Math.abs(term) <= HYP_REL_TOL * Math.abs(acc) && ratio * Math.abs(z) < 1) {
      return finish(acc, scale);
    }
  }
  throw new RangeError('logHyp2F1: series did not converge');
};

const finish = (acc: number, scale: number): number => {
  if (!(acc > 0)) throw new RangeError('logHyp2F1: the series sum is not positive');
  return scale + Math.log(acc);
};

export type MinimizeOptions = {
  /** Box constraints on each coordinate; the objective is treated as +∞ outside. */
  lower?: readonly number[];
  upper?: readonly number[];
  /** Initial simplex edge length. */
  step?: number;
  maxIterations?: number;
  /** Stop a run when the spread of simplex values and its size fall below these. */
  fTolerance?: number;
  xTolerance?: number;
  /** Extra runs restarted from the best point; stop early once a restart no longer improves. */
  restarts?: number;
};

export type MinimizeResult = { x: number[]; value: number; iterations: number };

/** Nelder–Mead simplex minimiser with box bounds and restarts (restarting fixes premature collapse). */
export const minimize = (
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult => {
  const { lower, upper, step = 0.5, maxIterations = 20_000, fTolerance = 1e-12, xTolerance = 1e-9 } = options;
  const restarts = options.restarts ?? 5;
  const bounded = (x: readonly number[]): number => {
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      if ((lower && xi < lower[i]!) || (upper && xi > upper[i]!)) return Number.POSITIVE_INFINITY;
    }
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let best = runNelderMead(bounded, [...start], step, maxIterations, fTolerance, xTolerance);
  let iterations = best.iterations;
  for (let k = 0; k < restarts; k++) {
    const next = runNelderMead(bounded, best.x, step, maxIterations, fTolerance, xTolerance);
    iterations += next.iterations;
    const improved = best.value - next.value > fTolerance * (1 + Math.abs(best.value));
    if (next.value <= best.value) best = next;
    if (!improved) break;
  }
  return { ...best, iterations };
};

const runNelderMead = (
  f: (x: readonly number[]) => number,
  start: number[],
  step: number,
  maxIterations: number,
  fTolerance: number,
  xTolerance: number,
): MinimizeResult => {
  const n = start.length;
  let simplex: number[][] = [start];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    p[i] = p[i]! + step;
    simplex.push(p);
  }
  let values = simplex.map(f);
  let iterations = 0;
  const combine = (a: readonly number[], b: readonly number[], t: number): number[] =>
    a.map((ai, i) => ai + t * (b[i]! - ai));
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const fBest = values[0]!;
    const fWorst = values[n]!;
    const best = simplex[0]!;
    const size = Math.max(...simplex.map((p) => Math.max(...p.map((pi, i) => Math.abs(pi - best[i]!)))));
    if (Math.abs(fWorst - fBest) <= fTolerance * (1 + Math.abs(fBest)) && size <= xTolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i]! += simplex[k]![i]! / n;
    const worst = simplex[n]!;
    const reflected = combine(centroid, worst, -1);
    const fr = f(reflected);
    if (fr < fBest) {
      const expanded = combine(centroid, worst, -2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const outside = fr < fWorst;
      const contracted = combine(centroid, worst, outside ? -0.5 : 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : fWorst)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let k = 1; k <= n; k++) {
          simplex[k] = combine(best, simplex[k]!, 0.5);
          values[k] = f(simplex[k]!);
        }
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { x: simplex[bestIndex]!, value: values[bestIndex]!, iterations };
};
