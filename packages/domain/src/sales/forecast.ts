// The sales forecast: open deals' amounts weighted by their stage's win probability, by the month
// they are expected to close and by owner. Amounts are company-currency minor units.

/**
 * One group of open deals that share a close month, an owner and a stage probability (a single
 * deal is a group of one). `month` is YYYY-MM, or null for deals without an expected close date.
 */
export type ForecastGroup = {
  month: string | null;
  ownerId: string | null;
  probability: number;
  count: number;
  amount: number;
};

export type ForecastCell = { count: number; amount: number; weighted: number };
export type ForecastMonth = ForecastCell & { month: string };
export type ForecastOwner = ForecastCell & { ownerId: string | null };
export type Forecast = {
  months: ForecastMonth[];
  owners: ForecastOwner[];
  /** Month × owner, only the cells that hold deals. */
  cells: (ForecastCell & { month: string; ownerId: string | null })[];
  /** Open deals without an expected close date (not in `months`). */
  undated: ForecastCell;
  totals: ForecastCell;
};

/** A group's weighted amount, rounded half up to whole minor units once per group. */
export const weightedAmount = (amount: number, probability: number): number =>
  Math.round((amount * probability) / 100);

const empty = (): ForecastCell => ({ count: 0, amount: 0, weighted: 0 });
const add = (c: ForecastCell, g: ForecastGroup, w: number) => {
  c.count += g.count;
  c.amount += g.amount;
  c.weighted += w;
};

/** The months from `from` to `to` inclusive (YYYY-MM). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * Sums weighted amounts by month (every month of the range, empty ones included, in order), by
 * owner (largest weighted first) and in total. Groups outside the range are left out, undated
 * ones are reported apart. Each total is the sum of its rows, so the figures always add up.
 */
export function forecast(groups: readonly ForecastGroup[], range: { from: string; to: string }): Forecast {
  const months = new Map(monthRange(range.from, range.to).map((m) => [m, { month: m, ...empty() }]));
  const owners = new Map<string | null, ForecastOwner>();
  const cells = new Map<string, ForecastCell & { month: string; ownerId: string | null }>();
  const undated = empty();
  const totals = empty();
  for (const g of groups) {
    const w = weightedAmount(g.amount, g.probability);
    if (g.month === null) {
      add(undated, g, w);
      continue;
    }
    const month = months.get(g.month);
    if (!month) continue;
    add(month, g, w);
    add(totals, g, w);
    const owner = owners.get(g.ownerId) ?? { ownerId: g.ownerId, ...empty() };
    owners.set(g.ownerId, owner);
    add(owner, g, w);
    const key = `${g.month}|${g.ownerId ?? ''}`;
    const cell = cells.get(key) ?? { month: g.month, ownerId: g.ownerId, ...empty() };
    cells.set(key, cell);
    add(cell, g, w);
  }
  return {
    months: [...months.values()],
    owners: [...owners.values()].sort((a, b) => b.weighted - a.weighted || b.amount - a.amount),
    cells: [...cells.values()].sort((a, b) => a.month.localeCompare(b.month)),
    undated,
    totals,
  };
}
