// Value tiers (top x % by CLV) and RFM quintile scores.
import { z } from 'zod';

export const tierSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_]{1,10}$/, 'must be a short key such as A'),
    label: z.string().trim().min(1).max(60),
    /** Share of customers (by CLV rank) in this tier; null on the last tier: everyone left. */
    topPercent: z.number().gt(0).max(100).nullable(),
  })
  .strict();
export type Tier = z.infer<typeof tierSchema>;

export const tiersSchema = z
  .array(tierSchema)
  .min(1)
  .max(10)
  .superRefine((tiers, ctx) => {
    const keys = new Set<string>();
    let total = 0;
    tiers.forEach((t, i) => {
      if (keys.has(t.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'tier keys must be unique' });
      keys.add(t.key);
      const last = i === tiers.length - 1;
      if (last && t.topPercent !== null)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'topPercent'],
          message: 'the last tier takes the rest: null',
        });
      if (!last && t.topPercent === null)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'topPercent'],
          message: 'only the last tier takes the rest',
        });
      total += t.topPercent ?? 0;
    });
    if (total > 100)
      ctx.addIssue({ code: 'custom', path: [], message: 'the tiers add up to more than 100 %' });
  });

export const defaultTiers: Tier[] = [
  { key: 'A', label: 'A — top 5 %', topPercent: 5 },
  { key: 'B', label: 'B — next 15 %', topPercent: 15 },
  { key: 'C', label: 'C — next 30 %', topPercent: 30 },
  { key: 'D', label: 'D — the rest', topPercent: null },
];

/** Indices of `values` sorted by value, descending (stable by index). */
const rankDescending = (values: ArrayLike<number>): Uint32Array => {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((i, j) => values[j]! - values[i]! || i - j);
  return order;
};

/**
 * The tier index (into `tiers`) of each customer by CLV: the top `topPercent` of customers by rank
 * fall in the first tier and so on. Customers with equal CLV always share a tier (the higher one).
 */
export function assignTiers(clv: ArrayLike<number>, tiers: readonly Tier[]): Uint8Array {
  const n = clv.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const order = rankDescending(clv);
  let rank = 0;
  let cumulative = 0;
  for (let t = 0; t < tiers.length; t++) {
    const pct = tiers[t]!.topPercent;
    cumulative += pct ?? 100;
    const end = pct === null ? n : Math.min(n, Math.round((cumulative / 100) * n));
    // Extend the tier over ties with its last member so equal values never split.
    while (rank < n && (rank < end || (rank > 0 && clv[order[rank]!] === clv[order[rank - 1]!]))) {
      out[order[rank]!] = t;
      rank++;
    }
  }
  for (; rank < n; rank++) out[order[rank]!] = tiers.length - 1;
  return out;
}

/**
 * Quintile scores 1–5 (5 = best) by rank. With `higherIsBetter` false (recency in days since the
 * last purchase) the lowest values score 5. Equal values share a score.
 */
export function quintiles(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ascending by "goodness": the worst first.
  order.sort((i, j) => (higherIsBetter ? values[i]! - values[j]! : values[j]! - values[i]!) || i - j);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end++;
    // A tie group scores by the position of its first member.
    const score = 1 + Math.min(4, Math.floor((5 * start) / n));
    for (let k = start; k <= end; k++) out[order[k]!] = score;
    start = end + 1;
  }
  return out;
}

/** The four quintile breaks of `values`: the values at 20, 40, 60 and 80 % of the sorted list. */
export function quintileBreaks(values: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map((k) => sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / 5))]!);
}

/**
 * A 1–5 score against quintile breaks (5 = best). Higher is better: one point per break the value
 * exceeds; lower is better (days since the last purchase): one point per break it stays under.
 * Equal values always share a score, and a customer scored later against the stored breaks gets
 * the score a full run would have given.
 */
export function scoreByBreaks(value: number, breaks: readonly number[], higherIsBetter: boolean): number {
  let s = 1;
  for (const b of breaks) if (higherIsBetter ? value > b : value < b) s++;
  return s;
}

/** Each tier's lowest CLV in a full run; later customers join the first tier they reach. */
export function tierThresholds(clv: ArrayLike<number>, tierIndex: ArrayLike<number>, tiers: readonly Tier[]) {
  const min = tiers.map(() => Number.POSITIVE_INFINITY);
  for (let i = 0; i < clv.length; i++) {
    const t = tierIndex[i]!;
    if (clv[i]! < min[t]!) min[t] = clv[i]!;
  }
  return tiers.map((t, i) => ({ key: t.key, minClv: Number.isFinite(min[i]!) ? min[i]! : null }));
}

export function tierByThreshold(clv: number, thresholds: readonly { key: string; minClv: number | null }[]) {
  for (const t of thresholds) if (t.minClv !== null && clv >= t.minClv) return t.key;
  return thresholds[thresholds.length - 1]?.key ?? null;
}
