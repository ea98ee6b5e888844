// BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way").
import { type BgNbdData, type BgNbdParams, evaluateBgNbd, prepareBgNbd } from './bgnbd-likelihood.ts';
import type { RfmGroup } from './rfm.ts';
import {
  hyp2F1,
  logAddExp,
  logGamma,
  logHyp2F1,
  minimize,
  minimizeBfgs,
  numericHessian,
  standardErrorsFromHessian,
} from './special.ts';

export {
  type BgNbdData,
  type BgNbdEvaluation,
  type BgNbdParams,
  evaluateBgNbd,
  prepareBgNbd,
} from './bgnbd-likelihood.ts';

export type BgNbdFit = BgNbdParams & {
  logLikelihood: number;
  standardErrors: BgNbdStandardErrors | null;
  iterations: number;
  converged: boolean;
};

/** One customer's log-likelihood, in log-sum-exp form (FHL 2005 eq. 6) so large x and T never overflow. */
export const bgNbdLogLikelihoodOne = (p: BgNbdParams, x: number, tx: number, T: number): number => {
  const { r, alpha, a, b } = p;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 =
    x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : Number.NEGATIVE_INFINITY;
  return a1 + a2 + logAddExp(a3, a4);
};

/** Total log-likelihood over grouped rows. */
export const bgNbdLogLikelihood = (p: BgNbdParams, rows: readonly RfmGroup[]): number =>
  evaluateBgNbd(p, prepareBgNbd(rows), false).logLikelihood;

// Search in log-parameters; the bounds keep the optimiser away from degenerate corners.
const LOG_BOUND = 15;
const KEYS = ['r', 'alpha', 'a', 'b'] as const;
const toParams = (v: readonly number[]): BgNbdParams => ({
  r: Math.exp(v[0]!),
  alpha: Math.exp(v[1]!),
  a: Math.exp(v[2]!),
  b: Math.exp(v[3]!),
});
const toVector = (p: BgNbdParams): number[] => KEYS.map((k) => p[k]);

/** A start that fits the time unit: r = 1 and α matching the observed purchase rate, a = 1, b = 3. */
const defaultStart = (data: BgNbdData): BgNbdParams => {
  let purchases = 0;
  let exposure = 0;
  for (let k = 0; k < data.rowX.length; k++) {
    purchases += data.rowCount[k]! * data.xs[data.rowX[k]!]!;
    exposure += data.rowCount[k]! * data.times[data.rowT[k]!]!;
  }
  for (let k = 0; k < data.zeroT.length; k++) exposure += data.zeroCount[k]! * data.times[data.zeroT[k]!]!;
  const alpha = purchases > 0 && exposure > 0 ? exposure / purchases : Math.max(exposure / data.customers, 1);
  return { r: 1, alpha: Math.min(Math.max(alpha, 1e-3), 1e5), a: 1, b: 3 };
};

/**
 * Maximum-likelihood fit on grouped RFM rows: BFGS on log-parameters with the analytic gradient,
 * falling back to Nelder–Mead (then BFGS again to polish) if BFGS stalls. Standard errors come from
 * the inverse observed information (central differences of the analytic gradient, original scale);
 * null when that Hessian is not positive definite. Without repeat buyers the likelihood has no maximum
 * (r → 0): the fit then reports converged = false.
 */
