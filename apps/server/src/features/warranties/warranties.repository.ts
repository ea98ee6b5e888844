import { and, desc, eq, getTableColumns, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { warranties } from '../../db/schema.ts';

export type WarrantyRow = typeof warranties.$inferSelect;
export type WarrantyInsert = typeof warranties.$inferInsert;

export async function pageWarranties(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(warranties), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(warranties)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getWarranty(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<WarrantyRow | undefined> {
  const q = ex.select().from(warranties).where(eq(warranties.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function warrantiesByExternalId(ex: Executor, ids: string[]): Promise<WarrantyRow[]> {
  if (!ids.length) return [];
  return ex.select().from(warranties).where(inArray(warranties.externalId, ids)).for('update');
}

export async function insertWarranty(ex: Executor, v: WarrantyInsert): Promise<WarrantyRow> {
  const [row] = await ex.insert(warranties).values(v).returning();
  return row!;
}

export async function updateWarranty(
  ex: Executor,
  id: string,
  v: Partial<WarrantyInsert>,
): Promise<WarrantyRow> {
  const [row] = await ex.update(warranties).set(v).where(eq(warranties.id, id)).returning();
  return row!;
}

export async function deleteWarranty(ex: Executor, id: string): Promise<void> {
  await ex.delete(warranties).where(eq(warranties.id, id));
}

/** Warranties of a customer still in force on `day` (360° view, screen pop). */
export async function activeWarrantiesFor(
  ex: Executor,
  column: 'contact' | 'account',
  id: string,
  day: string,
  limit = 20,
) {
  const c = column === 'contact' ? warranties.contactId : warranties.accountId;
  return ex
    .select()
    .from(warranties)
    .where(and(eq(c, id), gte(warranties.endsOn, day)))
    .orderBy(desc(warranties.endsOn))
    .limit(limit);
}
