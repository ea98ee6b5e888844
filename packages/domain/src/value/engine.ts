// The value engine: from each customer's purchase days to fitted models, CLV, RFM, tiers and
// lifecycle states (with reconstructed history). Pure: the server loads and stores the arrays.
import { type ClvScore, clvScorer } from '../clv/clv.ts';
import { fitGammaGamma, type GammaGammaParams } from '../clv/gamma-gamma.ts';
import {
  fitPurchaseModel,
  type PurchaseFit,
  type PurchaseModelKind,
  type PurchaseModelSpec,
  purchaseModel,
} from '../clv/model.ts';
import { daysPerUnit, type RfmGroup, type TimeUnit } from '../clv/rfm.ts';
import {
  type LifecycleConfig,
  type LifecycleState,
  lifecycleSnapshot,
  lifecycleState,
  lifecycleStates,
} from './lifecycle.ts';
import {
  assignTiers,
  quintileBreaks,
  scoreByBreaks,
  type Tier,
  tierByThreshold,
  tierThresholds,
} from './segments.ts';

/** Purchase days per customer in CSR layout: customer i owns days[offsets[i] .. offsets[i+1]). */
export type PurchaseHistories = {
  n: number;
  offsets: Int32Array;
  /** Days since the epoch (UTC), ascending and distinct within a customer. */
  days: Int32Array;
  /** Amount spent on each purchase day, company-currency minor units. */
  amounts: Float64Array;
};

export type EngineSettings = {
  asOfDay: number;
  unit: TimeUnit;
  horizonMonths: number;
  monthlyDiscount: number;
  tiers: readonly Tier[];
  lifecycle: LifecycleConfig;
};

export type Segments = {
  tiers: { key: string; minClv: number | null }[];
  rfm: { r: number[]; f: number[]; m: number[] };
};

export type SpendFit = GammaGammaParams & {
  logLikelihood: number;
  customers: number;
  standardErrors: GammaGammaParams | null;
};

/** What scoring needs from a fit: stored with each run and reused by incremental rescoring. */
export type ScoringModel = {
  purchase: PurchaseModelSpec | null;
  spend: GammaGammaParams | null;
  meanSpend: number;
};

export type CustomerScores = {
  purchases: Int32Array;
  frequency: Int32Array;
  recencyDays: Float64Array;
  ageDays: Float64Array;
  monetary: Float64Array;
  historical: Float64Array;
  pAlive: Float64Array; // NaN where no model
  expectedPurchases: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
  rfmR: Uint8Array;
  rfmF: Uint8Array;
  rfmM: Uint8Array;
  tier: (string | null)[];
  state: Uint8Array; // index into lifecycleStates
};

export type HoldoutBin = { frequency: string; customers: number; actual: number; predicted: number };
export type HoldoutCheck = {
  days: number;
  calibrationEndDay: number;
  customers: number;
  actual: number;
  predicted: number;
  bins: HoldoutBin[];
};

const MS_PER_DAY = 86_400_000;
const range = (h: PurchaseHistories, i: number) => [h.offsets[i]!, h.offsets[i + 1]!] as const;

/** x, t_x, T (in units) and mean repeat spend of one customer as of `day` (inclusive). */
function rfmAt(h: PurchaseHistories, i: number, day: number, unitDays: number) {
  const [start, end] = range(h, i);
  let last = start;
  let repeatSpend = 0;
  for (let k = start + 1; k < end && h.days[k]! <= day; k++) {
    last = k;
    repeatSpend += h.amounts[k]!;
  }
  const first = h.days[start]!;
  const x = last - start;
  return {
    x,
    tx: (h.days[last]! - first) / unitDays,
    T: (day - first) / unitDays,
    m: x > 0 ? repeatSpend / x : 0,
  };
}

/** Unique (x, t_x, T) rows with counts, keyed on whole days so millions of customers group fast. */
function groupAt(
  h: PurchaseHistories,
  day: number,
  unitDays: number,
  include: (i: number) => boolean,
): RfmGroup[] {
  const groups = new Map<number, RfmGroup>();
  for (let i = 0; i < h.n; i++) {
    if (!include(i)) continue;
    const [start, end] = range(h, i);
    let last = start;
    for (let k = start + 1; k < end && h.days[k]! <= day; k++) last = k;
    const x = last - start;
    const txDays = h.days[last]! - h.days[start]!;
    const TDays = day - h.days[start]!;
    const key = (x * 65_536 + txDays) * 65_536 + TDays; // exact below 2^53 for x < 2^21
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { x, tx: txDays / unitDays, T: TDays / unitDays, count: 1 });
  }
  return [...groups.values()];
}

