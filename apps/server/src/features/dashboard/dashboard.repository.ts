import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const EXACT_UP_TO = 100_000;

/**
 * Row counts for the dashboard: exact for small tables; for large ones the planner's estimate
 * (kept by ANALYZE/autovacuum), since count(*) over millions of rows on every page view is a
 * full scan.
 */
export async function tableSizes(
  ex: Executor,
  tables: readonly ('contacts' | 'accounts')[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const est = (await ex.execute(
      sql`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = ${table}::regclass`,
    )) as unknown as {
      rows: { n: number | string }[];
    };
    const estimate = Number(est.rows[0]?.n ?? -1);
    if (estimate > EXACT_UP_TO) {
      out[table] = estimate;
      continue;
    }
    const exact = (await ex.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`)) as unknown as {
      rows: { n: number }[];
    };
    out[table] = Number(exact.rows[0]?.n ?? 0);
  }
  return out;
}
