import { describe, expect, it } from 'vitest';
import { prepareGroups } from './grouped.ts';
import {
  evaluateParetoNbd,
  evaluateParetoNbdWithGradient,
  expectedPurchasesNewParetoNbd,
  expectedPurchasesParetoNbd,
  fitParetoNbd,
  type ParetoNbdParams,
  pAliveParetoNbd,
  paretoNbdLogLikelihood,
  paretoNbdLogLikelihoodOne,
} from './pnbd.ts';
import { groupRfm } from './rfm.ts';
import { simulateBgNbd, simulateParetoNbd } from './simulate.ts';
import { logGamma, logHyp2F1 } from './special.ts';

// BTYD's CDNOW estimates.
const cdnow: ParetoNbdParams = { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.66 };
const flipped: ParetoNbdParams = { r: 0.5534, alpha: 11.66, s: 0.6061, beta: 3.2 }; // the α ≥ β branch

const simpson = (f: (u: number) => number, lo: number, hi: number, n = 20_000): number => {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
};

describe('paretoNbdLogLikelihoodOne', () => {
  it('equals the integral form: survival to T plus death in (t_x, T]', () => {
    // L = Γ(r+x)α^r/Γ(r) · [ (α+T)^−(r+x) (β/(β+T))^s + ∫_{t_x}^T (α+τ)^−(r+x) sβ^s (β+τ)^−(s+1) dτ ]
    for (const p of [cdnow, flipped]) {
      for (const [x, tx, T] of [
        [0, 0, 30],
        [2, 20.5, 38],
        [7, 35, 39],
      ] as const) {
        const { r, alpha, s, beta } = p;
        const front = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        const die = simpson((u) => (alpha + u) ** -(r + x) * s * beta ** s * (beta + u) ** -(s + 1), tx, T);
        const survive = (alpha + T) ** -(r + x) * (beta / (beta + T)) ** s;
        expect(paretoNbdLogLikelihoodOne(p, x, tx, T)).toBeCloseTo(front + Math.log(survive + die), 10);
      }
    }
  });

  it('equals the note’s A0 on the untransformed 2F1 (both branches)', () => {
    const [x, tx, T] = [3, 12.5, 39];
    for (const p of [cdnow, flipped]) {
      const { r, alpha, s, beta } = p;
      const rsx = r + s + x;
      const m = Math.max(alpha, beta);
      const bParam = alpha >= beta ? s + 1 : r + x;
      const term = (t: number) =>
        Math.exp(logHyp2F1(rsx, bParam, rsx + 1, Math.abs(alpha - beta) / (m + t))) / (m + t) ** rsx;
      const A0 = term(tx) - term(T);
      const L =
        Math.exp(logGamma(r + x) - logGamma(r)) *
        alpha ** r *
        beta ** s *
        ((alpha + T) ** -(r + x) * (beta + T) ** -s + (s / rsx) * A0);
      expect(paretoNbdLogLikelihoodOne(p, x, tx, T)).toBeCloseTo(Math.log(L), 10);
    }
  });

  it('stays finite for heavy buyers and long histories, and is −∞-free when t_x = T', () => {
    for (const p of [cdnow, flipped]) {
      for (const [x, tx, T] of [
        [500, 51.9, 52],
        [500, 10, 52],
        [2000, 4999, 5000],
        [3, 52, 52],
      ] as const) {
        expect(Number.isFinite(paretoNbdLogLikelihoodOne(p, x, tx, T))).toBe(true);
        const alive = pAliveParetoNbd(p, x, tx, T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(Number.isFinite(expectedPurchasesParetoNbd(p, 52, x, tx, T))).toBe(true);
      }
    }
    expect(pAliveParetoNbd(cdnow, 3, 52, 52)).toBe(1);
  });

  it('sums grouped rows with their counts', () => {
    const rows = [
      { x: 0, tx: 0, T: 30, count: 3 },
      { x: 2, tx: 20, T: 38, count: 2 },
    ];
    const expected =
      3 * paretoNbdLogLikelihoodOne(cdnow, 0, 0, 30) + 2 * paretoNbdLogLikelihoodOne(cdnow, 2, 20, 38);
    expect(paretoNbdLogLikelihood(cdnow, rows)).toBeCloseTo(expected, 9);
  });
});

describe('evaluateParetoNbdWithGradient', () => {
  const day = (v: number) => Math.round(v * 7) / 7;
  const sims = simulateParetoNbd({ r: 0.8, alpha: 5, s: 0.8, beta: 15 }, 2000, {
    seed: 2,
    minT: 10,
    maxT: 80,
  });
  const rows = groupRfm(sims.map((c) => ({ frequency: c.x, recency: day(c.tx), T: day(c.T) })));
  rows.push({ x: 3, tx: 40, T: 40, count: 2 }); // t_x = T: no death term
  const data = prepareGroups(rows);

  it('has the log-likelihood of evaluateParetoNbd and a gradient matching central differences', () => {
    // α < β, α > β, α = β
    for (const p of [
      { r: 0.8, alpha: 5, s: 0.8, beta: 15 },
      { r: 0.55, alpha: 12, s: 1.7, beta: 3 },
      { ...cdnow, beta: cdnow.alpha },
    ]) {
      const { logLikelihood, gradient } = evaluateParetoNbdWithGradient(p, data);
      expect(logLikelihood).toBeCloseTo(evaluateParetoNbd(p, data), 8);
      for (const key of ['r', 'alpha', 's', 'beta'] as const) {
        const h = 1e-5 * p[key];
        const at = (v: number) => evaluateParetoNbd({ ...p, [key]: v }, data);
        const fd = (at(p[key] + h) - at(p[key] - h)) / (2 * h);
        expect(Math.abs(gradient[key] - fd), key).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
      }
    }
  });
});

describe('Pareto/NBD predictions', () => {
  it('conditional expectation = P(alive) · E[λ | ·] · ∫_0^t ((β+T)/(β+T+u))^s du', () => {
    for (const s of [0.6061, 1, 2.5]) {
      const p = { ...cdnow, s };
      const [x, tx, T, t] = [4, 30, 39, 52];
      const integral = simpson((u) => ((p.beta + T) / (p.beta + T + u)) ** s, 0, t);
      const expected = pAliveParetoNbd(p, x, tx, T) * ((p.r + x) / (p.alpha + T)) * integral;
      expect(expectedPurchasesParetoNbd(p, t, x, tx, T)).toBeCloseTo(expected, 10);
    }
  });

  it('is continuous through s = 1', () => {
    const at = (s: number) => expectedPurchasesNewParetoNbd({ ...cdnow, s }, 52);
    expect(at(1 - 1e-9)).toBeCloseTo(at(1), 7);
    expect(at(1 + 1e-9)).toBeCloseTo(at(1), 7);
  });

  it('agrees with the simulated mean for new customers', () => {
    const p = { r: 0.8, alpha: 5, s: 0.8, beta: 15 };
    const sims = simulateParetoNbd(p, 40_000, { seed: 5, minT: 52, maxT: 52 });
    const mean = sims.reduce((sum, c) => sum + c.x, 0) / sims.length;
    expect(mean / expectedPurchasesNewParetoNbd(p, 52)).toBeCloseTo(1, 1);
  });

  it('P(alive) falls with the silence since the last purchase', () => {
    expect(pAliveParetoNbd(cdnow, 4, 37, 38)).toBeGreaterThan(pAliveParetoNbd(cdnow, 4, 5, 38));
    expect(expectedPurchasesParetoNbd(cdnow, 0, 4, 37, 38)).toBe(0);
  });
});

describe('fitParetoNbd', () => {
  it('recovers the generating parameters from 20,000 simulated customers (day-resolution times)', () => {
    const truth = { r: 0.8, alpha: 5, s: 0.8, beta: 15 };
    const day = (v: number) => Math.round(v * 7) / 7;
    const sims = simulateParetoNbd(truth, 20_000, { seed: 1, minT: 39, maxT: 104 });
    const fit = fitParetoNbd(
      groupRfm(sims.map((c) => ({ frequency: c.x, recency: day(c.tx), T: day(c.T) }))),
    );
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit[key] / truth[key] - 1), key).toBeLessThan(0.15);
      // and the truth lies within 3 standard errors
      expect(Math.abs(fit[key] - truth[key]), key).toBeLessThan(3 * fit.standardErrors![key]);
    }
  }, 60_000);

  it('does not crash without repeat buyers or on a single customer', () => {
    const zeros = fitParetoNbd([
      { x: 0, tx: 0, T: 30, count: 100 },
      { x: 0, tx: 0, T: 50, count: 30 },
    ]);
    expect(zeros.converged).toBe(false);
    expect(zeros.standardErrors).toBeNull();
    for (const v of [zeros.r, zeros.alpha, zeros.s, zeros.beta, zeros.logLikelihood])
      expect(Number.isFinite(v)).toBe(true);
    const single = fitParetoNbd([{ x: 3, tx: 20, T: 40, count: 1 }]);
    for (const v of [single.r, single.alpha, single.s, single.beta, single.logLikelihood]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(() => fitParetoNbd([])).toThrow(RangeError);
    expect(() => fitParetoNbd([{ x: 1, tx: 5, T: 4, count: 1 }])).toThrow(RangeError);
  });

  it('stops at the shape bound when dropout heterogeneity vanishes (everyone silent for two years)', () => {
    // Here the optimum runs off to s, β → ∞; unbounded, each 2F1 needs O(s) terms and the fit never
    // ended. It must finish, finite, at the bound and say it did not converge.
    const sims = simulateBgNbd({ r: 0.5, alpha: 10, a: 1, b: 5 }, 60, { seed: 3, minT: 4, maxT: 100 });
    const fit = fitParetoNbd(groupRfm(sims.map((c) => ({ frequency: c.x, recency: c.tx, T: c.T + 104 }))));
    expect(fit.converged).toBe(false);
    expect(fit.s).toBeCloseTo(Math.exp(5), 6);
    for (const v of [fit.r, fit.alpha, fit.beta, fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  }, 60_000);
});