export type FitResult = {
  purchase: PurchaseFit | null;
  spend: SpendFit | null;
  model: ScoringModel;
  holdout: HoldoutCheck | null;
  warnings: string[];
  /** Milliseconds spent on each part of the fit. */
  timings: { purchaseMs: number; spendMs: number; holdoutMs: number };
};

/** Fits the purchase and spend models on everyone who bought up to the as-of day. */
export function fitValueModels(
  h: PurchaseHistories,
  opts: { asOfDay: number; unit: TimeUnit; model: PurchaseModelKind; holdoutDays: number | null },
): FitResult {
  const unitDays = daysPerUnit(opts.unit);
  const warnings: string[] = [];
  const all = () => true;
  const t0 = performance.now();
  let purchase: PurchaseFit | null = null;
  let repeaters = 0;
  for (let i = 0; i < h.n; i++) if (h.offsets[i + 1]! - h.offsets[i]! > 1) repeaters++;
  if (h.n < 2 || repeaters === 0) {
    warnings.push('Too few customers with repeat purchases to fit a purchase model; CLV is left empty.');
  } else {
    try {
      purchase = fitPurchaseModel(opts.model, groupAt(h, opts.asOfDay, unitDays, all));
      if (!purchase.converged)
        warnings.push('The purchase model did not fully converge; treat CLV as indicative.');
    } catch (e) {
      warnings.push(`The purchase model could not be fitted: ${(e as Error).message}`);
    }
  }
  const t1 = performance.now();
  // Spend: Gamma-Gamma on repeat buyers; the plain mean spend per purchase day when it cannot fit.
  let total = 0;
  let count = 0;
  const spendRows: { x: number; m: number }[] = [];
  for (let i = 0; i < h.n; i++) {
    const r = rfmAt(h, i, opts.asOfDay, unitDays);
    const [start, end] = range(h, i);
    for (let k = start; k < end; k++) total += h.amounts[k]!;
    count += end - start;
    if (r.x > 0 && r.m > 0) spendRows.push({ x: r.x, m: r.m });
  }
  const meanSpend = count > 0 ? total / count : 0;
  let spend: SpendFit | null = null;
  if (spendRows.length >= 2) {
    try {
      const g = fitGammaGamma(spendRows);
      if (g.q > 1) spend = g;
      else warnings.push('The spend model has q ≤ 1 (no finite mean); the mean spend per purchase is used.');
    } catch (e) {
      warnings.push(`The spend model could not be fitted: ${(e as Error).message}`);
    }
  }
  const model: ScoringModel = {
    purchase: purchase ? ({ kind: purchase.kind, params: purchase.params } as PurchaseModelSpec) : null,
    spend: spend ? { p: spend.p, q: spend.q, gamma: spend.gamma } : null,
    meanSpend,
  };
  const t2 = performance.now();
  const holdout = opts.holdoutDays && purchase ? holdoutCheck(h, opts, unitDays, warnings) : null;
  const ms = (a: number, b: number) => Math.round(b - a);
  return {
    purchase,
    spend,
    model,
    holdout,
    warnings,
    timings: { purchaseMs: ms(t0, t1), spendMs: ms(t1, t2), holdoutMs: ms(t2, performance.now()) },
  };
}

/** Fits on the calibration period only and compares predicted with actual holdout purchases. */
function holdoutCheck(
  h: PurchaseHistories,
  opts: { asOfDay: number; unit: TimeUnit; model: PurchaseModelKind; holdoutDays: number | null },
  unitDays: number,
  warnings: string[],
): HoldoutCheck | null {
  const days = opts.holdoutDays!;
  const calEnd = opts.asOfDay - days;
  const inCalibration = (i: number) => h.days[h.offsets[i]!]! <= calEnd;
  const rows = groupAt(h, calEnd, unitDays, inCalibration);
  if (!rows.some((r) => r.x > 0)) return null;
  let fit: PurchaseFit;
  try {
    fit = fitPurchaseModel(opts.model, rows);
  } catch (e) {
    warnings.push(`The holdout check could not fit the calibration period: ${(e as Error).message}`);
    return null;
  }
  const predict = purchaseModel(fit);
  const labels = ['0', '1', '2', '3', '4', '5', '6', '7+'];
  const bins = labels.map((frequency) => ({ frequency, customers: 0, actual: 0, predicted: 0 }));
  const t = days / unitDays;
  let skipped = 0;
  for (let i = 0; i < h.n; i++) {
    if (!inCalibration(i)) continue;
    const r = rfmAt(h, i, calEnd, unitDays);
    let predicted: number;
    try {
      predicted = predict.expectedPurchases(t, r.x, r.tx, r.T);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      predicted = Number.NaN;
    }
    // A customer the calibration model cannot predict is left out of the comparison.
    if (!Number.isFinite(predicted)) {
      skipped++;
      continue;
    }
    const [start, end] = range(h, i);
    let actual = 0;
    for (let k = start; k < end; k++) if (h.days[k]! > calEnd && h.days[k]! <= opts.asOfDay) actual++;
    const bin = bins[Math.min(7, r.x)]!;
    bin.customers++;
    bin.actual += actual;
    bin.predicted += predicted;
  }
  if (skipped > 0)
    warnings.push(`The holdout check left out ${skipped} customers the calibration model could not predict.`);
  const customers = bins.reduce((s, b) => s + b.customers, 0);
  const actual = bins.reduce((s, b) => s + b.actual, 0);
  const predicted = bins.reduce((s, b) => s + b.predicted, 0);
  return {
    days,
    calibrationEndDay: calEnd,
    customers,
    actual,
    predicted,
    bins: bins.map((b) => ({
      ...b,
      actual: b.customers ? b.actual / b.customers : 0,
      predicted: b.customers ? b.predicted / b.customers : 0,
    })),
  };
}

