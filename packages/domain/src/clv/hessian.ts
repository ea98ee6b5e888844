// Observed-information helpers: a central-difference Hessian and a small SPD inverse, for standard errors.

export type HessianOptions = {
  /** Analytic gradient: the Hessian is then the central difference of the gradient (more accurate). */
  gradient?: (x: readonly number[]) => number[];
  /** Relative step; the default suits each variant (≈ ε^(1/3) with a gradient, ε^(1/4) without). */
  relativeStep?: number;
};

/** Symmetric central-difference Hessian of f at x; steps are relative to |x_i| (x_i ≠ 0 assumed typical). */
export const numericHessian = (
  f: (x: readonly number[]) => number,
  x: readonly number[],
  options: HessianOptions = {},
): number[][] => {
  const n = x.length;
  const { gradient } = options;
  const rel = options.relativeStep ?? (gradient ? 1e-5 : 1e-4);
  const h = x.map((v) => rel * Math.max(Math.abs(v), 1e-3));
  const shifted = (pairs: readonly [number, number][]): number[] => {
    const y = [...x];
    for (const [i, by] of pairs) y[i] = y[i]! + by;
    return y;
  };
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  if (gradient) {
    for (let i = 0; i < n; i++) {
      const up = gradient(shifted([[i, h[i]!]]));
      const down = gradient(shifted([[i, -h[i]!]]));
      for (let j = 0; j < n; j++) H[i]![j] = (up[j]! - down[j]!) / (2 * h[i]!);
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const mean = 0.5 * (H[i]![j]! + H[j]![i]!);
        H[i]![j] = mean;
        H[j]![i] = mean;
      }
    }
    return H;
  }
  const f0 = f(x);
  for (let i = 0; i < n; i++) {
    const hi = h[i]!;
    H[i]![i] = (f(shifted([[i, hi]])) - 2 * f0 + f(shifted([[i, -hi]]))) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j]!;
      const at = (si: number, sj: number) =>
        f(
          shifted([
            [i, si * hi],
            [j, sj * hj],
          ]),
        );
      const value = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * hi * hj);
      H[i]![j] = value;
      H[j]![i] = value;
    }
  }
  return H;
};

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky; null when the matrix is not positive
 * definite (a saddle, a flat direction or an optimum on a bound: no standard errors there).
 */
export const invertSymmetric = (A: readonly (readonly number[])[]): number[][] | null => {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let diag = A[j]![j]!;
    for (let k = 0; k < j; k++) diag -= L[j]![k]! ** 2;
    if (!(diag > 0) || !Number.isFinite(diag)) return null;
    const ljj = Math.sqrt(diag);
    L[j]![j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let v = A[i]![j]!;
      for (let k = 0; k < j; k++) v -= L[i]![k]! * L[j]![k]!;
      L[i]![j] = v / ljj;
    }
  }
  // Solve L Lᵀ X = I column by column.
  const X = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let v = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) v -= L[i]![k]! * y[k]!;
      y[i] = v / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let v = y[i]!;
      for (let k = i + 1; k < n; k++) v -= L[k]![i]! * X[k]![c]!;
      X[i]![c] = v / L[i]![i]!;
    }
  }
  return X;
};

/** Standard errors from the Hessian of the negative log-likelihood: √diag(H⁻¹), or null. */
export const standardErrorsFromHessian = (H: readonly (readonly number[])[]): number[] | null => {
  const inverse = invertSymmetric(H);
  if (!inverse) return null;
  const se = inverse.map((row, i) => Math.sqrt(row[i]!));
  return se.every(Number.isFinite) ? se : null;
};
