import { describe, expect, it } from 'vitest';
import { logAddExp, logBeta, logGamma, logHyp2F1, minimize } from './special.ts';

describe('logGamma', () => {
  it('matches known values, including the reflection branch', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
    expect(logGamma(1e-3)).toBeCloseTo(6.907178885383853, 10);
    // Γ(−0.5) = −2√π
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
  });

  it('gives log B(a, b)', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe('logAddExp', () => {
  it('adds in log space without overflow', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 7)).toBe(7);
  });
});

describe('logHyp2F1', () => {
  const log1F = (z: number) => Math.log(-Math.log1p(-z) / z); // 2F1(1, 1; 2; z)

  it('matches closed forms for positive and negative z, also close to 1', () => {
    for (const z of [0.1, 0.3, 0.6, 0.9, 0.99, 0.999, -0.5, -0.9]) {
      expect(logHyp2F1(1, 1, 2, z)).toBeCloseTo(log1F(z), 10);
    }
    expect(logHyp2F1(3.2, 1.7, 1.7, 0.4)).toBeCloseTo(-3.2 * Math.log(0.6), 12); // (1 − z)^−a
  });

  it('stays accurate for hundreds of purchases (huge terms, BG/NBD-shaped arguments)', () => {
    // 2F1(r + x, b + x; b + x; z) = (1 − z)^−(r + x) with x = 500
    const value = logHyp2F1(500.24, 502.4, 502.4, 0.9);
    const exact = -500.24 * Math.log(0.1);
    expect(Math.abs(value - exact) / exact).toBeLessThan(1e-12);
  });

  it('sums terminating series with sign changes', () => {
    const [b, c, z] = [2.5, 1.5, 0.2];
    const exact = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(logHyp2F1(-2, b, c, z)).toBeCloseTo(Math.log(exact), 13);
  });

  it('rejects |z| ≥ 1', () => {
    expect(() => logHyp2F1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

describe('minimize', () => {
  it('finds the Rosenbrock minimum', () => {
    const rosen = ([x = 0, y = 0]: readonly number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const { x, value } = minimize(rosen, [-1.2, 1]);
    expect(x[0]).toBeCloseTo(1, 5);
    expect(x[1]).toBeCloseTo(1, 5);
    expect(value).toBeLessThan(1e-10);
  });

  it('respects bounds', () => {
    const { x } = minimize(([v = 0]) => (v - 3) ** 2, [0], { upper: [2] });
    expect(x[0]).toBeCloseTo(2, 6);
    expect(x[0]).toBeLessThanOrEqual(2);
  });
});
