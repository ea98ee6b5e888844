// Discounted customer lifetime value from a purchase model (BG/NBD or Pareto/NBD) and a spend model.
import type { BgNbdParams } from './bgnbd.ts';
import { expectedAverageSpend, type GammaGammaParams } from './gamma-gamma.ts';
import { type PurchaseModel, type PurchaseModelSpec, purchaseModel } from './model.ts';
import { daysPerUnit, type TimeUnit } from './rfm.ts';

const DAYS_PER_MONTH = 365.25 / 12;

export type ClvOptions = {
  /** Whole months ahead; each month's purchases are valued at its end. */
  horizonMonths: number;
  /** Discount rate per month, e.g. 0.01. */
  monthlyDiscount: number;
  /** The unit x, t_x and T (and the model's parameters) are in. */
  unit: TimeUnit;
};

export type ClvScore = {
  pAlive: number;
  /** Expected repeat purchases over the whole horizon. */
  expectedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma). */
  expectedSpend: number;
  /** Discounted value of the expected purchases over the horizon. */
  clv: number;
};

/** A bare BgNbdParams (the original signature) is read as a BG/NBD model. */
const asSpec = (model: BgNbdParams | PurchaseModelSpec): PurchaseModelSpec =>
  'kind' in model ? model : { kind: 'bgnbd', params: model };

type Schedule = { times: Float64Array; factors: Float64Array };

/** Month-end horizons in model units and their discount factors (1 + d)^−k. */
const schedule = ({ horizonMonths, monthlyDiscount, unit }: ClvOptions): Schedule => {
  if (!(Number.isInteger(horizonMonths) && horizonMonths >= 0)) {
    throw new RangeError(`horizonMonths must be a whole number ≥ 0, got ${horizonMonths}`);
  }
  if (!(monthlyDiscount > -1)) throw new RangeError(`monthlyDiscount must be > −1, got ${monthlyDiscount}`);
  const month = DAYS_PER_MONTH / daysPerUnit(unit);
  const times = Float64Array.from({ length: horizonMonths }, (_, k) => (k + 1) * month);
  const factors = Float64Array.from({ length: horizonMonths }, (_, k) => (1 + monthlyDiscount) ** -(k + 1));
  return { times, factors };
};

/** Given alive at T: expected purchases over the horizon and their discounted sum, month by month. */
type Curve = { total: number; discounted: number };

const curveOf = (model: PurchaseModel, { times, factors }: Schedule, x: number, T: number): Curve => {
  if (times.length === 0) return { total: 0, discounted: 0 };
  const cumulative = model.expectedPurchasesGivenAlive(times, x, T);
  let discounted = 0;
  let before = 0;
  for (let k = 0; k < cumulative.length; k++) {
    discounted += (cumulative[k]! - before) * factors[k]!;
    before = cumulative[k]!;
  }
  return { total: before, discounted };
};

/**
 * Expected value of a customer's purchases over the next `horizonMonths`: each month's expected
 * purchases times the expected spend per purchase, discounted at `monthlyDiscount` per month (paid at
 * month end). x, tx and T are in `unit`s. `model` is a fit (or spec) of either purchase model, or bare
 * BG/NBD parameters.
 */
export function discountedClv(
  model: BgNbdParams | PurchaseModelSpec,
  spendPerPurchase: number,
  customer: { x: number; tx: number; T: number },
  opts: ClvOptions,
): number {
  const predictions = purchaseModel(asSpec(model));
  const { x, tx, T } = customer;
  const { discounted } = curveOf(predictions, schedule(opts), x, T);
  return discounted === 0 ? 0 : discounted * predictions.pAlive(x, tx, T) * spendPerPurchase;
}

// Memo entries kept before the memo is cleared (bounds memory when T is continuous).
const MEMO_LIMIT = 1 << 18;
// After this many look-ups, a memo that hit less than a quarter of the time is switched off: with
// continuous T nearly every customer is new and the map costs more than it saves.
const MEMO_PROBE = 1 << 14;

/**
 * A scorer for many customers: (x, t_x, T, m) → P(alive), expected purchases over the horizon,
 * expected spend per purchase and discounted CLV. The purchase curve given alive depends on (x, T)
 * only, so it is memoised on (x, T) — on day-resolution data most customers share one — and customers
 * with x = 0 (t_x taken as 0) are memoised whole by T. Needs q > 1 for the population mean spend.
 */
export const clvScorer = (
  model: BgNbdParams | PurchaseModelSpec,
  spend: GammaGammaParams,
  opts: ClvOptions,
): ((x: number, tx: number, T: number, m: number) => ClvScore) => {
  const predictions = purchaseModel(asSpec(model));
  const plan = schedule(opts);
  const populationSpend = expectedAverageSpend(spend, 0, 0);
  let curves = new Map<number, Map<number, Curve>>();
  let zeros = new Map<number, ClvScore>();
  let entries = 0;
  let lookups = 0;
  let hits = 0;
  let memoise = true;
  const remember = () => {
    if (++entries > MEMO_LIMIT) {
      curves = new Map();
      zeros = new Map();
      entries = 0;
    }
  };
  const probe = (hit: boolean) => {
    if (hit) hits++;
    if (++lookups === MEMO_PROBE && hits < MEMO_PROBE / 4) {
      memoise = false;
      curves = new Map();
      zeros = new Map();
    }
  };
  const curve = (x: number, T: number): Curve => {
    if (!memoise) return curveOf(predictions, plan, x, T);
    let byT = curves.get(x);
    if (!byT) {
      byT = new Map();
      curves.set(x, byT);
    }
    let c = byT.get(T);
    probe(c !== undefined);
    if (!c) {
      c = curveOf(predictions, plan, x, T);
      remember();
      byT.set(T, c);
    }
    return c;
  };
  const scoreZero = (T: number): ClvScore => {
    const { total, discounted } = curveOf(predictions, plan, 0, T);
    const pAlive = predictions.pAlive(0, 0, T);
    return {
      pAlive,
      expectedPurchases: pAlive * total,
      expectedSpend: populationSpend,
      clv: pAlive * discounted * populationSpend,
    };
  };
  return (x, tx, T, m) => {
    if (x === 0) {
      if (!memoise) return scoreZero(T);
      const known = zeros.get(T);
      probe(known !== undefined);
      if (known) return { ...known };
      const score = scoreZero(T);
      remember();
      zeros.set(T, score);
      return { ...score };
    }
    const { total, discounted } = curve(x, T);
    const pAlive = predictions.pAlive(x, tx, T);
    const expectedSpend = expectedAverageSpend(spend, x, m);
    return {
      pAlive,
      expectedPurchases: pAlive * total,
      expectedSpend,
      clv: pAlive * discounted * expectedSpend,
    };
  };
};
