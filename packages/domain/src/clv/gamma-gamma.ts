// Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of Monetary Value", 2013):
// a customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
import {
  digamma,
  logGamma,
  minimize,
  minimizeBfgs,
  numericHessian,
  standardErrorsFromHessian,
} from './special.ts';

export type GammaGammaParams = { p: number; q: number; gamma: number };
export type GammaGammaFit = GammaGammaParams & {
  logLikelihood: number;
  customers: number;
  standardErrors: GammaGammaParams | null;
  iterations: number;
  converged: boolean;
};
/** x: number of repeat transactions; m: their mean value. Only customers with x > 0 carry information. */
export type SpendRow = { x: number; m: number };

/** One customer's log-likelihood of observing mean spend m over x transactions (the note's eq. 5). */
export const gammaGammaLogLikelihoodOne = (
  { p, q, gamma }: GammaGammaParams,
  x: number,
  m: number,
): number => {
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  );
};

const usable = (rows: readonly SpendRow[]): SpendRow[] => rows.filter((row) => row.x > 0 && row.m > 0);

export const gammaGammaLogLikelihood = (params: GammaGammaParams, rows: readonly SpendRow[]): number => {
  let sum = 0;
  for (const row of usable(rows)) sum += gammaGammaLogLikelihoodOne(params, row.x, row.m);
  return sum;
};

/**
 * Log-likelihood and its gradient in (p, q, γ), summed over usable rows:
 * ∂/∂p = x[ψ(px+q) − ψ(px) + ln m + ln x − ln(γ+mx)], ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+mx),
 * ∂/∂γ = q/γ − (px+q)/(γ+mx).
 */
export const gammaGammaValueAndGradient = (
  params: GammaGammaParams,
  rows: readonly SpendRow[],
): { logLikelihood: number; gradient: GammaGammaParams } => evaluateGammaGamma(params, prepareSpend(rows));

/** Rows grouped by x (few distinct values) with ln m computed once: what every evaluation reuses. */
export type SpendData = {
  xs: Float64Array;
  counts: Float64Array;
  rowX: Int32Array;
  m: Float64Array;
  logM: Float64Array;
  /** Number of rows. */
  n: number;
};

export const prepareSpend = (rows: readonly SpendRow[]): SpendData => {
  const index = new Map<number, number>();
  const xs: number[] = [];
  const counts: number[] = [];
  const rowX = new Int32Array(rows.length);
  const m = new Float64Array(rows.length);
  const logM = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    let k = index.get(row.x);
    if (k === undefined) {
      k = xs.length;
      index.set(row.x, k);
      xs.push(row.x);
      counts.push(0);
    }
    counts[k]!++;
    rowX[i] = k;
    m[i] = row.m;
    logM[i] = Math.log(row.m);
  });
  return { xs: Float64Array.from(xs), counts: Float64Array.from(counts), rowX, m, logM, n: rows.length };
};

/**
 * Log-likelihood and gradient on prepared rows: the lnΓ and ψ terms depend on x only and are
 * summed once per distinct x; each row costs one logarithm and one division.
 */
export const evaluateGammaGamma = (
  { p, q, gamma }: GammaGammaParams,
  d: SpendData,
): { logLikelihood: number; gradient: GammaGammaParams } => {
  const lgQ = logGamma(q);
  const psiQ = digamma(q);
  const logGammaScale = Math.log(gamma);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  for (let k = 0; k < d.xs.length; k++) {
    const x = d.xs[k]!;
    const c = d.counts[k]!;
    const px = p * x;
    const logX = Math.log(x);
    const psiPxQ = digamma(px + q);
    ll += c * (logGamma(px + q) - logGamma(px) - lgQ + q * logGammaScale + px * logX);
    gp += c * x * (psiPxQ - digamma(px) + logX);
    gq += c * (psiPxQ - psiQ + logGammaScale);
  }
  let gg = (d.n * q) / gamma;
  for (let i = 0; i < d.n; i++) {
    const x = d.xs[d.rowX[i]!]!;
    const px = p * x;
    const mx = d.m[i]! * x;
    const logGm = Math.log(gamma + mx);
    const logM = d.logM[i]!;
    ll += (px - 1) * logM - (px + q) * logGm;
    gp += x * (logM - logGm);
    gq -= logGm;
    gg -= (px + q) / (gamma + mx);
  }
  return { logLikelihood: ll, gradient: { p: gp, q: gq, gamma: gg } };
};

