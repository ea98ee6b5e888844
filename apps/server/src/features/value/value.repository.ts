/** SQL of the value engine: purchase histories in, scores and lifecycle history out. */
import type { CustomerType } from '@relata/domain';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { customerValues, valueModelRuns } from '../../db/schema.ts';
import { arrayLiteral } from '../../db/seed/bulk.ts';

export type RunRow = typeof valueModelRuns.$inferSelect;
export type RunInsert = typeof valueModelRuns.$inferInsert;
export type ValueRow = typeof customerValues.$inferSelect;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const customerColumn = (type: CustomerType) => sql.raw(type === 'contact' ? 'contact_id' : 'account_id');
/** Orders that count as purchases (see purchaseStatuses in the domain). */
const purchased = sql`status IN ('confirmed', 'fulfilled')`;

/** One customer's purchase days (ascending) with the amount of each, and first-order facts. */
export type CustomerHistory = {
  id: string;
  days: number[];
  amounts: number[];
  channel: string | null;
  category: string | null;
  /** The customer's latest lifecycle row: none, open (validTo null) or closed. */
  latest: { state: string; validFrom: string; open: boolean } | null;
};

const RS = '\x1e';
const US = '\x1f';
/** Free text inside the packed page may not contain the separators. */
const clean = (e: SQL) => sql`translate(coalesce(${e}, ''), E'\x1e\x1f', '  ')`;

/**
 * Customers' purchase histories packed into one text value per page: row transfer, not SQL, is
 * the cost of reading millions of purchase days (the embedded database most of all). A page is
 * the customers in (afterId, uptoId], or the given ids. The first purchase's channel and largest
 * line's category are taken from the stored scores when the first purchase day is unchanged, and
 * looked up only for the others (new customers, back-dated orders).
 */
async function packedHistories(
  ex: Executor,
  type: CustomerType,
  which: SQL,
  asOfDay: number,
): Promise<CustomerHistory[]> {
  const c = customerColumn(type);
  const res = await ex.execute(sql`
    WITH days AS (
      SELECT ${c} AS id, ((ordered_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01') AS day, sum(total_base)::float8 AS amount
      FROM orders
      WHERE ${which} AND ${purchased}
        AND ordered_at < (DATE '1970-01-01' + ${asOfDay + 1}::int)::timestamp AT TIME ZONE 'UTC'
      GROUP BY 1, 2),
    per AS (
      SELECT days.id, string_agg(day::text, ',' ORDER BY day) AS d, string_agg(amount::text, ',' ORDER BY day) AS a,
             min(day) AS first_day
      FROM days GROUP BY days.id),
    known AS (
      SELECT per.*, v.acquisition_channel, v.first_category,
             coalesce(v.first_purchase_on - DATE '1970-01-01' = per.first_day, false) AS same_first
      FROM per LEFT JOIN customer_values v ON v.customer_type = ${type} AND v.customer_id = per.id),
    first AS (
      SELECT DISTINCT ON (${c}) ${c} AS id, id AS order_id, channel FROM orders
      WHERE ${which} AND ${purchased} AND ${c} IN (SELECT id FROM known WHERE NOT same_first)
      ORDER BY ${c}, ordered_at, id)
    SELECT string_agg(k.id::text || ${US} || k.d || ${US} || k.a || ${US}
             || ${clean(sql.raw('CASE WHEN k.same_first THEN k.acquisition_channel ELSE first.channel END'))}
             || ${US} || ${clean(sql.raw('CASE WHEN k.same_first THEN k.first_category ELSE top.category END'))}
             || ${US} || coalesce(h.state, '') || ${US} || coalesce(h.valid_from::text, '') || ${US}
             || CASE WHEN h.customer_id IS NOT NULL THEN 'true'
                     WHEN EXISTS (SELECT 1 FROM lifecycle_history e WHERE e.customer_type = ${type} AND e.customer_id = k.id)
                       THEN 'closed' ELSE '' END,
             ${RS} ORDER BY k.id) AS packed
    FROM known k
    LEFT JOIN first ON first.id = k.id
    LEFT JOIN LATERAL (SELECT l.category FROM order_lines l WHERE l.order_id = first.order_id
                       ORDER BY l.line_total DESC, l.position LIMIT 1) top ON true
    LEFT JOIN lifecycle_history h ON h.customer_type = ${type} AND h.customer_id = k.id AND h.valid_to IS NULL`);
  const packed = rowsOf<{ packed: string | null }>(res)[0]?.packed;
  if (!packed) return [];
  return packed.split(RS).map((rec) => {
    const f = rec.split(US);
    const [id, d, a, channel, category, state, validFrom, open] = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (k) => f[k] ?? '',
    ) as [string, string, string, string, string, string, string, string];
    return {
      id,
      days: d.split(',').map(Number),
      amounts: a.split(',').map(Number),
      channel: channel || null,
      category: category || null,
      // 'closed': history exists but no row is open (purchases were gone for a while); not rebuilt.
      latest:
        open === 'true'
          ? { state, validFrom, open: true }
          : open === 'closed'
            ? { state: '', validFrom: '', open: false }
            : null,
    };
  });
}