const stateIndex = new Map<LifecycleState, number>(lifecycleStates.map((s, i) => [s, i]));

type Rfm = ReturnType<typeof rfmAt>;
type Scorer = ReturnType<typeof clvScorer>;

/** (x, t_x, T) in whole days as one number, as groupAt keys them: what a prediction depends on. */
const historyKey = (h: PurchaseHistories, i: number, day: number, x: number) => {
  const first = h.days[h.offsets[i]!]!;
  return (x * 65_536 + (h.days[h.offsets[i]! + x]! - first)) * 65_536 + (day - first);
};

/**
 * Scores every customer with a fixed model. With `segments` (incremental rescoring) tiers and RFM
 * come from the stored thresholds; without, they are computed across these customers. A customer
 * whose prediction cannot be computed (a RangeError from the model's series, or a non-finite
 * result) stays unscored — NaN probabilities and CLV, no tier — and is counted in `unscored`; its
 * lifecycle state is decided without P(alive).
 */
export function scoreCustomers(
  h: PurchaseHistories,
  model: ScoringModel,
  s: EngineSettings,
  segments?: Segments,
): { scores: CustomerScores; segments: Segments; unscored: number } {
  const n = h.n;
  const unitDays = daysPerUnit(s.unit);
  const out: CustomerScores = {
    purchases: new Int32Array(n),
    frequency: new Int32Array(n),
    recencyDays: new Float64Array(n),
    ageDays: new Float64Array(n),
    monetary: new Float64Array(n),
    historical: new Float64Array(n),
    pAlive: new Float64Array(n).fill(Number.NaN),
    expectedPurchases: new Float64Array(n).fill(Number.NaN),
    expectedSpend: new Float64Array(n).fill(Number.NaN),
    clv: new Float64Array(n).fill(Number.NaN),
    rfmR: new Uint8Array(n),
    rfmF: new Uint8Array(n),
    rfmM: new Uint8Array(n),
    tier: new Array<string | null>(n).fill(null),
    state: new Uint8Array(n),
  };
  const score = model.purchase
    ? clvScorer(model.purchase, model.spend ?? { p: 1, q: 2, gamma: model.meanSpend || 1 }, s)
    : null;
  const sinceLast = new Float64Array(n);
  const meanSpend = new Float64Array(n);
  let unscored = 0;
  // Histories whose prediction failed (see historyKey): a failing series costs its full length and
  // the same history fails again, so each is tried once. Consulted only once something has failed.
  const failed = new Set<number>();
  const predict = (f: Scorer, i: number, r: Rfm): ClvScore | null => {
    if (failed.size > 0 && failed.has(historyKey(h, i, s.asOfDay, r.x))) return null;
    try {
      const v = f(r.x, r.tx, r.T, r.m);
      return Number.isFinite(v.pAlive) && Number.isFinite(v.clv) ? v : null;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      failed.add(historyKey(h, i, s.asOfDay, r.x));
      return null;
    }
  };
  for (let i = 0; i < n; i++) {
    const [start, end] = range(h, i);
    const r = rfmAt(h, i, s.asOfDay, unitDays);
    let total = 0;
    for (let k = start; k < end; k++) total += h.amounts[k]!;
    out.purchases[i] = end - start;
    out.frequency[i] = r.x;
    out.recencyDays[i] = r.tx * unitDays;
    out.ageDays[i] = r.T * unitDays;
    out.monetary[i] = r.m;
    out.historical[i] = total;
    sinceLast[i] = s.asOfDay - h.days[end - 1]!;
    meanSpend[i] = total / (end - start);
    const v = score ? predict(score, i, r) : null;
    if (v) {
      // Without a spend model the expected spend is the customer's own mean (or everyone's).
      const spendPerPurchase = model.spend ? v.expectedSpend : r.x > 0 ? r.m : model.meanSpend;
      out.pAlive[i] = v.pAlive;
      out.expectedPurchases[i] = v.expectedPurchases;
      out.expectedSpend[i] = spendPerPurchase;
      out.clv[i] = model.spend ? v.clv : (v.clv / (v.expectedSpend || 1)) * spendPerPurchase;
    } else if (score) unscored++;
    const snapshot = lifecycleSnapshot(
      h.days.subarray(start, end),
      h.amounts.subarray(start, end),
      s.asOfDay,
      s.lifecycle.windowDays,
      v ? v.pAlive : null,
    );
    out.state[i] = stateIndex.get(lifecycleState(s.lifecycle, snapshot))!;
  }
  const seg: Segments = segments ?? {
    tiers: [],
    rfm: { r: quintileBreaks(sinceLast), f: quintileBreaks(out.purchases), m: quintileBreaks(meanSpend) },
  };
  for (let i = 0; i < n; i++) {
    out.rfmR[i] = scoreByBreaks(sinceLast[i]!, seg.rfm.r, false);
    out.rfmF[i] = scoreByBreaks(out.purchases[i]!, seg.rfm.f, true);
    out.rfmM[i] = scoreByBreaks(meanSpend[i]!, seg.rfm.m, true);
  }
  if (score) {
    if (segments) {
      for (let i = 0; i < n; i++)
        if (!Number.isNaN(out.clv[i]!)) out.tier[i] = tierByThreshold(out.clv[i]!, segments.tiers);
    } else {
      // Tiers rank the scored customers only; the unscored keep no tier.
      const scored: number[] = [];
      if (unscored > 0) for (let i = 0; i < n; i++) if (!Number.isNaN(out.clv[i]!)) scored.push(i);
      const clv = unscored > 0 ? Float64Array.from(scored, (i) => out.clv[i]!) : out.clv;
      const idx = assignTiers(clv, s.tiers);
      for (let k = 0; k < clv.length; k++) out.tier[unscored > 0 ? scored[k]! : k] = s.tiers[idx[k]!]!.key;
      seg.tiers = tierThresholds(clv, idx, s.tiers);
    }
  }
  return { scores: out, segments: seg, unscored };
}

