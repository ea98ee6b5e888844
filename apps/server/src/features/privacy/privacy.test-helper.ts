/** The privacy tests' proof that nothing is left: a scan of every row of every table. */
import { expect } from 'vitest';
import type { TestApp } from '../../test/app.ts';

/** Rows of every table of the application's schema (pg-boss keeps its own) that mention `needle`. */
export async function tablesMentioning(t: TestApp, needle: string): Promise<string[]> {
  const sql = <T>(text: string, values?: unknown[]) => t.services.database.query<T>(text, values);
  const tables = await sql<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
  );
  expect(tables.map((x) => x.name)).toEqual(
    expect.arrayContaining(['contacts', 'audit_log', 'emails', 'facts', 'leads', 'cases', 'deals', 'quotes']),
  );
  const hits: string[] = [];
  for (const { name } of tables) {
    const [row] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE $1`,
      [`%${needle}%`],
    );
    if (row!.n) hits.push(`${name} (${row!.n})`);
  }
  return hits;
}
