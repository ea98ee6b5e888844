import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bgnbd.ts';
import { discountedClv } from './clv.ts';

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
