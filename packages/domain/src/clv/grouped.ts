// Grouped RFM rows in struct-of-arrays form, shared by the BG/NBD and Pareto/NBD likelihoods: distinct x
// values and distinct times are indexed so x-only terms and log(α + t) are computed once per evaluation.
import type { RfmGroup } from './rfm.ts';

/** Built once per fit. */
export type GroupedRows = {
  customers: number;
  /** Distinct x values and the number of customers with each. */
  xs: Float64Array;
  xCounts: Float64Array;
  /** Distinct times (T and t_x) the rows index into. */
  times: Float64Array;
  /** Rows with x > 0: index into xs, into times for T and t_x, and the count. */
  rowX: Int32Array;
  rowT: Int32Array;
  rowTx: Int32Array;
  rowCount: Float64Array;
  /** Customers with x = 0, merged by T. */
  zeroT: Int32Array;
  zeroCount: Float64Array;
};

const indexer = () => {
  const index = new Map<number, number>();
  const values: number[] = [];
  const of = (v: number): number => {
    let i = index.get(v);
    if (i === undefined) {
      i = values.length;
      index.set(v, i);
      values.push(v);
    }
    return i;
  };
  return { of, values };
};

export const prepareGroups = (rows: readonly RfmGroup[]): GroupedRows => {
  const xIndex = indexer();
  const timeIndex = indexer();
  const xCounts: number[] = [];
  const repeat: number[][] = [[], [], [], []];
  const zero = new Map<number, number>();
  let customers = 0;
  for (const { x, tx, T, count } of rows) {
    if (!(x >= 0 && Number.isInteger(x)) || !(tx >= 0 && T >= tx) || !(count >= 0)) {
      throw new RangeError(`rows need integer x ≥ 0 and 0 ≤ t_x ≤ T, got x=${x} t_x=${tx} T=${T}`);
    }
    if (count === 0) continue;
    customers += count;
    const xi = xIndex.of(x);
    xCounts[xi] = (xCounts[xi] ?? 0) + count;
    const Ti = timeIndex.of(T);
    if (x === 0) zero.set(Ti, (zero.get(Ti) ?? 0) + count);
    else {
      repeat[0]!.push(xi);
      repeat[1]!.push(Ti);
      repeat[2]!.push(timeIndex.of(tx));
      repeat[3]!.push(count);
    }
  }
  return {
    customers,
    xs: Float64Array.from(xIndex.values),
    xCounts: Float64Array.from(xCounts),
    times: Float64Array.from(timeIndex.values),
    rowX: Int32Array.from(repeat[0]!),
    rowT: Int32Array.from(repeat[1]!),
    rowTx: Int32Array.from(repeat[2]!),
    rowCount: Float64Array.from(repeat[3]!),
    zeroT: Int32Array.from(zero.keys()),
    zeroCount: Float64Array.from(zero.values()),
  };
};

const scratch = new WeakMap<GroupedRows, [Float64Array, Float64Array]>();

/**
 * Two per-time work arrays owned by `data`, reused across evaluations: a fit evaluates the likelihood
 * hundreds of times, and fresh arrays over a million distinct times would churn the garbage collector.
 * Not re-entrant: one evaluation at a time per data set.
 */
export const timeScratch = (data: GroupedRows): [Float64Array, Float64Array] => {
  let arrays = scratch.get(data);
  if (!arrays) {
    arrays = [new Float64Array(data.times.length), new Float64Array(data.times.length)];
    scratch.set(data, arrays);
  }
  return arrays;
};
