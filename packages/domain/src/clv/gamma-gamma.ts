// Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of Monetary Value", 2013):
// a customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
import { logGamma, minimize } from './special.ts';

export type GammaGammaParams = { p: number; q: number; gamma: number };
export type GammaGammaFit = GammaGammaParams & { logLikelihood: number; customers: number };
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

const LOG_BOUND = 15;

/** Maximum-likelihood fit on customers with x > 0 and a positive mean spend (others are ignored). */
export const fitGammaGamma = (
  rows: readonly SpendRow[],
  start: GammaGammaParams = { p: 1, q: 1, gamma: 1 },
): GammaGammaFit => {
  const data = usable(rows);
  if (data.length === 0) throw new RangeError('fitGammaGamma needs customers with repeat purchases');
  const toParams = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0]!),
    q: Math.exp(v[1]!),
    gamma: Math.exp(v[2]!),
  });
  const objective = (v: readonly number[]): number =>
    -gammaGammaLogLikelihood(toParams(v), data) / data.length;
  const result = minimize(objective, [start.p, start.q, start.gamma].map(Math.log), {
    lower: [-LOG_BOUND, -LOG_BOUND, -LOG_BOUND],
    upper: [LOG_BOUND, LOG_BOUND, LOG_BOUND],
    restarts: 10,
  });
  const params = toParams(result.x);
  return { ...params, logLikelihood: gammaGammaLogLikelihood(params, data), customers: data.length };
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
