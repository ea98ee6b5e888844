// LTV drivers: mean CLV per attribute value with a confidence interval for the mean.

/** Two-sided 95 % Student t quantiles t(0.975; df) for df = 1..30; the normal 1.96 beyond. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export const tQuantile975 = (df: number): number => {
  if (!(df >= 1)) return Number.NaN;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  // Cornish–Fisher expansion around the normal quantile; within 1e-3 of the exact value past 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
};

export type DriverGroup = { value: string | null; customers: number; mean: number; sd: number | null };
export type DriverRow = {
  value: string | null;
  customers: number;
  meanClv: number;
  ciLow: number | null;
  ciHigh: number | null;
  /** Mean CLV of the group relative to the overall mean (1 = average). */
  index: number | null;
};

/** 95 % t interval of each group's mean; groups of one customer get no interval. */
export function driverRows(groups: readonly DriverGroup[]): DriverRow[] {
  const n = groups.reduce((s, g) => s + g.customers, 0);
  const overall = n > 0 ? groups.reduce((s, g) => s + g.mean * g.customers, 0) / n : 0;
  return groups.map((g) => {
    const half =
      g.customers >= 2 && g.sd !== null
        ? (tQuantile975(g.customers - 1) * g.sd) / Math.sqrt(g.customers)
        : null;
    return {
      value: g.value,
      customers: g.customers,
      meanClv: g.mean,
      ciLow: half === null ? null : g.mean - half,
      ciHigh: half === null ? null : g.mean + half,
      index: overall > 0 ? g.mean / overall : null,
    };
  });
}

export const driverAttributes = [
  'acquisitionChannel',
  'firstCategory',
  'region',
  'country',
  'tier',
  'lifecycleState',
  'npsCategory',
] as const;
export type DriverAttribute = (typeof driverAttributes)[number];
