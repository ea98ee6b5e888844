// BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way").
import { type BgNbdData, type BgNbdParams, evaluateBgNbd, prepareBgNbd } from './bgnbd-likelihood.ts';
import type { RfmGroup } from './rfm.ts';
import {
  logAddExp,
  logGamma,
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
export {
  expectedPurchases,
  expectedPurchasesGivenAliveBgNbd,
  expectedPurchasesNew,
  pAlive,
} from './bgnbd-predict.ts';

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
