// Analytic gradient of the Pareto/NBD log-likelihood. The only non-elementary piece is
// F = 2F1(1, b; c; z) = Σ (b)_n/(c)_n zⁿ (the Euler-transformed A0 terms); its derivatives in b, c and z
// are summed in the same pass: ∂tₙ/∂b = tₙ Σ_{k<n} 1/(b+k), ∂tₙ/∂c = −tₙ Σ_{k<n} 1/(c+k), ∂tₙ/∂z = n tₙ/z.
import type { GroupedRows } from './grouped.ts';
import type { ParetoNbdParams } from './pnbd-likelihood.ts';
import { digamma, logGamma } from './special.ts';

const MAX_TERMS = 1_000_000;

/** Log of F and d log F / d(b, c, z), written to out[0..3]. Needs c > b > 0 and 0 ≤ z < 1 (terms ≤ 1). */
const logF1WithDerivatives = (b: number, c: number, z: number, out: Float64Array): void => {
  let sum = 1;
  let db = 0;
  let dc = 0;
  let dz = 0;
  let term = 1;
  let hb = 0; // Σ_{k<n} 1/(b+k)
  let hc = 0;
  for (let n = 1; ; n++) {
    if (n > MAX_TERMS) {
      throw new RangeError(`Pareto/NBD gradient: 2F1 series did not converge (z = ${z} is too close to 1)`);
    }
    const bn = b + n - 1;
    const cn = c + n - 1;
    term *= (bn / cn) * z;
    hb += 1 / bn;
    hc += 1 / cn;
    sum += term;
    db += term * hb;
    dc -= term * hc;
    dz += n * term;
    // Terms fall at least geometrically by q < 1; n·term (the z-derivative) needs the 1/(1 − q)² tail.
    const q = ((b + n) / (c + n)) * z;
    if (term === 0 || (term * (n + 1) * q <= 1e-16 * (1 - q) * (1 - q) * sum && n * term <= 1e-16 * dz))
      break;
  }
  out[0] = Math.log(sum);
  out[1] = db / sum;
  out[2] = dc / sum;
  out[3] = z > 0 ? dz / z / sum : b / c;
};

const f = new Float64Array(4);

/**
 * log of one A0 term L(t) = log[F(t)/(m+t)^{r+s+x}] (as in pnbd-likelihood) and ∂L/∂(r, α, s, β) into
 * out[0..4]. la = ln(α+t), lb = ln(β+t).
 */
const termWithGradient = (
  p: ParetoNbdParams,
  x: number,
  t: number,
  la: number,
  lb: number,
  out: Float64Array,
  at: number,
): void => {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  if (alpha >= beta) {
    // L = s(la − lb) + log F(1, r+x; rsx+1; z) − rsx·la, z = (α−β)/(α+t)
    const z = (alpha - beta) / (alpha + t);
    logF1WithDerivatives(r + x, rsx + 1, z, f);
    const dz = f[3]!;
    out[at] = s * (la - lb) + f[0]! - rsx * la;
    out[at + 1] = f[1]! + f[2]! - la;
    out[at + 2] = s / (alpha + t) + (dz * (beta + t)) / (alpha + t) ** 2 - rsx / (alpha + t);
    out[at + 3] = la - lb + f[2]! - la;
    out[at + 4] = -s / (beta + t) - dz / (alpha + t);
    return;
  }
  // L = (1−r−x)(la − lb) + log F(1, s+1; rsx+1; w) − rsx·lb, w = (β−α)/(β+t)
  const w = (beta - alpha) / (beta + t);
  logF1WithDerivatives(s + 1, rsx + 1, w, f);
  const dw = f[3]!;
  const k = 1 - r - x;
  out[at] = k * (la - lb) + f[0]! - rsx * lb;
  out[at + 1] = -(la - lb) + f[2]! - lb;
  out[at + 2] = k / (alpha + t) - dw / (beta + t);
  out[at + 3] = f[1]! + f[2]! - lb;
  out[at + 4] = -k / (beta + t) + (dw * (alpha + t)) / (beta + t) ** 2 - rsx / (beta + t);
};

export type ParetoNbdEvaluation = { logLikelihood: number; gradient: ParetoNbdParams };

/** Total log-likelihood over prepared rows and its gradient in (r, α, s, β). */
export const evaluateParetoNbdWithGradient = (p: ParetoNbdParams, data: GroupedRows): ParetoNbdEvaluation => {
  const { r, alpha, s, beta } = p;
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const n = data.customers;
  let ll = n * (-logGamma(r) + r * lnAlpha + s * lnBeta);
  const g = [n * (-digamma(r) + lnAlpha), (n * r) / alpha, n * lnBeta, (n * s) / beta];
  for (let k = 0; k < data.xs.length; k++) {
    const x = data.xs[k]!;
    ll += data.xCounts[k]! * logGamma(r + x);
    g[0]! += data.xCounts[k]! * digamma(r + x);
  }
  const terms = new Float64Array(10); // L and its gradient at t_x, then at T
  const row = (x: number, tx: number, T: number, count: number): void => {
    const laT = Math.log(alpha + T);
    const lbT = Math.log(beta + T);
    const rsx = r + s + x;
    // S: survival to T; W: death in (t_x, T], = ln(s/rsx) + log A0.
    const S = -(r + x) * laT - s * lbT;
    const dS = [-laT, -(r + x) / (alpha + T), -lbT, -s / (beta + T)];
    let W = Number.NEGATIVE_INFINITY;
    const dW = [0, 0, 0, 0];
    if (tx < T) {
      termWithGradient(p, x, tx, Math.log(alpha + tx), Math.log(beta + tx), terms, 0);
      termWithGradient(p, x, T, laT, lbT, terms, 5);
      const d = terms[5]! - terms[0]!;
      if (d < 0) {
        const e = Math.exp(d);
        W = Math.log(s / rsx) + terms[0]! + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-e));
        // ∂ log(t1 − t2) = (∂L1 − e ∂L2) / (1 − e)
        const scale = 1 / -Math.expm1(d);
        for (let i = 0; i < 4; i++) dW[i] = (terms[1 + i]! - e * terms[6 + i]!) * scale;
        dW[0]! -= 1 / rsx;
        dW[2]! += 1 / s - 1 / rsx;
      }
    }
    // log-sum-exp with softmax weights
    const [hi, lo] = S >= W ? [S, W] : [W, S];
    const e = Math.exp(lo - hi);
    ll += count * (hi + Math.log1p(e));
    const wLo = e / (1 + e);
    const wS = S >= W ? 1 - wLo : wLo;
    for (let i = 0; i < 4; i++) g[i]! += count * (wS * dS[i]! + (1 - wS) * dW[i]!);
  };
  for (let k = 0; k < data.zeroT.length; k++) row(0, 0, data.times[data.zeroT[k]!]!, data.zeroCount[k]!);
  for (let k = 0; k < data.rowX.length; k++) {
    row(data.xs[data.rowX[k]!]!, data.times[data.rowTx[k]!]!, data.times[data.rowT[k]!]!, data.rowCount[k]!);
  }
  return { logLikelihood: ll, gradient: { r: g[0]!, alpha: g[1]!, s: g[2]!, beta: g[3]! } };
};
