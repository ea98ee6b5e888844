import { describe, expect, it } from 'vitest';
import {
  type BgNbdParams,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodOne,
  evaluateBgNbd,
  expectedPurchases,
  expectedPurchasesGivenAliveBgNbd,
  expectedPurchasesNew,
  fitBgNbd,
  pAlive,
  prepareBgNbd,
} from './bgnbd.ts';
import { groupRfm } from './rfm.ts';
import { simulateBgNbd } from './simulate.ts';
import { logBeta, logHyp2F1 } from './special.ts';

// Published CDNOW estimates (Fader, Hardie & Lee 2005).
const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbdLogLikelihoodOne', () => {
  it('equals the plain formula where that does not overflow', () => {
    const { r, alpha, a, b } = cdnow;
    const [x, tx, T] = [3, 20, 38];
    const gamma = (v: number) => Math.exp(lgammaRef(v));
    const plain =
      ((gamma(r + x) * alpha ** r) / gamma(r)) *
      ((gamma(a + b) * gamma(b + x)) / (gamma(b) * gamma(a + b + x))) *
      ((alpha + T) ** -(r + x) + (a / (b + x - 1)) * (alpha + tx) ** -(r + x));
    expect(bgNbdLogLikelihoodOne(cdnow, x, tx, T)).toBeCloseTo(Math.log(plain), 10);
    // x = 0 keeps only the survival term: (α / (α + T))^r
    expect(bgNbdLogLikelihoodOne(cdnow, 0, 0, T)).toBeCloseTo(r * Math.log(alpha / (alpha + T)), 12);
  });

  it('stays finite for hundreds of purchases', () => {
    expect(Number.isFinite(bgNbdLogLikelihoodOne(cdnow, 800, 51.9, 52))).toBe(true);
    expect(Number.isFinite(bgNbdLogLikelihoodOne(cdnow, 500, 1, 52))).toBe(true);
    expect(Number.isFinite(expectedPurchases(cdnow, 52, 500, 51.9, 52))).toBe(true);
    expect(pAlive(cdnow, 500, 1, 52)).toBeGreaterThanOrEqual(0);
  });
});

// Stirling series as an independent reference for lnΓ at moderate arguments (shifted up to v ≥ 10).
const lgammaRef = (v: number): number => {
  let shift = 0;
  let y = v;
  while (y < 10) {
    shift -= Math.log(y);
    y += 1;
  }
  return (
    shift + (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * y) - 1 / (360 * y ** 3)
  );
};

describe('pAlive', () => {
  it('is 1 without repeat purchases and falls as the silence since the last purchase grows', () => {
    expect(pAlive(cdnow, 0, 0, 30)).toBe(1);
    const recent = pAlive(cdnow, 4, 37, 38);
    const lapsed = pAlive(cdnow, 4, 5, 38);
    expect(recent).toBeGreaterThan(lapsed);
    const odds = (cdnow.a / (cdnow.b + 3)) * ((cdnow.alpha + 38) / (cdnow.alpha + 5)) ** (cdnow.r + 4);
    expect(lapsed).toBeCloseTo(1 / (1 + odds), 14);
  });
});

