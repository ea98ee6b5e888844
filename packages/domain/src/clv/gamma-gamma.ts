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
  { p, q, gamma }: GammaGammaParams,
  rows: readonly SpendRow[],
): { logLikelihood: number; gradient: GammaGammaParams } => {
  const psiQ = digamma(q);
  const lgQ = logGamma(q);
  const logGammaScale = Math.log(gamma);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (const { x, m } of rows) {
    const px = p * x;
    const logM = Math.log(m);
    const logX = Math.log(x);
    const logGm = Math.log(gamma + m * x);
    const psiPxQ = digamma(px + q);
    ll +=
      logGamma(px + q) -
      logGamma(px) -
      lgQ +
      q * logGammaScale +
      (px - 1) * logM +
      px * logX -
      (px + q) * logGm;
    gp += x * (psiPxQ - digamma(px) + logM + logX - logGm);
    gq += psiPxQ - psiQ + logGammaScale - logGm;
    gg += q / gamma - (px + q) / (gamma + m * x);
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
  const fg = (v: readonly number[]) => {
    const params = toParams(v);
    const { logLikelihood, gradient } = gammaGammaValueAndGradient(params, data);
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
    logLikelihood: gammaGammaLogLikelihood(params, data),
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
