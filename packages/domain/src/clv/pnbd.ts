// Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the form of Fader, Hardie & Lee (2005),
// "A Note on Deriving the Pareto/NBD Model and Related Expressions": purchases at rate λ ~ Gamma(r, α)
// while alive, an exponential lifetime with rate μ ~ Gamma(s, β).
import { type GroupedRows, prepareGroups } from './grouped.ts';
import { evaluateParetoNbdWithGradient } from './pnbd-gradient.ts';
import { evaluateParetoNbd, type ParetoNbdParams, paretoNbdLogA0 } from './pnbd-likelihood.ts';
import type { RfmGroup } from './rfm.ts';
import { minimize, minimizeBfgs, numericHessian, standardErrorsFromHessian } from './special.ts';

export { evaluateParetoNbdWithGradient, type ParetoNbdEvaluation } from './pnbd-gradient.ts';
export {
  evaluateParetoNbd,
  type ParetoNbdParams,
  paretoNbdLogA0,
  paretoNbdLogLikelihoodOne,
} from './pnbd-likelihood.ts';

export type ParetoNbdStandardErrors = ParetoNbdParams;
export type ParetoNbdFit = ParetoNbdParams & {
  logLikelihood: number;
  standardErrors: ParetoNbdStandardErrors | null;
  iterations: number;
  converged: boolean;
};

/** Total log-likelihood over grouped rows. */
export const paretoNbdLogLikelihood = (p: ParetoNbdParams, rows: readonly RfmGroup[]): number =>
  evaluateParetoNbd(p, prepareGroups(rows));

const LOG_BOUND = 15;
/**
 * The shapes r and s are bounded lower than the scales: as the data lose heterogeneity the optimum
 * runs off along a ridge (s, β → ∞ with s/β fixed) where every 2F1 series needs O(s) terms and an
 * unbounded fit would not finish. Past e^5 ≈ 150 the mixing distribution is nearly a point mass
 * (coefficient of variation 1/√s ≈ 8 %), so the bounded optimum predicts about the same; the fit then
 * reports converged = false.
 */
const SHAPE_BOUND = 5;
const KEYS = ['r', 'alpha', 's', 'beta'] as const;
const UPPER = [SHAPE_BOUND, LOG_BOUND, SHAPE_BOUND, LOG_BOUND];
const toParams = (v: readonly number[]): ParetoNbdParams => ({
  r: Math.exp(v[0]!),
  alpha: Math.exp(v[1]!),
  s: Math.exp(v[2]!),
  beta: Math.exp(v[3]!),
});

/** r = 1 and α matching the observed purchase rate; s = 1 and β = mean T (a lifetime of about T). */
const defaultStart = (data: GroupedRows): ParetoNbdParams => {
  let purchases = 0;
  let exposure = 0;
  for (let k = 0; k < data.rowX.length; k++) {
    purchases += data.rowCount[k]! * data.xs[data.rowX[k]!]!;
    exposure += data.rowCount[k]! * data.times[data.rowT[k]!]!;
  }
  for (let k = 0; k < data.zeroT.length; k++) exposure += data.zeroCount[k]! * data.times[data.zeroT[k]!]!;
  const meanT = Math.min(Math.max(exposure / data.customers, 1e-3), 1e5);
  const alpha = purchases > 0 ? exposure / purchases : meanT;
  return { r: 1, alpha: Math.min(Math.max(alpha, 1e-3), 1e5), s: 1, beta: meanT };
};

/**
 * Maximum-likelihood fit on grouped rows: BFGS on log-parameters with the analytic gradient
 * (pnbd-gradient.ts), Nelder–Mead then BFGS again if that stalls. Standard errors from the inverse
 * Hessian of −LL in the original parameters (central differences of the gradient); null when it is
 * not positive definite. Without repeat buyers the likelihood has no maximum (r → 0): the fit then
 * reports converged = false.
 */
