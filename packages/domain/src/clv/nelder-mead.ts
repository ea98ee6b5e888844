// Nelder–Mead simplex minimiser: derivative-free, for objectives without a usable gradient.

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