describe('expectedPurchases', () => {
  it('reproduces the published CDNOW example (x = 2, t_x = 30.43, T = 38.86, 39 weeks ahead)', () => {
    // FHL 2005 and the BTYD vignette report 1.226.
    expect(expectedPurchases(cdnow, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('is 0 for a zero horizon, grows with the horizon and stays finite for heavy buyers', () => {
    expect(expectedPurchases(cdnow, 0, 2, 30, 38)).toBe(0);
    const short = expectedPurchases(cdnow, 1e-6, 2, 30, 38);
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(expectedPurchases(cdnow, 10, 2, 30, 38));
  });

  it('matches direct integration over the posterior for light and heavy buyers', () => {
    // Alive customers buy (1 − e^{−λpt}) / p in expectation; given (x, t_x, T) and alive,
    // λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x). Integrate λ out in closed form, p numerically.
    const direct = (t: number, x: number, tx: number, T: number): number => {
      const { r, alpha, a, b } = cdnow;
      const logNorm = logBeta(a, b + x) + Math.log(a);
      // p = u^{1/a} removes the p^{a−1} singularity at 0; Simpson's rule on u ∈ [0, 1].
      const f = (u: number): number => {
        if (u === 0) return ((r + x) * t) / (alpha + T) / Math.exp(logNorm);
        const p = u ** (1 / a);
        const inner = -Math.expm1((r + x) * Math.log((alpha + T) / (alpha + T + p * t))) / p;
        return inner * Math.exp((b + x - 1) * Math.log1p(-p) - logNorm);
      };
      const n = 200_000;
      let sum = f(0) + f(1);
      for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i / n);
      return (sum / (3 * n)) * pAlive(cdnow, x, tx, T);
    };
    for (const [t, x, tx, T] of [
      [39, 2, 30.43, 38.86],
      [52, 400, 51.9, 52],
      [10, 0, 0, 20],
    ] as const) {
      const expected = direct(t, x, tx, T);
      expect(Math.abs(expectedPurchases(cdnow, t, x, tx, T) / expected - 1)).toBeLessThan(1e-6);
    }
  });

  it('agrees with the simulated mean for new customers', () => {
    const params = { r: 0.8, alpha: 4, a: 0.8, b: 2.5 };
    const horizon = 52;
    const sims = simulateBgNbd(params, 40_000, { seed: 7, minT: horizon, maxT: horizon });
    const mean = sims.reduce((sum, c) => sum + c.x, 0) / sims.length;
    expect(mean / expectedPurchasesNew(params, horizon)).toBeCloseTo(1, 1);
  });
});

describe('fitBgNbd', () => {
  const truth: BgNbdParams = { r: 0.8, alpha: 4, a: 0.8, b: 2.5 };

  for (const seed of [42, 3]) {
    it(`recovers the generating parameters from 3,000 simulated customers (seed ${seed})`, () => {
      const sims = simulateBgNbd(truth, 3000, { seed, minT: 26, maxT: 78 });
      const fit = fitBgNbd(groupRfm(sims.map((c) => ({ frequency: c.x, recency: c.tx, T: c.T }))));
      expect(fit.converged).toBe(true);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(fit[key] / truth[key] - 1), key).toBeLessThan(0.15);
      }
    });
  }

  it('recovers them from 20,000 day-resolution customers, the truth within 3 standard errors', () => {
    const day = (v: number) => Math.round(v * 7) / 7;
    const sims = simulateBgNbd(truth, 20_000, { seed: 1, minT: 1 / 7, maxT: 104 });
    const fit = fitBgNbd(groupRfm(sims.map((c) => ({ frequency: c.x, recency: day(c.tx), T: day(c.T) }))));
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit[key] / truth[key] - 1), key).toBeLessThan(0.15);
      expect(Math.abs(fit[key] - truth[key]), key).toBeLessThan(3 * fit.standardErrors![key]);
    }
  });

  it('does not crash without repeat buyers, on one customer or on a heavy buyer', () => {
    const zeros = fitBgNbd([
      { x: 0, tx: 0, T: 30, count: 100 },
      { x: 0, tx: 0, T: 50, count: 30 },
    ]);
    // The likelihood has no maximum (it rises as r → 0): reported, with finite values.
    expect(zeros.converged).toBe(false);
    expect(zeros.standardErrors).toBeNull();
    for (const v of [zeros.r, zeros.alpha, zeros.a, zeros.b, zeros.logLikelihood])
      expect(Number.isFinite(v)).toBe(true);
    const single = fitBgNbd([{ x: 3, tx: 20, T: 40, count: 1 }]);
    for (const v of [single.r, single.alpha, single.a, single.b, single.logLikelihood]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    const heavy = fitBgNbd([
      { x: 500, tx: 51.9, T: 52, count: 1 },
      { x: 2, tx: 10, T: 52, count: 5 },
      { x: 0, tx: 0, T: 52, count: 10 },
    ]);
    expect(Number.isFinite(heavy.logLikelihood)).toBe(true);
    expect(() => fitBgNbd([])).toThrow(RangeError);
    expect(() => fitBgNbd([{ x: 1.5, tx: 1, T: 4, count: 1 }])).toThrow(RangeError);
  });
});

