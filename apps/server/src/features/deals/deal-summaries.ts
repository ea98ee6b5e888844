/** Open deals of customers, for the 360° view and the screen pop: one query each. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';

export type DealSummary = {
  id: string;
  name: string;
  stage: { id: string; name: string; probability: number };
  amount: number;
  currency: string;
  amountBase: number;
  expectedCloseDate: string | null;
  ownerId: string | null;
};

type Row = {
  customer_id: string;
  id: string;
  name: string;
  stage_id: string;
  stage_name: string;
  probability: number;
  amount: string;
  currency: string;
  amount_base: string;
  expected_close_date: string | null;
  owner_id: string | null;
};

const present = (r: Row): DealSummary => ({
  id: r.id,
  name: r.name,
  stage: { id: r.stage_id, name: r.stage_name, probability: Number(r.probability) },
  amount: Number(r.amount),
  currency: r.currency,
  amountBase: Number(r.amount_base),
  expectedCloseDate: r.expected_close_date,
  ownerId: r.owner_id,
});

/** The open deals of contacts or accounts, soonest expected close first, up to `per` each. */
export async function openDealsOf(
  ex: Executor,
  kind: 'contact' | 'account',
  ids: readonly string[],
  per = 10,
): Promise<Map<string, DealSummary[]>> {
  const out = new Map<string, DealSummary[]>();
  if (!ids.length) return out;
  const column = sql.raw(kind === 'contact' ? 'contact_id' : 'account_id');
  const rows = await queryRows<Row>(
    ex,
    sql`SELECT * FROM (
          SELECT d.${column} AS customer_id, d.id, d.name, d.stage_id, s.name AS stage_name, s.probability,
            d.amount::text, d.currency, d.amount_base::text, d.expected_close_date::text, d.owner_id,
            row_number() OVER (PARTITION BY d.${column} ORDER BY d.expected_close_date ASC NULLS LAST, d.id) AS n
          FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id
          WHERE d.${column} = ANY(${sql.param([...ids])}::uuid[]) AND d.status = 'open'
        ) x WHERE n <= ${per}`,
  );
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), present(r)]);
  return out;
}
