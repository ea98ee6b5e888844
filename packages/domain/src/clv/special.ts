// Numerical helpers for the CLV models, hand-written so the models carry no dependencies.

// Lanczos approximation (g = 7, n = 9): ~1e-15 relative accuracy for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log|Γ(x)|; uses the reflection formula below 0.5. */
export const logGamma = (x: number): number => {
  if (x < 0.5) {
    // Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS_COEFFS[0]!;
  for (let i = 1; i < LANCZOS_COEFFS.length; i++) sum += LANCZOS_COEFFS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
};

/** log B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b). */
export const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/** log(e^x + e^y) without overflow. */
export const logAddExp = (x: number, y: number): number => {
  if (x === Number.NEGATIVE_INFINITY) return y;
  if (y === Number.NEGATIVE_INFINITY) return x;
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
};

const HYP_MAX_TERMS = 2_000_000;
const HYP_REL_TOL = 1e-16;

/**
 * log 2F1(a, b; c; z) for |z| < 1 by direct series summation in log space.
 * The terms are kept as (sign, log|term|) and summed against a running maximum, so hundreds of
 * purchases (huge intermediate terms) neither overflow nor lose precision when all terms are positive
 * (the BG/NBD and Pareto/NBD cases with z ≥ 0). Throws if the sum is not positive or does not converge.
 */
export const logHyp2F1 = (a: number, b: number, c: number, z: number): number => {
  if (!(Math.abs(z) < 1)) throw new RangeError(`logHyp2F1 needs |z| < 1, got ${z}`);
  if (z === 0) return 0;
  const logAbsZ = Math.log(Math.abs(z));
  let logTerm = 0; // log|t_0| = log 1
  let sign = 1;
  let scale = 0; // sum is stored as acc · e^scale
  let acc = 1;
  for (let n = 0; n < HYP_MAX_TERMS; n++) {
    const an = a + n;
    const bn = b + n;
    const cn = c + n;
    if (an === 0 || bn === 0) return finish(acc, scale); // the series terminates
    if (cn === 0) throw new RangeError('logHyp2F1: c is a non-positive integer');
    logTerm +=
      Math.log(Math.abs(an)) + Math.log(Math.abs(bn)) - Math.log(Math.abs(cn)) - Math.log(n + 1) + logAbsZ;
    if (((an < 0 !== bn < 0) !== cn < 0) !== z < 0) sign = -sign;
    if (logTerm > scale) {
      acc *= Math.exp(scale - logTerm);
      scale = logTerm;
    }
    const term = sign * Math.exp(logTerm - scale);
    acc += term;
    // Stop once terms are negligible and shrinking geometrically (ratio → |z| for large n).
    const ratio = Math.abs((an + 1) * (bn + 1)) / Math.abs((cn + 1) * (n + 2));
    if (Math.abs(term) <= HYP_REL_TOL * Math.abs(acc) && ratio * Math.abs(z) < 1) {
      return finish(acc, scale);
    }
  }
  throw new RangeError('logHyp2F1: series did not converge');
};

const finish = (acc: number, scale: number): number => {
  if (!(acc > 0)) throw new RangeError('logHyp2F1: the series sum is not positive');
  return scale + Math.log(acc);
};

/**
 * ψ(x) = d/dx lnΓ(x): recurrence up to x ≥ 10, then the asymptotic series (truncation error < 1e-16 there);
 * reflection below 0. NaN at the poles 0, −1, −2, …
 */
export const digamma = (x: number): number => {
  if (x <= 0 && Number.isInteger(x)) return Number.NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  // ln y − 1/(2y) − Σ B₂ₖ / (2k y^2k), Bernoulli numbers B₂…B₁₄
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 -
          inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(y) - 0.5 / y - series;
};

// Rescaling for the linear-space series: the sum is acc · BIG^rescales.
const BIG = 2 ** 600;
const LOG_BIG = 600 * Math.LN2;
const HYP_LINEAR_MAX_TERMS = 1_000_000;
// Set by sumHyp2F1 (single-threaded, read right after the call): how often the sum was rescaled.
let rescales = 0;

/**
 * 2F1(a, b; c; z) summed in linear space (a few multiplications per term instead of logs):
 * 0 ≤ z < 1, c not a non-positive integer; all terms are positive when a, b, c > 0. The sum is
 * rescaled by 2^−600 whenever it grows past 2^600, so huge intermediate terms never overflow. Stops
 * when the geometric bound on the tail is below 1e-16 of the sum. Sign changes (negative a or b) are
 * summed as they come, so heavy cancellation would lose precision; logHyp2F1 covers z < 0 and other
 * arguments.
 */
const sumHyp2F1 = (a: number, b: number, c: number, z: number): number => {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2F1 needs 0 ≤ z < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2F1: c is a non-positive integer (${c})`);
  rescales = 0;
  let sum = 1;
  let term = 1;
  let an = a;
  let bn = b;
  let cn = c;
  for (let n = 1; n <= HYP_LINEAR_MAX_TERMS; n++) {
    const ratio = (an * bn * z) / (cn * n);
    term *= ratio;
    sum += term;
    if (sum > BIG || sum < -BIG) {
      sum /= BIG;
      term /= BIG;
      rescales++;
    }
    // Cheap test first; then bound the tail: the term ratio tends to z from above or below, so
    // max(|ratio|, z) < 1 bounds it geometrically.
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
      const q = Math.max(Math.abs(ratio), z);
      if (term === 0 || (q < 1 && Math.abs(term) * q <= 1e-16 * (1 - q) * Math.abs(sum))) return sum;
    }
    an += 1;
    bn += 1;
    cn += 1;
  }
  throw new RangeError(
    `hyp2F1: series did not converge in ${HYP_LINEAR_MAX_TERMS} terms (z = ${z} is too close to 1)`,
  );
};

/** 2F1(a, b; c; z) for 0 ≤ z < 1 (see sumHyp2F1); Infinity when the value itself overflows. */
export const hyp2F1 = (a: number, b: number, c: number, z: number): number => {
  const sum = sumHyp2F1(a, b, c, z);
  return rescales === 0 ? sum : sum * Math.exp(rescales * LOG_BIG);
};

/** log 2F1(a, b; c; z) from the same fast linear series; never overflows. Throws if the sum is ≤ 0. */
export const hyp2F1Log = (a: number, b: number, c: number, z: number): number => {
  const sum = sumHyp2F1(a, b, c, z);
  if (!(sum > 0)) throw new RangeError('hyp2F1Log: the series sum is not positive');
  return Math.log(sum) + rescales * LOG_BIG;
};

/** log(1 − e^x) for x ≤ 0, accurate on both sides of −ln 2 (Mächler 2012). */
export const log1mExp = (x: number): number =>
  x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));

export { type BfgsOptions, type BfgsResult, minimizeBfgs, type ValueAndGradient } from './bfgs.ts';
export { invertSymmetric, numericHessian, standardErrorsFromHessian } from './hessian.ts';
export { type MinimizeOptions, type MinimizeResult, minimize } from './nelder-mead.ts';
