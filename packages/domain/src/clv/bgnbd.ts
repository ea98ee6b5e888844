// BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way").
import type { RfmGroup } from './rfm.ts';
import { logAddExp, logGamma, logHyp2F1, minimize } from './special.ts';

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };
export type BgNbdFit = BgNbdParams & { logLikelihood: number };

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
export const bgNbdLogLikelihood = (p: BgNbdParams, rows: readonly RfmGroup[]): number => {
  let sum = 0;
  for (const row of rows) sum += row.count * bgNbdLogLikelihoodOne(p, row.x, row.tx, row.T);
  return sum;
};

// Search in log-parameters; the bounds keep the optimiser away from degenerate corners.
const LOG_BOUND = 15;

/** Maximum-likelihood fit on grouped RFM rows (Nelder–Mead on log-parameters, with restarts). */
export const fitBgNbd = (
  rows: readonly RfmGroup[],
  start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 },
): BgNbdFit => {
  const n = rows.reduce((sum, row) => sum + row.count, 0);
  if (n === 0) throw new RangeError('fitBgNbd needs at least one customer');
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  // Per-customer mean keeps the objective's scale (and so the tolerances) independent of n.
  const objective = (v: readonly number[]): number => -bgNbdLogLikelihood(toParams(v), rows) / n;
  const start4 = [start.r, start.alpha, start.a, start.b].map(Math.log);
  const result = minimize(objective, start4, {
    lower: [-LOG_BOUND, -LOG_BOUND, -LOG_BOUND, -LOG_BOUND],
    upper: [LOG_BOUND, LOG_BOUND, LOG_BOUND, LOG_BOUND],
    restarts: 10,
  });
  const params = toParams(result.x);
  return { ...params, logLikelihood: bgNbdLogLikelihood(params, rows) };
};

/** P(customer still alive at T | x, t_x, T) (FHL 2005 eq. 11; the "P(alive)" note). */
export const pAlive = (p: BgNbdParams, x: number, tx: number, T: number): number => {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
};

/**
 * E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T + t] (FHL 2005 eq. 10).
 * The bracket 1 − (..)^{r+x}·2F1 is computed with expm1 so short horizons keep their precision.
 */
export const expectedPurchases = (p: BgNbdParams, t: number, x: number, tx: number, T: number): number => {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  if (a === 1) throw new RangeError('expectedPurchases: a = 1 is a removable singularity; perturb a');
  const z = t / (alpha + T + t);
  const logProduct =
    (r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)) + logHyp2F1(r + x, b + x, a + b + x - 1, z);
  const bracket = -Math.expm1(logProduct);
  const front = (a + b + x - 1) / (a - 1);
  return front * bracket * pAlive(p, x, tx, T);
};

/** E[X(t)]: expected repeat purchases in (0, t] for a newly acquired customer (FHL 2005 eq. 9). */
export const expectedPurchasesNew = (p: BgNbdParams, t: number): number => {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  if (a === 1) throw new RangeError('expectedPurchasesNew: a = 1 is a removable singularity; perturb a');
  const logProduct =
    r * (Math.log(alpha) - Math.log(alpha + t)) + logHyp2F1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * -Math.expm1(logProduct);
};
