import { and, eq, getTableColumns, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { tasks } from '../../db/schema.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;

export async function pageTasks(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(tasks), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(tasks)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getTask(ex: Executor, id: string, forUpdate = false): Promise<TaskRow | undefined> {
  const q = ex.select().from(tasks).where(eq(tasks.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getTasksByIds(ex: Executor, ids: string[]): Promise<TaskRow[]> {
  return ids.length ? ex.select().from(tasks).where(inArray(tasks.id, ids)) : [];
}

export async function insertTask(ex: Executor, v: TaskInsert): Promise<TaskRow> {
  const [row] = await ex.insert(tasks).values(v).returning();
  return row!;
}

export async function updateTask(ex: Executor, id: string, v: Partial<TaskInsert>): Promise<TaskRow> {
  const [row] = await ex.update(tasks).set(v).where(eq(tasks.id, id)).returning();
  return row!;
}

export async function deleteTask(ex: Executor, id: string): Promise<void> {
  await ex.delete(tasks).where(eq(tasks.id, id));
}

export async function openTasksFor(
  ex: Executor,
  column: 'contact' | 'account',
  id: string,
  limit = 50,
): Promise<TaskRow[]> {
  const col = column === 'contact' ? tasks.contactId : tasks.accountId;
  return ex
    .select()
    .from(tasks)
    .where(and(eq(col, id), eq(tasks.status, 'open')))
    .orderBy(sql`${tasks.dueAt} ASC NULLS LAST`, tasks.id)
    .limit(limit);
}

/** Claims due reminders (marks them sent) and returns them; safe with several workers. */
export async function claimDueReminders(ex: Executor, now: Date, limit = 200): Promise<TaskRow[]> {
  const due = ex
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.status, 'open'), isNull(tasks.remindedAt), lte(tasks.reminderAt, now)))
    .limit(limit)
    .for('update', { skipLocked: true });
  return ex.update(tasks).set({ remindedAt: now }).where(inArray(tasks.id, due)).returning();
}