const LOG_BOUND = 15;
const KEYS = ['p', 'q', 'gamma'] as const;

/**
 * Maximum-likelihood fit on customers with x > 0 and a positive mean spend (others are ignored):
 * BFGS on log-parameters with the analytic gradient (Nelder–Mead, then BFGS again, if it stalls);
 * standard errors from the inverse observed information, null if that is not positive definite.
 */
export const fitGammaGamma = (
  rows: readonly SpendRow[],
  start: GammaGammaParams = { p: 1, q: 1, gamma: 1 },
): GammaGammaFit => {
  const data = usable(rows);
  if (data.length === 0) throw new RangeError('fitGammaGamma needs customers with repeat purchases');
  const n = data.length;
  const toParams = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0]!),
    q: Math.exp(v[1]!),
    gamma: Math.exp(v[2]!),
  });
  const prepared = prepareSpend(data);
  const fg = (v: readonly number[]) => {
    const params = toParams(v);
    const { logLikelihood, gradient } = evaluateGammaGamma(params, prepared);
    return { value: -logLikelihood / n, gradient: KEYS.map((k) => (-gradient[k] * params[k]) / n) };
  };
  const bounds = { lower: KEYS.map(() => -LOG_BOUND), upper: KEYS.map(() => LOG_BOUND) };
  let result = minimizeBfgs(
    fg,
    KEYS.map((k) => Math.log(start[k])),
    bounds,
  );
  let iterations = result.iterations;
  if (!result.converged) {
    const simplex = minimize((v) => fg(v).value, result.x, { ...bounds, restarts: 10 });
    result = minimizeBfgs(fg, simplex.x, bounds);
    iterations += simplex.iterations + result.iterations;
  }
  const params = toParams(result.x);
  const atBound = result.x.some((v) => Math.abs(v) >= LOG_BOUND - 1e-9);
  return {
    ...params,
    logLikelihood: evaluateGammaGamma(params, prepared).logLikelihood,
    customers: n,
    standardErrors: atBound ? null : gammaGammaStandardErrors(params, data),
    iterations,
    converged: result.converged && !atBound,
  };
};

/** √diag of the inverse Hessian of −LL at the given parameters (original scale), or null. */
export const gammaGammaStandardErrors = (
  params: GammaGammaParams,
  rows: readonly SpendRow[],
): GammaGammaParams | null => {
  const data = usable(rows);
  const at = (v: readonly number[]): GammaGammaParams => ({ p: v[0]!, q: v[1]!, gamma: v[2]! });
  const H = numericHessian(
    (v) => -gammaGammaLogLikelihood(at(v), data),
    KEYS.map((k) => params[k]),
    {
      gradient: (v) => {
        const { gradient } = gammaGammaValueAndGradient(at(v), data);
        return KEYS.map((k) => -gradient[k]);
      },
    },
  );
  const se = standardErrorsFromHessian(H);
  return se ? { p: se[0]!, q: se[1]!, gamma: se[2]! } : null;
};

/**
 * E[mean spend | x, m]: a weighted average of the population mean γp/(q−1) and the customer's own
 * mean m, with weight px/(px+q−1) on m. Needs q > 1 for a finite population mean.
 */
export const expectedAverageSpend = ({ p, q, gamma }: GammaGammaParams, x: number, m: number): number => {
  if (!(q > 1)) throw new RangeError('expectedAverageSpend needs q > 1');
  if (x === 0) return (gamma * p) / (q - 1);
  return (p * (gamma + m * x)) / (p * x + q - 1);
};
