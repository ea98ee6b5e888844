import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { leadForms } from '../../db/schema.ts';

export type LeadFormRow = typeof leadForms.$inferSelect;
export type LeadFormInsert = typeof leadForms.$inferInsert;

export async function pageForms(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(leadForms), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(leadForms)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getForm(ex: Executor, id: string, forUpdate = false): Promise<LeadFormRow | undefined> {
  const q = ex.select().from(leadForms).where(eq(leadForms.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getFormByKey(ex: Executor, key: string): Promise<LeadFormRow | undefined> {
  const [row] = await ex.select().from(leadForms).where(eq(leadForms.key, key));
  return row;
}

export async function insertForm(ex: Executor, v: LeadFormInsert): Promise<LeadFormRow> {
  const [row] = await ex.insert(leadForms).values(v).returning();
  return row!;
}

export async function updateForm(ex: Executor, id: string, v: Partial<LeadFormInsert>): Promise<LeadFormRow> {
  const [row] = await ex.update(leadForms).set(v).where(eq(leadForms.id, id)).returning();
  return row!;
}

export async function deleteForm(ex: Executor, id: string): Promise<void> {
  await ex.delete(leadForms).where(eq(leadForms.id, id));
}

export async function countSubmission(ex: Executor, id: string, at: Date): Promise<void> {
  await ex
    .update(leadForms)
    .set({ submissions: sql`${leadForms.submissions} + 1`, lastSubmissionAt: at })
    .where(eq(leadForms.id, id));
}

/**
 * Counts one hit in a fixed one-hour window, atomically (so several API processes share it);
 * returns the hits so far in the window and when it started.
 */
export async function hit(
  ex: Executor,
  key: string,
  now: Date,
): Promise<{ hits: number; windowStart: Date }> {
  const at = now.toISOString();
  const res = await ex.execute(sql`
    INSERT INTO lead_form_throttle AS t (key, window_start, hits) VALUES (${key}, ${at}::timestamptz, 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN t.window_start <= ${at}::timestamptz - interval '1 hour' THEN 1 ELSE t.hits + 1 END,
      window_start = CASE WHEN t.window_start <= ${at}::timestamptz - interval '1 hour'
        THEN ${at}::timestamptz ELSE t.window_start END
    RETURNING hits, window_start`);
  const row = (res as unknown as { rows: { hits: number; window_start: string | Date }[] }).rows[0]!;
  return { hits: Number(row.hits), windowStart: new Date(row.window_start) };
}

export async function forgetOldHits(ex: Executor, before: Date): Promise<void> {
  await ex.execute(
    sql`DELETE FROM lead_form_throttle WHERE window_start < ${before.toISOString()}::timestamptz`,
  );
}