/** Customer ids that split the purchasing customers into pages of about `orders` orders. */
export async function pageBounds(ex: Executor, type: CustomerType, orders: number): Promise<string[]> {
  const c = customerColumn(type);
  const res = await ex.execute(sql`
    SELECT id FROM (
      SELECT ${c} AS id, row_number() OVER (ORDER BY ${c}) AS n FROM orders WHERE ${c} IS NOT NULL
    ) t WHERE n % ${orders} = 0`);
  return [...new Set(rowsOf<{ id: string }>(res).map((r) => r.id))];
}

/** Histories of the customers in (afterId, uptoId] (uptoId null: to the end). */
export async function historiesInRange(
  ex: Executor,
  type: CustomerType,
  afterId: string | null,
  uptoId: string | null,
  asOfDay: number,
): Promise<CustomerHistory[]> {
  const c = customerColumn(type);
  const lower = sql`${c} > ${afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid`;
  return packedHistories(ex, type, uptoId ? sql`${lower} AND ${c} <= ${uptoId}::uuid` : lower, asOfDay);
}

export async function historiesOf(ex: Executor, type: CustomerType, ids: string[], asOfDay: number) {
  if (!ids.length) return [];
  return packedHistories(ex, type, sql`${customerColumn(type)} = ANY(${sql.param(ids)}::uuid[])`, asOfDay);
}

export type ValueWrite = {
  ids: string[];
  firstPurchaseOn: string[];
  lastPurchaseOn: string[];
  purchases: number[];
  frequency: number[];
  recencyDays: number[];
  ageDays: number[];
  monetary: number[];
  historical: number[];
  pAlive: (number | null)[];
  expectedPurchases: (number | null)[];
  expectedSpend: (number | null)[];
  clv: (number | null)[];
  rfmR: number[];
  rfmF: number[];
  rfmM: number[];
  tier: (string | null)[];
  state: string[];
  since: string[];
  channel: (string | null)[];
  category: (string | null)[];
};

