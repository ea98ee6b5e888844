import { asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { quoteLines, quoteRevisions, quotes } from '../../db/schema.ts';

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteInsert = typeof quotes.$inferInsert;
export type QuoteLineRow = typeof quoteLines.$inferSelect;
export type QuoteLineInsert = typeof quoteLines.$inferInsert;
export type RevisionRow = typeof quoteRevisions.$inferSelect;

export async function pageQuotes(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(quotes), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(quotes)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getQuote(ex: Executor, id: string, forUpdate = false): Promise<QuoteRow | undefined> {
  const q = ex.select().from(quotes).where(eq(quotes.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertQuote(ex: Executor, v: QuoteInsert): Promise<QuoteRow> {
  const [row] = await ex.insert(quotes).values(v).returning();
  return row!;
}

export async function updateQuote(ex: Executor, id: string, v: Partial<QuoteInsert>): Promise<QuoteRow> {
  const [row] = await ex.update(quotes).set(v).where(eq(quotes.id, id)).returning();
  return row!;
}

export async function deleteQuote(ex: Executor, id: string): Promise<void> {
  await ex.delete(quotes).where(eq(quotes.id, id));
}

export async function linesOf(ex: Executor, ids: string[]): Promise<Map<string, QuoteLineRow[]>> {
  const out = new Map<string, QuoteLineRow[]>();
  if (!ids.length) return out;
  const rows = await ex
    .select()
    .from(quoteLines)
    .where(inArray(quoteLines.quoteId, ids))
    .orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
  for (const r of rows) out.set(r.quoteId, [...(out.get(r.quoteId) ?? []), r]);
  return out;
}

export async function replaceLines(ex: Executor, quoteId: string, lines: Omit<QuoteLineInsert, 'quoteId'>[]) {
  await ex.delete(quoteLines).where(eq(quoteLines.quoteId, quoteId));
  return ex
    .insert(quoteLines)
    .values(lines.map((l) => ({ ...l, quoteId })))
    .returning();
}

export async function nextQuoteNumber(ex: Executor): Promise<string> {
  const [r] = await queryRows<{ n: string }>(ex, sql`SELECT nextval('quote_number_seq')::text AS n`);
  return `Q-${r!.n.padStart(6, '0')}`;
}

/** Keeps a version as it went out (on send); later decisions update its status. */
export async function saveRevision(ex: Executor, v: typeof quoteRevisions.$inferInsert): Promise<void> {
  await ex
    .insert(quoteRevisions)
    .values(v)
    .onConflictDoUpdate({
      target: [quoteRevisions.quoteId, quoteRevisions.revision],
      set: { status: v.status, snapshot: v.snapshot },
    });
}

export async function setRevisionStatus(ex: Executor, quoteId: string, revision: number, status: string) {
  await ex.execute(
    sql`UPDATE quote_revisions SET status = ${status},
          snapshot = jsonb_set(snapshot, '{status}', to_jsonb(${status}::text))
        WHERE quote_id = ${quoteId}::uuid AND revision = ${revision}`,
  );
}

export async function revisionsOf(ex: Executor, quoteId: string): Promise<RevisionRow[]> {
  return ex
    .select()
    .from(quoteRevisions)
    .where(eq(quoteRevisions.quoteId, quoteId))
    .orderBy(asc(quoteRevisions.revision));
}

export async function getRevision(ex: Executor, quoteId: string, revision: number) {
  const [row] = await ex
    .select()
    .from(quoteRevisions)
    .where(sql`${quoteRevisions.quoteId} = ${quoteId}::uuid AND ${quoteRevisions.revision} = ${revision}`);
  return row;
}