export const fitParetoNbd = (rows: readonly RfmGroup[], start?: ParetoNbdParams): ParetoNbdFit => {
  const data = prepareGroups(rows);
  const n = data.customers;
  if (n === 0) throw new RangeError('fitParetoNbd needs at least one customer');
  const origin = start ?? defaultStart(data);
  if (!KEYS.every((k) => origin[k] > 0))
    throw new RangeError('fitParetoNbd: start parameters must be positive');
  const value = (v: readonly number[]): number => {
    try {
      const f = -evaluateParetoNbd(toParams(v), data) / n;
      return Number.isNaN(f) ? Number.POSITIVE_INFINITY : f;
    } catch (error) {
      // 2F1 arguments within ~1e-5 of 1 (α/β or β/α in the tens of thousands): out of reach, not optimal.
      if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
      throw error;
    }
  };
  const fg = (v: readonly number[]) => {
    const p = toParams(v);
    try {
      const { logLikelihood, gradient } = evaluateParetoNbdWithGradient(p, data);
      return { value: -logLikelihood / n, gradient: KEYS.map((k) => (-gradient[k] * p[k]) / n) };
    } catch (error) {
      if (error instanceof RangeError)
        return { value: Number.POSITIVE_INFINITY, gradient: KEYS.map(() => 0) };
      throw error;
    }
  };
  const options = { lower: KEYS.map(() => -LOG_BOUND), upper: UPPER, maxIterations: 200 };
  const theta0 = KEYS.map((k, i) => Math.min(UPPER[i]!, Math.max(-LOG_BOUND, Math.log(origin[k]))));
  const onBound = (x: readonly number[]) => x.some((v, i) => v <= -LOG_BOUND + 1e-4 || v >= UPPER[i]! - 1e-4);
  let result = minimizeBfgs(fg, theta0, options);
  let iterations = result.iterations;
  // Stopped against a bound, the optimum lies beyond it (see SHAPE_BOUND): a simplex search would
  // only walk the same ridge again.
  if (!result.converged && !onBound(result.x)) {
    // A bounded amount of work: each evaluation can be costly near the bounds.
    const simplex = minimize(value, result.x, { ...options, restarts: 2, maxIterations: 1500 });
    result = minimizeBfgs(fg, simplex.x, options);
    iterations += simplex.iterations + result.iterations;
  }
  const params = toParams(result.x);
  const atBound = onBound(result.x);
  const repeatBuyers = data.rowX.length > 0;
  return {
    ...params,
    logLikelihood: evaluateParetoNbd(params, data),
    standardErrors: atBound || !repeatBuyers ? null : paretoNbdStandardErrors(params, data),
    iterations,
    converged: result.converged && !atBound && repeatBuyers,
  };
};

/** √diag of the inverse Hessian of −LL at p (central differences of the gradient), or null. */
export const paretoNbdStandardErrors = (
  p: ParetoNbdParams,
  data: GroupedRows,
): ParetoNbdStandardErrors | null => {
  const at = (v: readonly number[]) => ({ r: v[0]!, alpha: v[1]!, s: v[2]!, beta: v[3]! });
  const negGradient = (v: readonly number[]) => {
    const { gradient } = evaluateParetoNbdWithGradient(at(v), data);
    return KEYS.map((k) => -gradient[k]);
  };
  const H = numericHessian((v) => -evaluateParetoNbd(at(v), data), [p.r, p.alpha, p.s, p.beta], {
    gradient: negGradient,
  });
  const se = standardErrorsFromHessian(H);
  return se ? { r: se[0]!, alpha: se[1]!, s: se[2]!, beta: se[3]! } : null;
};

/** P(alive at T | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^{r+x} (β+T)^s · A0). */
export const pAliveParetoNbd = (p: ParetoNbdParams, x: number, tx: number, T: number): number => {
  const { r, alpha, s, beta } = p;
  const logOdds =
    Math.log(s / (r + s + x)) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    paretoNbdLogA0(p, x, tx, T);
  return 1 / (1 + Math.exp(logOdds));
};

/** (1 − e^{(s−1)u}) / (s − 1), continuous through s = 1 where it is −u; expm1 only where it matters. */
const powerIntegral = (sMinus1: number, u: number): number => {
  if (sMinus1 === 0) return -u;
  const v = sMinus1 * u;
  return (v > -0.5 && v < 0.5 ? -Math.expm1(v) : 1 - Math.exp(v)) / sMinus1;
};

/**
 * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}] · P(alive)
 * (the note's conditional expectation); at s = 1 the bracket over (s − 1) is its limit ln((β+T+t)/(β+T)).
 */
export const expectedPurchasesParetoNbd = (
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number => {
  if (t <= 0) return 0;
  return expectedPurchasesGivenAliveParetoNbd(p, t, x, T) * pAliveParetoNbd(p, x, tx, T);
};

/** The conditional expectation without its P(alive) factor (shared by the CLV scorer). */
export const expectedPurchasesGivenAliveParetoNbd = (
  p: ParetoNbdParams,
  t: number,
  x: number,
  T: number,
): number => {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  return (((r + x) * (beta + T)) / (alpha + T)) * powerIntegral(s - 1, -Math.log1p(t / (beta + T)));
};

/** expectedPurchasesGivenAliveParetoNbd at every t of `times`. */
export const expectedPurchasesGivenAliveCurveParetoNbd = (
  p: ParetoNbdParams,
  times: ArrayLike<number>,
  x: number,
  T: number,
): Float64Array => {
  const { r, alpha, s, beta } = p;
  const front = ((r + x) * (beta + T)) / (alpha + T);
  const out = new Float64Array(times.length);
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    out[k] = t > 0 ? front * powerIntegral(s - 1, -Math.log1p(t / (beta + T))) : 0;
  }
  return out;
};

/** E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^{s−1}] for a new customer. */
export const expectedPurchasesNewParetoNbd = (p: ParetoNbdParams, t: number): number =>
  expectedPurchasesGivenAliveParetoNbd(p, t, 0, 0);