/** Upserts one batch of scores (arrays of equal length) with one statement. */
export async function upsertValues(ex: Executor, type: CustomerType, runId: string | null, v: ValueWrite) {
  if (!v.ids.length) return;
  // Array literals built by hand: several times faster than the driver's generic serialisation.
  const p = (a: unknown[], t: string) =>
    sql`${sql.param(arrayLiteral(a, t === 'text[]' || t === 'date[]'))}::${sql.raw(t)}`;
  await ex.execute(sql`
    INSERT INTO customer_values (customer_type, customer_id, model_run_id, first_purchase_on, last_purchase_on,
      purchases, frequency, recency_days, age_days, monetary, historical_value, p_alive, expected_purchases,
      expected_spend, clv, rfm_r, rfm_f, rfm_m, rfm_score, tier, lifecycle_state, lifecycle_since,
      acquisition_channel, first_category, scored_at)
    SELECT ${type}, u.id, ${runId}::uuid, u.fp, u.lp, u.n, u.x, u.tx, u.t, u.m, round(u.hv)::bigint, u.pa, u.ep,
      u.es, u.clv, u.r, u.f, u.mm, u.r::text || u.f::text || u.mm::text, u.tier, u.state, u.since, u.ch, u.cat, now()
    FROM unnest(${p(v.ids, 'uuid[]')}, ${p(v.firstPurchaseOn, 'date[]')}, ${p(v.lastPurchaseOn, 'date[]')},
      ${p(v.purchases, 'int[]')}, ${p(v.frequency, 'int[]')}, ${p(v.recencyDays, 'float8[]')},
      ${p(v.ageDays, 'float8[]')}, ${p(v.monetary, 'float8[]')}, ${p(v.historical, 'float8[]')},
      ${p(v.pAlive, 'float8[]')}, ${p(v.expectedPurchases, 'float8[]')}, ${p(v.expectedSpend, 'float8[]')},
      ${p(v.clv, 'float8[]')}, ${p(v.rfmR, 'int2[]')}, ${p(v.rfmF, 'int2[]')}, ${p(v.rfmM, 'int2[]')},
      ${p(v.tier, 'text[]')}, ${p(v.state, 'text[]')}, ${p(v.since, 'date[]')}, ${p(v.channel, 'text[]')},
      ${p(v.category, 'text[]')})
      AS u(id, fp, lp, n, x, tx, t, m, hv, pa, ep, es, clv, r, f, mm, tier, state, since, ch, cat)
    ON CONFLICT (customer_type, customer_id) DO UPDATE SET
      model_run_id = EXCLUDED.model_run_id, first_purchase_on = EXCLUDED.first_purchase_on,
      last_purchase_on = EXCLUDED.last_purchase_on, purchases = EXCLUDED.purchases,
      frequency = EXCLUDED.frequency, recency_days = EXCLUDED.recency_days, age_days = EXCLUDED.age_days,
      monetary = EXCLUDED.monetary, historical_value = EXCLUDED.historical_value, p_alive = EXCLUDED.p_alive,
      expected_purchases = EXCLUDED.expected_purchases, expected_spend = EXCLUDED.expected_spend,
      clv = EXCLUDED.clv, rfm_r = EXCLUDED.rfm_r, rfm_f = EXCLUDED.rfm_f, rfm_m = EXCLUDED.rfm_m,
      rfm_score = EXCLUDED.rfm_score, tier = EXCLUDED.tier, lifecycle_state = EXCLUDED.lifecycle_state,
      lifecycle_since = EXCLUDED.lifecycle_since, acquisition_channel = EXCLUDED.acquisition_channel,
      first_category = EXCLUDED.first_category, scored_at = EXCLUDED.scored_at`);
}

/** Reconstructed history rows (validTo null = open), for customers that had none. */
export async function insertHistory(
  ex: Executor,
  type: CustomerType,
  rows: { ids: string[]; validFrom: string[]; validTo: (string | null)[]; state: string[] },
) {
  if (!rows.ids.length) return;
  await ex.execute(sql`
    INSERT INTO lifecycle_history (customer_type, customer_id, valid_from, valid_to, state)
    SELECT ${type}, u.id, u.vf, u.vt, u.state
    FROM unnest(${sql.param(arrayLiteral(rows.ids, false))}::uuid[], ${sql.param(arrayLiteral(rows.validFrom, false))}::date[],
                ${sql.param(arrayLiteral(rows.validTo, false))}::date[], ${sql.param(arrayLiteral(rows.state, true))}::text[]) AS u(id, vf, vt, state)
    ON CONFLICT (customer_type, customer_id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, state = EXCLUDED.state`);
}

/**
 * Rewinds history to `day`: rows that start after it are removed and rows closed after it are
 * open again. A run as of a day knows nothing later (a clock set back, a run for a past day).
 */
export async function rewindHistory(ex: Executor, type: CustomerType, day: string) {
  await ex.execute(
    sql`DELETE FROM lifecycle_history WHERE customer_type = ${type} AND valid_from > ${day}::date`,
  );
  await ex.execute(
    sql`UPDATE lifecycle_history SET valid_to = NULL WHERE customer_type = ${type} AND valid_to > ${day}::date`,
  );
}

/** Closes the open lifecycle rows of these customers on `day`. */
export async function closeHistory(ex: Executor, type: CustomerType, ids: string[], day: string) {
  if (!ids.length) return;
  await ex.execute(sql`
    UPDATE lifecycle_history SET valid_to = ${day}::date
    WHERE customer_type = ${type} AND customer_id = ANY(${sql.param(ids)}::uuid[]) AND valid_to IS NULL
      AND valid_from < ${day}::date`);
}

/** Corrects the state of rows opened on `day` itself (a second run the same day). */
export async function restateHistory(
  ex: Executor,
  type: CustomerType,
  day: string,
  ids: string[],
  states: string[],
) {
  if (!ids.length) return;
  await ex.execute(sql`
    UPDATE lifecycle_history h SET state = u.state
    FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(states)}::text[]) AS u(id, state)
    WHERE h.customer_type = ${type} AND h.customer_id = u.id AND h.valid_from = ${day}::date AND h.valid_to IS NULL`);
}

