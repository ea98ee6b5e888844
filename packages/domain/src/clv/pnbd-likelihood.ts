// Pareto/NBD log-likelihood (Fader, Hardie & Lee 2005, "A Note on Deriving the Pareto/NBD Model and
// Related Expressions"), per customer and over grouped rows with per-x and per-time terms cached.
import { type GroupedRows, timeScratch } from './grouped.ts';
import { hyp2F1Log, log1mExp, logAddExp, logGamma } from './special.ts';

export type ParetoNbdParams = { r: number; alpha: number; s: number; beta: number };

/**
 * log of one term F(t)/(m+t)^{r+s+x} of the note's A0, m = max(α, β), from la = ln(α+t), lb = ln(β+t).
 * F is 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) when α ≥ β, else 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)).
 * Euler's transformation rewrites both as (1−z)^k · 2F1(1, ·; r+s+x+1; z), whose terms are positive,
 * decreasing and ≤ 1, so nothing overflows for large x or long T; 1 − z = e^{±(la − lb)}.
 */
const logA0Term = (p: ParetoNbdParams, x: number, t: number, la: number, lb: number): number => {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  if (alpha >= beta)
    return s * (la - lb) + hyp2F1Log(1, r + x, rsx + 1, (alpha - beta) / (alpha + t)) - rsx * la;
  return (1 - r - x) * (la - lb) + hyp2F1Log(1, s + 1, rsx + 1, (beta - alpha) / (beta + t)) - rsx * lb;
};

/** log A0 = log(t1 − t2) as log t1 + log(1 − e^{log t2 − log t1}): no cancellation, −∞ when t_x = T. */
const logA0FromTerms = (t1: number, t2: number): number =>
  t2 >= t1 ? Number.NEGATIVE_INFINITY : t1 + log1mExp(t2 - t1);

/** log A0 for one customer. */
export const paretoNbdLogA0 = (p: ParetoNbdParams, x: number, tx: number, T: number): number => {
  const { alpha, beta } = p;
  if (tx >= T) return Number.NEGATIVE_INFINITY;
  const t1 = logA0Term(p, x, tx, Math.log(alpha + tx), Math.log(beta + tx));
  const t2 = logA0Term(p, x, T, Math.log(alpha + T), Math.log(beta + T));
  return logA0FromTerms(t1, t2);
};

/**
 * One customer's log-likelihood: lnΓ(r+x) − lnΓ(r) + r ln α + s ln β
 * + log[ (α+T)^{−(r+x)} (β+T)^{−s} + s/(r+s+x) · A0 ].
 */
export const paretoNbdLogLikelihoodOne = (p: ParetoNbdParams, x: number, tx: number, T: number): number => {
  const { r, alpha, s, beta } = p;
  const survive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const bracket = logAddExp(survive, Math.log(s / (r + s + x)) + paretoNbdLogA0(p, x, tx, T));
  return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + bracket;
};

/** Total log-likelihood over prepared rows (see prepareGroups). */
export const evaluateParetoNbd = (p: ParetoNbdParams, data: GroupedRows): number => {
  const { r, alpha, s, beta } = p;
  const nx = data.xs.length;
  const logShare = new Float64Array(nx); // ln(s / (r + s + x))
  let ll = data.customers * (-logGamma(r) + r * Math.log(alpha) + s * Math.log(beta));
  for (let k = 0; k < nx; k++) {
    const x = data.xs[k]!;
    ll += data.xCounts[k]! * logGamma(r + x);
    logShare[k] = Math.log(s / (r + s + x));
  }
  const nt = data.times.length;
  const [la, lb] = timeScratch(data);
  for (let k = 0; k < nt; k++) {
    la[k] = Math.log(alpha + data.times[k]!);
    lb[k] = Math.log(beta + data.times[k]!);
  }
  const [la0, lb0] = [Math.log(alpha), Math.log(beta)];
  const row = (x: number, share: number, tx: number, lax: number, lbx: number, Ti: number): number => {
    const T = data.times[Ti]!;
    const survive = -(r + x) * la[Ti]! - s * lb[Ti]!;
    const a0 = logA0FromTerms(logA0Term(p, x, tx, lax, lbx), logA0Term(p, x, T, la[Ti]!, lb[Ti]!));
    return logAddExp(survive, share + a0);
  };
  const zeroIndex = data.xs.indexOf(0);
  for (let k = 0; k < data.zeroT.length; k++) {
    ll += data.zeroCount[k]! * row(0, logShare[zeroIndex]!, 0, la0, lb0, data.zeroT[k]!);
  }
  for (let k = 0; k < data.rowX.length; k++) {
    const xi = data.rowX[k]!;
    const txi = data.rowTx[k]!;
    ll +=
      data.rowCount[k]! *
      row(data.xs[xi]!, logShare[xi]!, data.times[txi]!, la[txi]!, lb[txi]!, data.rowT[k]!);
  }
  return ll;
};
