/**
 * Customer value in contact and account lists: the joined columns, the filter/sort whitelist and
 * the compact value each list item carries. Only actors who may read value see or filter on it.
 */
import { type Actor, can, type ListQuery, lifecycleStates } from '@relata/domain';
import { type SQL, sql } from 'drizzle-orm';
import { customerValues } from '../../db/schema.ts';
import { decodeCursor } from '../../http/cursor.ts';
import type { PageRequest } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';

const col = (c: string) => sql.raw(`customer_values.${c}`);

export const valueListFields: ListFields = {
  tier: { kind: 'text', sortable: true, expr: col('tier') },
  clv: { kind: 'number', sortable: true, expr: col('clv') },
  pAlive: { kind: 'number', sortable: true, expr: col('p_alive') },
  historicalValue: { kind: 'number', sortable: true, expr: col('historical_value') },
  lifecycleState: {
    kind: 'enum',
    sortable: true,
    // Customers without purchases are prospects.
    expr: sql.raw(`coalesce(customer_values.lifecycle_state, 'prospect')`),
    notNull: true,
    values: lifecycleStates,
  },
  rfmScore: { kind: 'text', sortable: true, expr: col('rfm_score') },
  rfmR: { kind: 'number', sortable: true, expr: col('rfm_r') },
  rfmF: { kind: 'number', sortable: true, expr: col('rfm_f') },
  rfmM: { kind: 'number', sortable: true, expr: col('rfm_m') },
  lastPurchaseOn: { kind: 'date', sortable: true, expr: col('last_purchase_on') },
};

export const withValueFields = (actor: Actor, fields: ListFields): ListFields =>
  can(actor, 'read', 'value') ? { ...fields, ...valueListFields } : fields;

/** The columns a list page selects from the joined customer_values row. */
export const valueColumns = {
  tier: customerValues.tier,
  clv: customerValues.clv,
  pAlive: customerValues.pAlive,
  historicalValue: customerValues.historicalValue,
  lifecycleState: customerValues.lifecycleState,
  rfmScore: customerValues.rfmScore,
  lastPurchaseOn: customerValues.lastPurchaseOn,
};

export type ListValue = {
  tier: string | null;
  clv: number | null;
  pAlive: number | null;
  historicalValue: number | null;
  lifecycleState: string | null;
  rfmScore: string | null;
  lastPurchaseOn: string | null;
};

export function presentListValue(actor: Actor, v: ListValue | null, currency: string) {
  if (!can(actor, 'read', 'value')) return undefined;
  if (v && v.lifecycleState !== null)
    return { ...v, clv: v.clv === null ? null : Math.round(v.clv), currency };
  return {
    lifecycleState: 'prospect',
    tier: null,
    clv: null,
    pAlive: null,
    historicalValue: 0,
    rfmScore: null,
    lastPurchaseOn: null,
    currency,
  };
}

/**
 * A page sorted by a value field (CLV, P(alive), …), whose values sit in the joined, optional
 * customer_values row. Customers with a value come first either way (nulls last), so the page is
 * read in two parts: the rows with a value, through an inner join that the value indexes serve in
 * order, then — once those run out — the rows without one. A single query would sort every
 * customer on each request, since a left join cannot use the index order.
 */
export async function pageByValue<R extends { id: string; _sort: string | null }>(
  query: ListQuery & Record<string, unknown>,
  build: (q: ListQuery & Record<string, unknown>) => PageRequest,
  fetch: (req: PageRequest, extra: SQL) => Promise<R[]>,
  sortField: string,
): Promise<{ rows: R[]; req: PageRequest }> {
  const req = build(query);
  const expr = valueListFields[sortField]!.expr;
  const cursor = query.cursor ? decodeCursor(query.cursor, `${req.sort.field}:${req.sort.dir}`) : null;
  const inNullPart = cursor !== null && cursor.v === null;
  const rows = inNullPart ? [] : await fetch(req, sql`${expr} IS NOT NULL`);
  if (rows.length > req.limit) return { rows, req };
  const { cursor: _, ...fresh } = query;
  const rest = await fetch(
    inNullPart ? req : { ...build(fresh), limit: req.limit - rows.length },
    sql`${expr} IS NULL`,
  );
  return { rows: [...rows, ...rest], req };
}

/** Value fields whose sort needs pageByValue (lifecycle state is never null: prospects). */
export const sortsByValue = (sort: string | undefined) => {
  const field = sort?.replace(/^-/, '');
  return field && field !== 'lifecycleState' && field in valueListFields ? field : null;
};