/**
 * Closes the open rows of customers that have no scores any more (their purchases are gone); a
 * row opened today is removed instead. `ids` limits it to some customers.
 */
export async function closeHistoryWithoutValues(
  ex: Executor,
  type: CustomerType,
  day: string,
  ids?: string[],
) {
  const only = ids ? sql`AND h.customer_id = ANY(${sql.param(ids)}::uuid[])` : sql``;
  const orphan = sql`NOT EXISTS (SELECT 1 FROM customer_values v WHERE v.customer_type = ${type} AND v.customer_id = h.customer_id)`;
  await ex.execute(sql`
    DELETE FROM lifecycle_history h
    WHERE h.customer_type = ${type} AND h.valid_to IS NULL AND h.valid_from >= ${day}::date ${only} AND ${orphan}`);
  await ex.execute(sql`
    UPDATE lifecycle_history h SET valid_to = ${day}::date
    WHERE h.customer_type = ${type} AND h.valid_to IS NULL ${only} AND ${orphan}`);
}

/**
 * Removes the scores of customers a full run did not score (their purchases are gone); rows
 * rescored while the run was going are newer than its start and stay.
 */
export async function deleteStaleValues(ex: Executor, type: CustomerType, runId: string, startedAt: Date) {
  await ex.execute(
    sql`DELETE FROM customer_values WHERE customer_type = ${type} AND model_run_id IS DISTINCT FROM ${runId}::uuid
        AND scored_at < ${startedAt.toISOString()}::timestamptz`,
  );
}

export async function deleteValues(ex: Executor, type: CustomerType, ids: string[]) {
  if (!ids.length) return;
  await ex.execute(
    sql`DELETE FROM customer_values WHERE customer_type = ${type} AND customer_id = ANY(${sql.param(ids)}::uuid[])`,
  );
}

export async function insertRun(ex: Executor, v: RunInsert): Promise<RunRow> {
  const [row] = await ex.insert(valueModelRuns).values(v).returning();
  return row!;
}

export async function updateRun(ex: Executor, id: string, v: Partial<RunInsert>): Promise<RunRow> {
  const [row] = await ex.update(valueModelRuns).set(v).where(eq(valueModelRuns.id, id)).returning();
  return row!;
}

export async function getRun(ex: Executor, id: string): Promise<RunRow | undefined> {
  const [row] = await ex.select().from(valueModelRuns).where(eq(valueModelRuns.id, id));
  return row;
}

/** Claims a queued run (or a run left running by a worker that died) for this worker. */
export async function claimRun(ex: Executor, id: string, now: Date): Promise<RunRow | undefined> {
  const [row] = await ex
    .update(valueModelRuns)
    .set({ status: 'running', startedAt: now, error: null })
    .where(and(eq(valueModelRuns.id, id), sql`${valueModelRuns.status} IN ('queued', 'running')`))
    .returning();
  return row;
}

export async function latestRun(ex: Executor, type: CustomerType, status?: RunRow['status']) {
  const [row] = await ex
    .select()
    .from(valueModelRuns)
    .where(and(eq(valueModelRuns.customerType, type), status ? eq(valueModelRuns.status, status) : undefined))
    .orderBy(desc(valueModelRuns.createdAt), desc(valueModelRuns.id))
    .limit(1);
  return row;
}

export async function pageRuns(
  ex: Executor,
  type: CustomerType,
  before: { at: string; id: string } | undefined,
  limit: number,
) {
  return ex
    .select()
    .from(valueModelRuns)
    .where(
      and(
        eq(valueModelRuns.customerType, type),
        before
          ? sql`(${valueModelRuns.createdAt}, ${valueModelRuns.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(valueModelRuns.createdAt), desc(valueModelRuns.id))
    .limit(limit + 1);
}

export async function getValue(ex: Executor, type: CustomerType, id: string): Promise<ValueRow | undefined> {
  const [row] = await ex
    .select()
    .from(customerValues)
    .where(and(eq(customerValues.customerType, type), eq(customerValues.customerId, id)));
  return row;
}

export async function valuesFor(
  ex: Executor,
  type: CustomerType,
  ids: string[],
): Promise<Map<string, ValueRow>> {
  if (!ids.length) return new Map();
  const rows = await ex
    .select()
    .from(customerValues)
    .where(
      and(
        eq(customerValues.customerType, type),
        sql`${customerValues.customerId} = ANY(${sql.param(ids)}::uuid[])`,
      ),
    );
  return new Map(rows.map((r) => [r.customerId, r]));
}