/** The last day of each month from `fromDay` up to (excluding) `toDay`, then `toDay`. */
export function monthEnds(fromDay: number, toDay: number): number[] {
  const out: number[] = [];
  const d = new Date(fromDay * MS_PER_DAY);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const end = Date.UTC(y, m + 1, 0) / MS_PER_DAY;
    if (end >= toDay) break;
    if (end >= fromDay) out.push(end);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  out.push(toDay);
  return out;
}

export type HistoryRow = { customer: number; validFrom: number; state: LifecycleState };

/** P(alive), or null where the model cannot compute it (the state is then decided without it). */
const pAliveOrNull = (predict: ReturnType<typeof purchaseModel>, r: Rfm): number | null => {
  try {
    const p = predict.pAlive(r.x, r.tx, r.T);
    return Number.isFinite(p) ? p : null;
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
};

/**
 * Reconstructs the lifecycle history of customers that have none: their state at their first
 * purchase (or the window start) and at every month end since, compressed to the changes. The
 * last row is the state on the as-of day and stays open.
 */
export function reconstructHistory(
  h: PurchaseHistories,
  customers: Iterable<number>,
  model: ScoringModel,
  s: EngineSettings,
  windowStartDay: number,
): HistoryRow[] {
  const unitDays = daysPerUnit(s.unit);
  const predict = model.purchase ? purchaseModel(model.purchase) : null;
  const rows: HistoryRow[] = [];
  const samples = monthEnds(windowStartDay, s.asOfDay);
  for (const i of customers) {
    const [start, end] = range(h, i);
    const first = Math.max(h.days[start]!, windowStartDay);
    if (first > s.asOfDay) continue;
    let prev: LifecycleState | null = null;
    const at = (day: number) => {
      const r = rfmAt(h, i, day, unitDays);
      const pAlive = predict ? pAliveOrNull(predict, r) : null;
      const snap = lifecycleSnapshot(
        h.days.subarray(start, end),
        h.amounts.subarray(start, end),
        day,
        s.lifecycle.windowDays,
        pAlive,
      );
      const state = lifecycleState(s.lifecycle, snap);
      if (state !== prev) rows.push({ customer: i, validFrom: day, state });
      prev = state;
    };
    at(first);
    for (const day of samples) if (day > first) at(day);
  }
  return rows;
}
