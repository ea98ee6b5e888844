import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from './bfgs.ts';
import { invertSymmetric, numericHessian, standardErrorsFromHessian } from './hessian.ts';

const rosen = ([x = 0, y = 0]: readonly number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
const rosenGrad = ([x = 0, y = 0]: readonly number[]) => [
  -2 * (1 - x) - 400 * x * (y - x * x),
  200 * (y - x * x),
];

describe('minimizeBfgs', () => {
  it('finds the Rosenbrock minimum in few iterations', () => {
    const r = minimizeBfgs((v) => ({ value: rosen(v), gradient: rosenGrad(v) }), [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.iterations).toBeLessThan(100);
  });

  it('holds a coordinate on its bound when the minimum lies outside the box', () => {
    const fg = ([x = 0, y = 0]: readonly number[]) => ({
      value: (x - 3) ** 2 + (y + 1) ** 2 + x * y,
      gradient: [2 * (x - 3) + y, 2 * (y + 1) + x],
    });
    const r = minimizeBfgs(fg, [0, 0], { upper: [2, 10] });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBe(2);
    expect(r.x[1]).toBeCloseTo(-2, 8); // argmin over y at x = 2: 2(y + 1) + 2 = 0
  });

  it('backs off from regions where the objective is not finite', () => {
    // log-barrier: +∞ (NaN from log of a negative) for x ≤ 0; minimum at x = 1
    const fg = ([x = 0]: readonly number[]) => ({ value: x - Math.log(x), gradient: [1 - 1 / x] });
    const r = minimizeBfgs(fg, [10], { initialStep: 100 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
  });
});

describe('numericHessian and invertSymmetric', () => {
  const quad = ([x = 0, y = 0, z = 0]: readonly number[]) =>
    2 * x * x + 3 * y * y + z * z + x * y - y * z + Math.exp(x);
  const exact = (x: number) => [
    [4 + Math.exp(x), 1, 0],
    [1, 6, -1],
    [0, -1, 2],
  ];

  it('matches the exact Hessian with and without a gradient', () => {
    const at = [0.3, -0.2, 0.5];
    const grad = ([x = 0, y = 0, z = 0]: readonly number[]) => [
      4 * x + y + Math.exp(x),
      6 * y + x - z,
      2 * z - y,
    ];
    for (const H of [numericHessian(quad, at), numericHessian(quad, at, { gradient: grad })]) {
      const E = exact(0.3);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i]![j]).toBeCloseTo(E[i]![j]!, 5);
    }
  });

  it('inverts SPD matrices and refuses indefinite ones', () => {
    const A = exact(0);
    const inv = invertSymmetric(A)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const prod = A[i]!.reduce((s, aik, k) => s + aik * inv[k]![j]!, 0);
        expect(prod).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    expect(
      invertSymmetric([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(standardErrorsFromHessian([[4]])).toEqual([0.5]);
    expect(standardErrorsFromHessian([[0]])).toBeNull();
  });
});
