// BG/NBD log-likelihood and its analytic gradient over grouped rows, laid out for speed: terms that
// depend only on x (lnΓ, ψ) are computed once per distinct x, log(α + t) once per distinct time, and
// customers without repeat purchases are merged by T, so a row costs one exp and one log1p.
import { type GroupedRows, prepareGroups, timeScratch } from './grouped.ts';
import type { RfmGroup } from './rfm.ts';
import { digamma, logGamma } from './special.ts';

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

export type BgNbdData = GroupedRows;
export const prepareBgNbd: (rows: readonly RfmGroup[]) => BgNbdData = prepareGroups;

export type BgNbdEvaluation = { logLikelihood: number; gradient: BgNbdParams };

/**
 * Total log-likelihood and, unless `withGradient` is false, its gradient in (r, α, a, b).
 * Per customer LL = A1 + A2 + log(e^A3 + e^A4) (FHL 2005 eq. 6); the gradient weights the A3 and A4
 * derivatives by their softmax shares.
 */
export const evaluateBgNbd = (p: BgNbdParams, data: BgNbdData, withGradient = true): BgNbdEvaluation => {
  const { r, alpha, a, b } = p;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const nx = data.xs.length;
  // x-only terms
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const psiR = withGradient ? digamma(r) : 0;
  const psiB = withGradient ? digamma(b) : 0;
  const psiAB = withGradient ? digamma(a + b) : 0;
  const a4Const = new Float64Array(nx); // ln a − ln(b + x − 1)
  const invBx1 = new Float64Array(nx);
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let k = 0; k < nx; k++) {
    const x = data.xs[k]!;
    const n = data.xCounts[k]!;
    if (x > 0) {
      ll +=
        n * (logGamma(r + x) - lgR + logGamma(b + x) - lgB + lgAB - logGamma(a + b + x)) + n * r * logAlpha;
      a4Const[k] = logA - Math.log(b + x - 1);
      invBx1[k] = 1 / (b + x - 1);
      if (withGradient) {
        const psiABx = digamma(a + b + x);
        gr += n * (digamma(r + x) - psiR + logAlpha);
        ga += n * (psiAB - psiABx);
        gb += n * (psiAB + digamma(b + x) - psiB - psiABx);
      }
    } else {
      ll += n * r * logAlpha;
      gr += n * logAlpha;
    }
    gAlpha += (n * r) / alpha;
  }
  const nt = data.times.length;
  const [logTime, invTime] = timeScratch(data);
  for (let k = 0; k < nt; k++) {
    logTime[k] = Math.log(alpha + data.times[k]!);
    invTime[k] = 1 / (alpha + data.times[k]!);
  }
  // x = 0: only the survival term −r ln(α + T)
  for (let k = 0; k < data.zeroT.length; k++) {
    const c = data.zeroCount[k]!;
    const t = data.zeroT[k]!;
    ll -= c * r * logTime[t]!;
    gr -= c * logTime[t]!;
    gAlpha -= c * r * invTime[t]!;
  }
  const { rowX, rowT, rowTx, rowCount, xs } = data;
  for (let k = 0; k < rowX.length; k++) {
    const xi = rowX[k]!;
    const Ti = rowT[k]!;
    const txi = rowTx[k]!;
    const c = rowCount[k]!;
    const rx = r + xs[xi]!;
    const a3 = -rx * logTime[Ti]!;
    const a4 = a4Const[xi]! - rx * logTime[txi]!;
    // log-sum-exp and the share w4 of the A4 term
    let w4: number;
    if (a4 > a3) {
      const e = Math.exp(a3 - a4);
      ll += c * (a4 + Math.log1p(e));
      w4 = 1 / (1 + e);
    } else {
      const e = Math.exp(a4 - a3);
      ll += c * (a3 + Math.log1p(e));
      w4 = e / (1 + e);
    }
    if (withGradient) {
      const w3 = 1 - w4;
      gr -= c * (w3 * logTime[Ti]! + w4 * logTime[txi]!);
      gAlpha -= c * rx * (w3 * invTime[Ti]! + w4 * invTime[txi]!);
      ga += (c * w4) / a;
      gb -= c * w4 * invBx1[xi]!;
    }
  }
  return { logLikelihood: ll, gradient: { r: gr, alpha: gAlpha, a: ga, b: gb } };
};
