import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bgnbd.ts';
import { discountedClv } from './clv.ts';
import { expectedPurchasesParetoNbd } from './pnbd.ts';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer = { x: 2, tx: 30.43, T: 38.86 };

describe('discountedClv', () => {
  it('without discounting is expected purchases over the horizon times spend', () => {
    const v = discountedClv(params, 40, customer, { horizonMonths: 12, monthlyDiscount: 0, unit: 'week' });
    const weeks = (12 * 365.25) / 12 / 7;
    expect(v).toBeCloseTo(expectedPurchases(params, weeks, 2, 30.43, 38.86) * 40, 9);
  });
  it('discounting lowers the value and a longer horizon raises it', () => {
    const base = { horizonMonths: 12, monthlyDiscount: 0, unit: 'week' as const };
    const plain = discountedClv(params, 40, customer, base);
    const discounted = discountedClv(params, 40, customer, { ...base, monthlyDiscount: 0.01 });
    const longer = discountedClv(params, 40, customer, { ...base, horizonMonths: 24, monthlyDiscount: 0.01 });
    expect(discounted).toBeLessThan(plain);
    expect(longer).toBeGreaterThan(discounted);
    expect(discountedClv(params, 40, customer, { ...base, horizonMonths: 0 })).toBe(0);
  });
});

describe('discountedClv with a Pareto/NBD fit', () => {
  it('without discounting is expected purchases over the horizon times spend', () => {
    const pn = { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.66 };
    const fit = {
      kind: 'pnbd' as const,
      params: pn,
      logLikelihood: -9595,
      standardErrors: null,
      iterations: 0,
      converged: true,
    };
    const v = discountedClv(fit, 40, customer, { horizonMonths: 12, monthlyDiscount: 0, unit: 'week' });
    const weeks = (12 * 365.25) / 12 / 7;
    expect(v).toBeCloseTo(expectedPurchasesParetoNbd(pn, weeks, 2, 30.43, 38.86) * 40, 9);
    // days: the same customer and parameters rescaled to days give the same value
    const perDay = { ...pn, alpha: pn.alpha * 7, beta: pn.beta * 7 };
    const inDays = discountedClv(
      { kind: 'pnbd', params: perDay },
      40,
      { x: 2, tx: 30.43 * 7, T: 38.86 * 7 },
      { horizonMonths: 12, monthlyDiscount: 0, unit: 'day' },
    );
    expect(inDays).toBeCloseTo(v, 9);
  });
});
