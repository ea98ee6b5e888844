// BG/NBD predictions: P(alive) and expected purchases (Fader, Hardie & Lee 2005, eqs. 9–11).
import type { BgNbdParams } from './bgnbd-likelihood.ts';
import { hyp2F1Log } from './special.ts';

const EULER_MAX_TERMS = 1_000_000;

/** P(customer still alive at T | x, t_x, T) (FHL 2005 eq. 11; the "P(alive)" note). */
export const pAlive = (p: BgNbdParams, x: number, tx: number, T: number): number => {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
};

let scratch = new Float64Array(48);

/**
 * E[Y(t) | x, T, alive at T] for every t of `times`, so that E[Y(t) | x, t_x, T] is this times pAlive:
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} · 2F1(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t).
 * Euler's transformation turns the product into (1−z)^{a−1} · 2F1(a+b−1−r, a−1; a+b+x−1; z), whose
 * series needs a handful of terms even for hundreds of purchases (the original needs O(x) terms of
 * astronomic size). Its coefficients do not depend on z, so one pass serves every horizon; the sum is
 * kept without its leading 1 so short horizons keep their precision.
 */
export const expectedPurchasesGivenAliveBgNbd = (
  p: BgNbdParams,
  times: ArrayLike<number>,
  x: number,
  T: number,
): Float64Array => {
  const { r, alpha, a, b } = p;
  if (a === 1) throw new RangeError('BG/NBD expected purchases: a = 1 is a removable singularity; perturb a');
  const c = a + b + x - 1;
  if (c <= 0 && Number.isInteger(c)) {
    throw new RangeError(
      'BG/NBD expected purchases: a + b + x − 1 = 0 is a removable singularity; perturb a or b',
    );
  }
  const m = times.length;
  const out = new Float64Array(m);
  const front = c / (a - 1);
  const A = a + b - 1 - r;
  const B = a - 1;
  if (scratch.length < 3 * m) scratch = new Float64Array(3 * m);
  // z, its powers and the partial sums side by side in one scratch array (no allocation per call).
  const w = scratch;
  let zMax = 0;
  for (let k = 0; k < m; k++) {
    const t = Math.max(times[k]!, 0);
    const zk = t / (alpha + T + t);
    w[3 * k] = zk;
    w[3 * k + 1] = 1;
    w[3 * k + 2] = 0;
    if (zk > zMax) zMax = zk;
  }
  // Terms of either series first grow by about this factor: Euler's form wins for many purchases,
  // the original one when a is huge (a degenerate fit with next to no dropout heterogeneity).
  const growthEuler = Math.abs((A * B) / c) * zMax;
  const growthOriginal = Math.abs(((r + x) * (b + x)) / c) * zMax;
  // (The original's terms are all positive only for c > 0.)
  let converged = c <= 0 || growthEuler <= 1 || growthEuler <= growthOriginal;
  if (converged) converged = sumEuler(w, m, A, B, c);
  for (let k = 0; k < m; k++) {
    const zk = w[3 * k]!;
    if (!(zk > 0)) continue;
    if (!converged) {
      out[k] = front * originalBracket(p, zk, x);
      continue;
    }
    // 1 − (1−z)^{a−1}(1 + S) = −[((1−z)^{a−1} − 1) + (1−z)^{a−1} S]
    const em = Math.expm1((a - 1) * Math.log1p(-zk));
    const value = front * -(em + (1 + em) * w[3 * k + 2]!);
    // Heavy cancellation is the only way to get a negative value: redo it on the original form.
    out[k] = value >= 0 && Number.isFinite(value) ? value : front * originalBracket(p, zk, x);
  }
  return out;
};

/**
 * Σ_{n≥1} (A)_n (B)_n / ((c)_n n!) z_k^n for every k at once into w[3k + 2] (w[3k] = z_k, w[3k + 1] the
 * running power). When the z_k ascend, the smallest ones converge first and drop out of the loop.
 * False if it has not converged within EULER_MAX_TERMS terms.
 */
const sumEuler = (w: Float64Array, m: number, A: number, B: number, c: number): boolean => {
  let ascending = true;
  for (let k = 1; k < m; k++) if (w[3 * k]! < w[3 * (k - 1)]!) ascending = false;
  let first = 0; // sums before this index have converged (ascending z only)
  while (first < m && !(w[3 * first]! > 0)) first++;
  let coefficient = 1;
  for (let n = 1; n <= EULER_MAX_TERMS; n++) {
    const ratio = ((A + n - 1) * (B + n - 1)) / ((c + n - 1) * n);
    coefficient *= ratio;
    for (let k = 3 * first; k < 3 * m; k += 3) {
      const power = w[k + 1]! * w[k]!;
      w[k + 1] = power;
      w[k + 2]! += coefficient * power;
    }
    if (coefficient === 0) return true;
    // The geometric tail bound of hyp2F1 (the term ratio tends to z), checked from the smallest z up.
    const nextRatio = Math.abs(((A + n) * (B + n)) / ((c + n) * (n + 1)));
    while (first < m) {
      const z = w[3 * first]!;
      const term = Math.abs(coefficient * w[3 * first + 1]!);
      const q = Math.max(nextRatio * z, z);
      if (!(q < 1 && term * q <= 1e-16 * (1 - q) * Math.abs(1 + w[3 * first + 2]!))) break;
      first++;
      if (!ascending) {
        // Unordered z: all must pass at once.
        let all = true;
        for (let k = first; k < m && all; k++) {
          const zk = w[3 * k]!;
          const qk = Math.max(nextRatio * zk, zk);
          all =
            qk < 1 &&
            Math.abs(coefficient * w[3 * k + 1]!) * qk <= 1e-16 * (1 - qk) * Math.abs(1 + w[3 * k + 2]!);
        }
        if (!all) first = 0;
        else first = m;
        break;
      }
    }
    if (first >= m) return true;
    if (!Number.isFinite(coefficient)) return false;
  }
  return false;
};

/** The bracket on the untransformed 2F1 (rescaled linear series; throws if its sum is not positive). */
const originalBracket = ({ r, a, b }: BgNbdParams, z: number, x: number): number =>
  -Math.expm1((r + x) * Math.log1p(-z) + hyp2F1Log(r + x, b + x, a + b + x - 1, z));

/** E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T + t] (FHL 2005 eq. 10). */
export const expectedPurchases = (p: BgNbdParams, t: number, x: number, tx: number, T: number): number => {
  if (t <= 0) return 0;
  return expectedPurchasesGivenAliveBgNbd(p, [t], x, T)[0]! * pAlive(p, x, tx, T);
};

/** E[X(t)]: expected repeat purchases in (0, t] for a newly acquired customer (FHL 2005 eq. 9). */
export const expectedPurchasesNew = (p: BgNbdParams, t: number): number => {
  if (t <= 0) return 0;
  return expectedPurchasesGivenAliveBgNbd(p, [t], 0, 0)[0]!;
};
