import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, pAlive } from './bgnbd.ts';
import { clvScorer, discountedClv } from './clv.ts';
import { fitPurchaseModel, type PurchaseModelSpec, purchaseModel } from './model.ts';
import { expectedPurchasesParetoNbd, pAliveParetoNbd } from './pnbd.ts';
import { groupRfm } from './rfm.ts';
import { simulateBgNbd } from './simulate.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const bgnbdSpec: fc.Arbitrary<PurchaseModelSpec> = fc
  .record({ r: positive(0.05, 5), alpha: positive(0.05, 100), a: positive(0.05, 5), b: positive(0.05, 10) })
  .filter(({ a }) => Math.abs(a - 1) > 1e-3) // a = 1 is a removable singularity of the formula
  .map((params) => ({ kind: 'bgnbd' as const, params }));

const pnbdSpec: fc.Arbitrary<PurchaseModelSpec> = fc
  .record({
    r: positive(0.05, 5),
    alpha: positive(0.05, 100),
    s: positive(0.05, 5),
    beta: positive(0.05, 100),
  })
  .map((params) => ({ kind: 'pnbd' as const, params }));

// x = 0 means t_x = 0; otherwise t_x anywhere in [0, T].
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 300 }), T: positive(0, 200), share: positive(0, 1) })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : share * T, T }));

// Horizons of 0 or ≥ 1e-6 units: subnormal horizons (≈ 1e-323) carry no precision at all.
const horizon = fc.oneof(fc.constant(0), positive(1e-6, 300));

const runs = { numRuns: 300, seed: 20_260_101 };

describe.each([
  ['BG/NBD', bgnbdSpec],
  ['Pareto/NBD', pnbdSpec],
] as const)('%s properties', (_, spec) => {
  it('P(alive) lies in [0, 1]', () => {
    fc.assert(
      fc.property(spec, customer, (m, { x, tx, T }) => {
        const p = purchaseModel(m).pAlive(x, tx, T);
        return p >= 0 && p <= 1;
      }),
      runs,
    );
  });

  it('expected purchases are ≥ 0 and non-decreasing in the horizon', () => {
    fc.assert(
      fc.property(spec, customer, horizon, horizon, (m, { x, tx, T }, t1, t2) => {
        const model = purchaseModel(m);
        const [short, long] = [Math.min(t1, t2), Math.max(t1, t2)];
        const a = model.expectedPurchases(short, x, tx, T);
        const b = model.expectedPurchases(long, x, tx, T);
        const n = model.expectedPurchasesNew(long);
        return a >= 0 && b >= a * (1 - 1e-12) && Number.isFinite(b) && n >= 0 && Number.isFinite(n);
      }),
      runs,
    );
  });

  it('CLV is non-decreasing in the horizon and non-increasing in the discount rate', () => {
    fc.assert(
      fc.property(
        spec,
        customer,
        fc.integer({ min: 0, max: 36 }),
        positive(0, 0.1),
        positive(0, 0.1),
        (m, c, months, d1, d2) => {
          const clv = (horizonMonths: number, monthlyDiscount: number) =>
            discountedClv(m, 25, c, { horizonMonths, monthlyDiscount, unit: 'week' });
          const [low, high] = [Math.min(d1, d2), Math.max(d1, d2)];
          const base = clv(months, low);
          return (
            base >= 0 && clv(months + 1, low) >= base * (1 - 1e-12) && clv(months, high) <= base * (1 + 1e-12)
          );
        },
      ),
      runs,
    );
  });
});

describe('purchaseModel', () => {
  it('forwards to the model functions', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const pn = { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.66 };
    const bgModel = purchaseModel({ kind: 'bgnbd', params: bg });
    const pnModel = purchaseModel({ kind: 'pnbd', params: pn });
    expect(bgModel.pAlive(2, 30.43, 38.86)).toBe(pAlive(bg, 2, 30.43, 38.86));
    expect(bgModel.expectedPurchases(39, 2, 30.43, 38.86)).toBe(expectedPurchases(bg, 39, 2, 30.43, 38.86));
    expect(pnModel.pAlive(2, 30.43, 38.86)).toBe(pAliveParetoNbd(pn, 2, 30.43, 38.86));
    expect(pnModel.expectedPurchases(39, 2, 30.43, 38.86)).toBe(
      expectedPurchasesParetoNbd(pn, 39, 2, 30.43, 38.86),
    );
  });

  it('fitPurchaseModel returns the tagged fit', () => {
    const sims = simulateBgNbd({ r: 0.8, alpha: 4, a: 0.8, b: 2.5 }, 1000, { seed: 4, minT: 20, maxT: 60 });
    const rows = groupRfm(sims.map((c) => ({ frequency: c.x, recency: c.tx, T: c.T })));
    const fit = fitPurchaseModel('pnbd', rows);
    expect(fit.kind).toBe('pnbd');
    expect(Object.keys(fit.params).sort()).toEqual(['alpha', 'beta', 'r', 's']);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(() => fitPurchaseModel('nope' as 'bgnbd', rows)).toThrow(RangeError);
  });
});

describe('clvScorer', () => {
  const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
  const opts = { horizonMonths: 12, monthlyDiscount: 0.01, unit: 'week' as const };
  const specs: PurchaseModelSpec[] = [
    { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
    { kind: 'pnbd', params: { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.66 } },
  ];

  it.each(specs)('matches discountedClv and the model for $kind, memoised or not', (spec) => {
    const score = clvScorer(spec, spend, opts);
    const model = purchaseModel(spec);
    const weeks = (12 * 365.25) / 12 / 7;
    const customers = [
      [0, 0, 30, 0],
      [2, 30.43, 38.86, 40],
      [0, 0, 30, 0], // memo hit on x = 0
      [2, 10, 38.86, 25], // memo hit on (x, T), other t_x and m
      [500, 51.9, 52, 18],
    ] as const;
    for (const [x, tx, T, m] of customers) {
      const s = score(x, tx, T, m);
      const perPurchase =
        x === 0
          ? (spend.gamma * spend.p) / (spend.q - 1)
          : (spend.p * (spend.gamma + m * x)) / (spend.p * x + spend.q - 1);
      expect(s.expectedSpend).toBeCloseTo(perPurchase, 10);
      expect(s.pAlive).toBeCloseTo(model.pAlive(x, tx, T), 14);
      expect(s.expectedPurchases / model.expectedPurchases(weeks, x, tx, T)).toBeCloseTo(1, 10);
      expect(s.clv / discountedClv(spec, perPurchase, { x, tx, T }, opts)).toBeCloseTo(1, 10);
    }
  });

  it('accepts bare BG/NBD parameters and rejects a bad horizon', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const a = clvScorer(bg, spend, opts)(2, 30.43, 38.86, 40);
    const b = clvScorer({ kind: 'bgnbd', params: bg }, spend, opts)(2, 30.43, 38.86, 40);
    expect(a).toEqual(b);
    expect(() => clvScorer(bg, spend, { ...opts, horizonMonths: 1.5 })).toThrow(RangeError);
    expect(() => clvScorer(bg, { ...spend, q: 0.9 }, opts)).toThrow(RangeError);
  });
});
