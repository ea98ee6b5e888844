import { describe, expect, it } from 'vitest';
import {
  digamma,
  hyp2F1,
  hyp2F1Log,
  log1mExp,
  logAddExp,
  logBeta,
  logGamma,
  logHyp2F1,
  minimize,
} from './special.ts';

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

describe('digamma', () => {
  const eulerGamma = 0.5772156649015329;
  it('matches closed forms and reference values to ~1e-13', () => {
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 14);
    expect(digamma(2)).toBeCloseTo(1 - eulerGamma, 14);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 14);
    expect(digamma(1.5)).toBeCloseTo(2 - eulerGamma - 2 * Math.LN2, 14);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 13);
    // ψ(x) = ψ(x + 1) − 1/x: small arguments are dominated by −1/x
    expect(digamma(1e-3)).toBeCloseTo(digamma(1.001) - 1000, 10);
    // reflection: ψ(−0.5) = ψ(1.5)
    expect(digamma(-0.5)).toBeCloseTo(digamma(1.5), 13);
    expect(Number.isNaN(digamma(0))).toBe(true);
    expect(Number.isNaN(digamma(-3))).toBe(true);
  });

  it('is the derivative of logGamma', () => {
    for (const x of [0.05, 0.3, 1.7, 6.5, 9.99, 10.01, 42, 1234.5]) {
      const h = 1e-5 * x;
      const fd = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
      expect(Math.abs(digamma(x) - fd)).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
    }
  });
});

describe('hyp2F1 (linear space)', () => {
  it('agrees with logHyp2F1 across BG/NBD- and Pareto/NBD-shaped arguments', () => {
    const cases: [number, number, number, number][] = [
      [1, 1, 2, 0.5],
      [0.24, 2.4, 2.2, 0.3],
      [2.24, 4.4, 4.2, 0.9],
      [1.4, 1.6, 2.4, 0.99],
      [100.2, 102.4, 102.2, 0.6],
      [1, 500.5, 502.1, 0.95],
      [500.24, 502.4, 502.4, 0.9], // (1 − z)^−a ≈ 1e500: only the rescaled sum survives
    ];
    for (const [a, b, c, z] of cases) {
      const reference = logHyp2F1(a, b, c, z);
      expect(Math.abs(hyp2F1Log(a, b, c, z) - reference)).toBeLessThan(1e-12 * Math.max(1, reference));
      if (reference < 700) expect(hyp2F1(a, b, c, z) / Math.exp(reference)).toBeCloseTo(1, 12);
    }
    expect(hyp2F1(500.24, 502.4, 502.4, 0.9)).toBe(Number.POSITIVE_INFINITY);
  });

  it('sums series with one sign change (Euler-transformed BG/NBD terms) and terminating ones', () => {
    // 2F1(a, b; c; z) = (1 − z)^(c − a − b) 2F1(c − a, c − b; c; z)
    const [a, b, c, z] = [2.24, 3.4, 3.2, 0.7];
    expect(hyp2F1(a, b, c, z)).toBeCloseTo((1 - z) ** (c - a - b) * hyp2F1(c - a, c - b, c, z), 12);
    expect(hyp2F1(-2, 2.5, 1.5, 0.2)).toBeCloseTo(
      1 - (2 * 2.5 * 0.2) / 1.5 + (2.5 * 3.5 * 0.04) / (1.5 * 2.5),
      14,
    );
    expect(hyp2F1(1, 1, 2, 0)).toBe(1);
    expect(() => hyp2F1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2F1(1, 1, 2, -0.5)).toThrow(RangeError);
  });
});

describe('log1mExp', () => {
  it('is log(1 − e^x) on both branches', () => {
    for (const x of [-1e-12, -0.1, -0.69, -0.7, -5, -50]) {
      expect(log1mExp(x)).toBeCloseTo(Math.log(-Math.expm1(x)), 12);
    }
  });
});