export const fitBgNbd = (rows: readonly RfmGroup[], start?: BgNbdParams): BgNbdFit => {
  const data = prepareBgNbd(rows);
  const n = data.customers;
  if (n === 0) throw new RangeError('fitBgNbd needs at least one customer');
  const origin = start ?? defaultStart(data);
  if (!KEYS.every((k) => origin[k] > 0)) throw new RangeError('fitBgNbd: start parameters must be positive');
  // Per-customer mean keeps the objective's scale (and so the tolerances) independent of n.
  const fg = (v: readonly number[]) => {
    const p = toParams(v);
    const { logLikelihood, gradient } = evaluateBgNbd(p, data);
    return { value: -logLikelihood / n, gradient: KEYS.map((k) => (-gradient[k] * p[k]) / n) };
  };
  const bounds = { lower: KEYS.map(() => -LOG_BOUND), upper: KEYS.map(() => LOG_BOUND) };
  const theta0 = toVector(origin).map((v) => Math.min(LOG_BOUND, Math.max(-LOG_BOUND, Math.log(v))));
  let result = minimizeBfgs(fg, theta0, bounds);
  let iterations = result.iterations;
  if (!result.converged) {
    const simplex = minimize((v) => fg(v).value, result.x, { ...bounds, restarts: 10 });
    result = minimizeBfgs(fg, simplex.x, bounds);
    iterations += simplex.iterations + result.iterations;
  }
  const params = toParams(result.x);
  const atBound = result.x.some((v) => Math.abs(v) >= LOG_BOUND - 1e-9);
  const repeatBuyers = data.rowX.length > 0;
  return {
    ...params,
    logLikelihood: evaluateBgNbd(params, data, false).logLikelihood,
    standardErrors: atBound || !repeatBuyers ? null : bgNbdStandardErrors(params, data),
    iterations,
    converged: result.converged && !atBound && repeatBuyers,
  };
};

export type BgNbdStandardErrors = BgNbdParams;

/** √diag of the inverse Hessian of −LL at p (original parameter scale), or null if not positive definite. */
export const bgNbdStandardErrors = (p: BgNbdParams, data: BgNbdData): BgNbdStandardErrors | null => {
  const negGradient = (v: readonly number[]) => {
    const { gradient } = evaluateBgNbd({ r: v[0]!, alpha: v[1]!, a: v[2]!, b: v[3]! }, data);
    return KEYS.map((k) => -gradient[k]);
  };
  const negLogLikelihood = (v: readonly number[]) =>
    -evaluateBgNbd({ r: v[0]!, alpha: v[1]!, a: v[2]!, b: v[3]! }, data, false).logLikelihood;
  const H = numericHessian(negLogLikelihood, toVector(p), { gradient: negGradient });
  const se = standardErrorsFromHessian(H);
  return se ? { r: se[0]!, alpha: se[1]!, a: se[2]!, b: se[3]! } : null;
};

/** P(customer still alive at T | x, t_x, T) (FHL 2005 eq. 11; the "P(alive)" note). */
export const pAlive = (p: BgNbdParams, x: number, tx: number, T: number): number => {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
};

/**
 * 1 − ((α+T)/(α+T+t))^{r+x} · 2F1(r+x, b+x; a+b+x−1; z), z = t/(α+T+t): the bracket of FHL 2005
 * eq. 10. Euler's transformation turns the product into (1−z)^{a−1} · 2F1(a+b−1−r, a−1; a+b+x−1; z),
 * whose series needs a handful of terms even for hundreds of purchases (the original one needs O(x)
 * terms of astronomic size); expm1 keeps short horizons precise.
 */
const bracket = (p: BgNbdParams, t: number, x: number, T: number): number => {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  if (c > 0) {
    const f = hyp2F1(a + b - 1 - r, a - 1, c, z);
    if (f > 0) return -Math.expm1((a - 1) * Math.log1p(-z) + Math.log(f));
  }
  // a + b < 1 with x = 0 (c ≤ 0): the general log-space series on the original form.
  return -Math.expm1((r + x) * Math.log1p(-z) + logHyp2F1(r + x, b + x, c, z));
};

/** E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T + t] (FHL 2005 eq. 10). */
export const expectedPurchases = (p: BgNbdParams, t: number, x: number, tx: number, T: number): number => {
  if (t <= 0) return 0;
  const { a, b } = p;
  if (a === 1) throw new RangeError('expectedPurchases: a = 1 is a removable singularity; perturb a');
  return ((a + b + x - 1) / (a - 1)) * bracket(p, t, x, T) * pAlive(p, x, tx, T);
};

