import { eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { notes } from '../../db/schema.ts';

export type NoteRow = typeof notes.$inferSelect;

export async function pageNotes(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(notes), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(notes)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getNote(ex: Executor, id: string, forUpdate = false): Promise<NoteRow | undefined> {
  const q = ex.select().from(notes).where(eq(notes.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getNotesByIds(ex: Executor, ids: string[]): Promise<NoteRow[]> {
  return ids.length ? ex.select().from(notes).where(inArray(notes.id, ids)) : [];
}

export async function insertNote(ex: Executor, v: typeof notes.$inferInsert): Promise<NoteRow> {
  const [row] = await ex.insert(notes).values(v).returning();
  return row!;
}

export async function updateNote(
  ex: Executor,
  id: string,
  v: Partial<typeof notes.$inferInsert>,
): Promise<NoteRow> {
  const [row] = await ex.update(notes).set(v).where(eq(notes.id, id)).returning();
  return row!;
}

export async function deleteNote(ex: Executor, id: string): Promise<void> {
  await ex.delete(notes).where(eq(notes.id, id));
}
