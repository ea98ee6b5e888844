// One interface over the purchase models, so fitting, scoring and CLV do not care which one is used.
import {
  type BgNbdParams,
  type BgNbdStandardErrors,
  expectedPurchases,
  expectedPurchasesGivenAliveBgNbd,
  expectedPurchasesNew,
  fitBgNbd,
  pAlive,
} from './bgnbd.ts';
import {
  expectedPurchasesGivenAliveCurveParetoNbd,
  expectedPurchasesNewParetoNbd,
  expectedPurchasesParetoNbd,
  fitParetoNbd,
  type ParetoNbdParams,
  type ParetoNbdStandardErrors,
  pAliveParetoNbd,
} from './pnbd.ts';
import type { RfmGroup } from './rfm.ts';

export type PurchaseModelKind = 'bgnbd' | 'pnbd';

type FitSummary<S> = {
  logLikelihood: number;
  standardErrors: S | null;
  iterations: number;
  converged: boolean;
};

/** A model and its parameters: all that predictions need (a PurchaseFit is one). */
export type PurchaseModelSpec =
  | { kind: 'bgnbd'; params: BgNbdParams }
  | { kind: 'pnbd'; params: ParetoNbdParams };
export type BgNbdPurchaseFit = { kind: 'bgnbd'; params: BgNbdParams } & FitSummary<BgNbdStandardErrors>;
export type ParetoNbdPurchaseFit = {
  kind: 'pnbd';
  params: ParetoNbdParams;
} & FitSummary<ParetoNbdStandardErrors>;
export type PurchaseFit = BgNbdPurchaseFit | ParetoNbdPurchaseFit;

export type PurchaseModel = {
  kind: PurchaseModelKind;
  /** P(alive at T | x, t_x, T). */
  pAlive: (x: number, tx: number, T: number) => number;
  /** E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T + t]. */
  expectedPurchases: (t: number, x: number, tx: number, T: number) => number;
  /** E[X(t)] for a newly acquired customer. */
  expectedPurchasesNew: (t: number) => number;
  /** E[Y(t) | x, T, alive] for each t of ascending `times`; times pAlive gives expectedPurchases. */
  expectedPurchasesGivenAlive: (times: ArrayLike<number>, x: number, T: number) => Float64Array;
};

export function fitPurchaseModel(kind: 'bgnbd', rows: readonly RfmGroup[]): BgNbdPurchaseFit;
export function fitPurchaseModel(kind: 'pnbd', rows: readonly RfmGroup[]): ParetoNbdPurchaseFit;
export function fitPurchaseModel(kind: PurchaseModelKind, rows: readonly RfmGroup[]): PurchaseFit;
/** Fit the chosen purchase model to grouped RFM rows. */
export function fitPurchaseModel(kind: PurchaseModelKind, rows: readonly RfmGroup[]): PurchaseFit {
  if (kind === 'bgnbd') {
    const { r, alpha, a, b, ...summary } = fitBgNbd(rows);
    return { kind, params: { r, alpha, a, b }, ...summary };
  }
  if (kind === 'pnbd') {
    const { r, alpha, s, beta, ...summary } = fitParetoNbd(rows);
    return { kind, params: { r, alpha, s, beta }, ...summary };
  }
  throw new RangeError(`Unknown purchase model '${String(kind)}'`);
}

/** The predictions of a fitted model. */
export const purchaseModel = (fit: PurchaseModelSpec): PurchaseModel => {
  if (fit.kind === 'bgnbd') {
    const p = fit.params;
    return {
      kind: 'bgnbd',
      pAlive: (x, tx, T) => pAlive(p, x, tx, T),
      expectedPurchases: (t, x, tx, T) => expectedPurchases(p, t, x, tx, T),
      expectedPurchasesNew: (t) => expectedPurchasesNew(p, t),
      expectedPurchasesGivenAlive: (times, x, T) => expectedPurchasesGivenAliveBgNbd(p, times, x, T),
    };
  }
  const p = fit.params;
  return {
    kind: 'pnbd',
    pAlive: (x, tx, T) => pAliveParetoNbd(p, x, tx, T),
    expectedPurchases: (t, x, tx, T) => expectedPurchasesParetoNbd(p, t, x, tx, T),
    expectedPurchasesNew: (t) => expectedPurchasesNewParetoNbd(p, t),
    expectedPurchasesGivenAlive: (times, x, T) => expectedPurchasesGivenAliveCurveParetoNbd(p, times, x, T),
  };
};
