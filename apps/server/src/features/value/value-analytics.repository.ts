/** Read-side SQL of the value engine: tier table, CLV distribution, flows, LTV drivers. */
import type {
  CustomerType,
  DriverAttribute,
  DriverGroup,
  FlowCell,
  FlowState,
  LifecycleState,
} from '@relata/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const table = (type: CustomerType) => sql.raw(type === 'contact' ? 'contacts' : 'accounts');
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function tierTable(ex: Executor, type: CustomerType) {
  const res = await ex.execute(sql`
    SELECT tier, count(*)::int AS customers, coalesce(sum(clv), 0)::float8 AS clv, avg(clv)::float8 AS mean_clv,
           coalesce(sum(historical_value), 0)::float8 AS historical, avg(p_alive)::float8 AS mean_p_alive
    FROM customer_values WHERE customer_type = ${type} GROUP BY tier ORDER BY tier NULLS LAST`);
  return rowsOf<Record<string, unknown>>(res).map((r) => ({
    tier: r.tier as string | null,
    customers: Number(r.customers),
    clv: Number(r.clv),
    meanClv: num(r.mean_clv),
    historicalValue: Number(r.historical),
    meanPAlive: num(r.mean_p_alive),
  }));
}

export async function stateCounts(ex: Executor, type: CustomerType) {
  const res = await ex.execute(sql`
    SELECT lifecycle_state AS state, count(*)::int AS customers, coalesce(sum(clv), 0)::float8 AS clv
    FROM customer_values WHERE customer_type = ${type} GROUP BY 1`);
  const [prospects] = rowsOf<{ n: number }>(
    await ex.execute(sql`
      SELECT count(*)::int AS n FROM ${table(type)} c
      WHERE NOT EXISTS (SELECT 1 FROM customer_values v WHERE v.customer_type = ${type} AND v.customer_id = c.id)`),
  );
  return [
    ...rowsOf<{ state: LifecycleState; customers: number; clv: number }>(res).map((r) => ({
      state: r.state,
      customers: Number(r.customers),
      clv: Number(r.clv),
    })),
    { state: 'prospect' as LifecycleState, customers: Number(prospects?.n ?? 0), clv: 0 },
  ];
}

/** A histogram of CLV in 20 equal bins up to the 99th percentile, the rest in the last bin. */
export async function clvDistribution(ex: Executor, type: CustomerType) {
  const [stats] = rowsOf<Record<string, unknown>>(
    await ex.execute(sql`
      SELECT count(clv)::int AS n, coalesce(sum(clv), 0)::float8 AS total, avg(clv)::float8 AS mean,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY clv)::float8 AS median,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY clv)::float8 AS p99,
             max(clv)::float8 AS max
      FROM customer_values WHERE customer_type = ${type} AND clv IS NOT NULL`),
  );
  const n = Number(stats?.n ?? 0);
  const hi = Math.max(num(stats?.p99) ?? 0, 1);
  const bins = 20;
  const counts = new Array<number>(bins).fill(0);
  if (n > 0) {
    const res = await ex.execute(sql`
      SELECT least(width_bucket(clv, 0, ${hi}::float8, ${bins}), ${bins}) AS b, count(*)::int AS n
      FROM customer_values WHERE customer_type = ${type} AND clv IS NOT NULL GROUP BY 1`);
    for (const r of rowsOf<{ b: number; n: number }>(res))
      counts[Math.max(1, Number(r.b)) - 1]! += Number(r.n);
  }
  return {
    customers: n,
    total: Number(stats?.total ?? 0),
    mean: num(stats?.mean),
    median: num(stats?.median),
    max: num(stats?.max),
    bins: counts.map((count, i) => ({
      from: (hi * i) / bins,
      to: i === bins - 1 ? Math.max(num(stats?.max) ?? hi, hi) : (hi * (i + 1)) / bins,
      customers: count,
    })),
  };
}

/**
 * The moves between lifecycle states from one day to another: each customer's state on both days
 * (from effective-dated history; without history a customer is a prospect, or `none` if not yet in
 * the database) with the CLV they carry today.
 */
export async function flowMatrix(
  ex: Executor,
  type: CustomerType,
  from: string,
  to: string,
): Promise<FlowCell[]> {
  const at = (day: string) => sql`
    SELECT customer_id, state FROM lifecycle_history
    WHERE customer_type = ${type} AND valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to > ${day}::date)`;
  const res = await ex.execute(sql`
    WITH f AS (${at(from)}), t AS (${at(to)})
    SELECT CASE WHEN f.state IS NOT NULL THEN f.state
                WHEN c.created_at < (${from}::date + 1) THEN 'prospect' ELSE 'none' END AS from_state,
           coalesce(t.state, 'prospect') AS to_state,
           count(*)::int AS customers, coalesce(sum(v.clv), 0)::float8 AS clv
    FROM ${table(type)} c
    LEFT JOIN f ON f.customer_id = c.id
    LEFT JOIN t ON t.customer_id = c.id
    LEFT JOIN customer_values v ON v.customer_type = ${type} AND v.customer_id = c.id
    WHERE c.created_at < (${to}::date + 1) OR t.state IS NOT NULL
    GROUP BY 1, 2`);
  return rowsOf<{ from_state: FlowState; to_state: LifecycleState; customers: number; clv: number }>(res).map(
    (r) => ({
      from: r.from_state,
      to: r.to_state,
      customers: Number(r.customers),
      clv: Number(r.clv),
    }),
  );
}

const driverExpr = (attribute: DriverAttribute, type: CustomerType): SQL => {
  switch (attribute) {
    case 'acquisitionChannel':
      return sql.raw('v.acquisition_channel');
    case 'firstCategory':
      return sql.raw('v.first_category');
    case 'tier':
      return sql.raw('v.tier');
    case 'lifecycleState':
      return sql.raw('v.lifecycle_state');
    case 'region':
      return sql.raw("(c.address ->> 'region')");
    case 'country':
      return sql.raw("(c.address ->> 'country')");
    case 'npsCategory':
      // An account takes the category most of its contacts gave; a tie reads as passive.
      return sql.raw(
        type === 'contact'
          ? 'c.nps_category'
          : `CASE WHEN c.nps_promoters + c.nps_passives + c.nps_detractors = 0 THEN NULL
                  WHEN c.nps_promoters > greatest(c.nps_passives, c.nps_detractors) THEN 'promoter'
                  WHEN c.nps_detractors > greatest(c.nps_passives, c.nps_promoters) THEN 'detractor'
                  ELSE 'passive' END`,
      );
  }
};

/** Count, mean and standard deviation of CLV per value of an attribute (the 50 largest groups). */
export async function driverGroups(
  ex: Executor,
  type: CustomerType,
  attribute: DriverAttribute,
): Promise<DriverGroup[]> {
  const e = driverExpr(attribute, type);
  const res = await ex.execute(sql`
    SELECT ${e} AS value, count(*)::int AS n, avg(v.clv)::float8 AS mean, stddev_samp(v.clv)::float8 AS sd
    FROM customer_values v JOIN ${table(type)} c ON c.id = v.customer_id
    WHERE v.customer_type = ${type} AND v.clv IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 50`);
  return rowsOf<{ value: string | null; n: number; mean: number; sd: number | null }>(res).map((r) => ({
    value: r.value,
    customers: Number(r.n),
    mean: Number(r.mean),
    sd: num(r.sd),
  }));
}