/** E[X(t)]: expected repeat purchases in (0, t] for a newly acquired customer (FHL 2005 eq. 9). */
export const expectedPurchasesNew = (p: BgNbdParams, t: number): number => {
  if (t <= 0) return 0;
  const { a, b } = p;
  if (a === 1) throw new RangeError('expectedPurchasesNew: a = 1 is a removable singularity; perturb a');
  return ((a + b - 1) / (a - 1)) * bracket(p, t, 0, 0);
};

let scratch = new Float64Array(48);

/**
 * E[Y(t) | x, T, alive at T] for every t of an ascending `times`, so that E[Y(t) | x, t_x, T] is this
 * times pAlive. One pass over the Euler-transformed series serves all horizons: its coefficients do not
 * depend on z, only the powers do (the CLV scorer asks for 12 or more horizons per customer).
 */
export const expectedPurchasesGivenAliveBgNbd = (
  p: BgNbdParams,
  times: ArrayLike<number>,
  x: number,
  T: number,
): Float64Array => {
  const { r, alpha, a, b } = p;
  if (a === 1) throw new RangeError('expectedPurchases: a = 1 is a removable singularity; perturb a');
  const m = times.length;
  const out = new Float64Array(m);
  const front = (a + b + x - 1) / (a - 1);
  const c = a + b + x - 1;
  if (!(c > 0)) {
    for (let k = 0; k < m; k++) out[k] = times[k]! > 0 ? front * bracket(p, times[k]!, x, T) : 0;
    return out;
  }
  const A = a + b - 1 - r;
  const B = a - 1;
  if (scratch.length < 3 * m) scratch = new Float64Array(3 * m);
  // z, its powers and the partial sums side by side in one scratch array (no allocation per call).
  const w = scratch;
  let zMax = 0;
  for (let k = 0; k < m; k++) {
    const t = Math.max(times[k]!, 0);
    const zk = t / (alpha + T + t);
    w[3 * k] = zk;
    w[3 * k + 1] = 1;
    w[3 * k + 2] = 0; // the series minus its leading 1, so short horizons keep their precision
    if (zk > zMax) zMax = zk;
  }
  let coefficient = 1;
  let powerMax = 1;
  for (let n = 1; n <= 1_000_000 && zMax > 0; n++) {
    const ratio = ((A + n - 1) * (B + n - 1)) / ((c + n - 1) * n);
    coefficient *= ratio;
    powerMax *= zMax;
    for (let k = 0; k < 3 * m; k += 3) {
      const power = w[k + 1]! * w[k]!;
      w[k + 1] = power;
      w[k + 2]! += coefficient * power;
    }
    const termMax = Math.abs(coefficient) * powerMax;
    if (termMax <= 1e-16) {
      // Same geometric tail bound as hyp2F1, against the smallest of the sums.
      const q = Math.max(Math.abs(ratio) * zMax, zMax);
      let smallest = Number.POSITIVE_INFINITY;
      for (let k = 0; k < m; k++) smallest = Math.min(smallest, Math.abs(1 + w[3 * k + 2]!));
      if (coefficient === 0 || (q < 1 && termMax * q <= 1e-16 * (1 - q) * smallest)) break;
    }
  }
  for (let k = 0; k < m; k++) {
    const zk = w[3 * k]!;
    if (!(zk > 0)) continue;
    // 1 − (1−z)^{a−1}(1 + S) = −[((1−z)^{a−1} − 1) + (1−z)^{a−1} S]
    const em = Math.expm1((a - 1) * Math.log1p(-zk));
    const value = -(em + (1 + em) * w[3 * k + 2]!);
    out[k] = value > 0 ? front * value : front * bracket(p, times[k]!, x, T);
  }
  return out;
};