describe('evaluateBgNbd', () => {
  const sims = simulateBgNbd({ r: 0.8, alpha: 4, a: 0.8, b: 2.5 }, 2000, { seed: 5, minT: 10, maxT: 60 });
  const rows = groupRfm(sims.map((c) => ({ frequency: c.x, recency: c.tx, T: c.T })));
  const data = prepareBgNbd(rows);

  it('sums the per-customer log-likelihood', () => {
    let direct = 0;
    for (const row of rows) direct += row.count * bgNbdLogLikelihoodOne(cdnow, row.x, row.tx, row.T);
    expect(evaluateBgNbd(cdnow, data).logLikelihood).toBeCloseTo(direct, 7);
    expect(bgNbdLogLikelihood(cdnow, rows)).toBeCloseTo(direct, 7);
  });

  it('has an analytic gradient that matches central differences', () => {
    for (const p of [cdnow, { r: 2.5, alpha: 0.7, a: 3.1, b: 0.4 }]) {
      const { gradient } = evaluateBgNbd(p, data);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) {
        const h = 1e-6 * p[key];
        const at = (v: number) => evaluateBgNbd({ ...p, [key]: v }, data, false).logLikelihood;
        const fd = (at(p[key] + h) - at(p[key] - h)) / (2 * h);
        expect(Math.abs(gradient[key] - fd), key).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
  });
});

describe('expectedPurchasesGivenAliveBgNbd', () => {
  it('switches to the original series when a is huge (a degenerate fit: no dropout heterogeneity)', () => {
    const p = { r: 1.18, alpha: 8.42, a: 2.04e6, b: 3.27e6 };
    for (const [t, x, tx, T] of [
      [52, 0, 0, 52],
      [52, 3, 14.3, 51.7],
      [5, 40, 50, 52],
    ] as const) {
      const z = t / (p.alpha + T + t);
      const c = p.a + p.b + x - 1;
      const bracket = -Math.expm1((p.r + x) * Math.log1p(-z) + logHyp2F1(p.r + x, p.b + x, c, z));
      const expected = (c / (p.a - 1)) * bracket * pAlive(p, x, tx, T);
      expect(expectedPurchases(p, t, x, tx, T) / expected).toBeCloseTo(1, 10);
    }
  });

  it('gives every horizon of the single-horizon formula in one pass, for any a + b', () => {
    const times = [0, 0.5, 4.35, 13, 26, 52, 104, 520];
    for (const p of [cdnow, { r: 0.3, alpha: 2, a: 0.3, b: 0.4 }, { r: 1.2, alpha: 9, a: 2.5, b: 4 }]) {
      for (const [x, tx, T] of [
        [0, 0, 0],
        [0, 0, 30],
        [2, 30.43, 38.86],
        [500, 51.9, 52],
      ] as const) {
        const curve = expectedPurchasesGivenAliveBgNbd(p, times, x, T);
        const reversed = expectedPurchasesGivenAliveBgNbd(p, [...times].reverse(), x, T).reverse();
        reversed.forEach((v, k) => {
          expect(v).toBeCloseTo(curve[k]!, 12);
        });
        const alive = pAlive(p, x, tx, T);
        times.forEach((t, k) => {
          expect(curve[k]! * alive).toBeCloseTo(expectedPurchases(p, t, x, tx, T), 10);
          if (k > 0) expect(curve[k]!).toBeGreaterThanOrEqual(curve[k - 1]!);
        });
      }
    }
  });
});
