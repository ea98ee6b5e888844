import { and, eq, getTableColumns, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { contacts, customerValues } from '../../db/schema.ts';
import { valueColumns } from '../value/value-list.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactInsert = typeof contacts.$inferInsert;

export async function pageContacts(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({
      ...getTableColumns(contacts),
      value: valueColumns,
      _sort: sql<string | null>`${sortValue}`.as('_sort'),
    })
    .from(contacts)
    .leftJoin(
      customerValues,
      and(eq(customerValues.customerType, 'contact'), eq(customerValues.customerId, contacts.id)),
    )
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getContact(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<ContactRow | undefined> {
  const q = ex.select().from(contacts).where(eq(contacts.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getContactsByIds(ex: Executor, ids: string[]): Promise<ContactRow[]> {
  if (!ids.length) return [];
  return ex.select().from(contacts).where(inArray(contacts.id, ids));
}

export async function insertContact(ex: Executor, v: ContactInsert): Promise<ContactRow> {
  const [row] = await ex.insert(contacts).values(v).returning();
  return row!;
}

export async function insertContacts(ex: Executor, v: ContactInsert[]): Promise<ContactRow[]> {
  return v.length ? ex.insert(contacts).values(v).returning() : [];
}

export async function updateContact(
  ex: Executor,
  id: string,
  v: Partial<ContactInsert>,
): Promise<ContactRow> {
  const [row] = await ex.update(contacts).set(v).where(eq(contacts.id, id)).returning();
  return row!;
}

export async function deleteContact(ex: Executor, id: string): Promise<void> {
  await ex.delete(contacts).where(eq(contacts.id, id));
}

export async function findContactDuplicates(
  ex: Executor,
  keys: { excludeId?: string; emailKeys: string[]; phoneKeys: string[]; nameKey: string },
  limit = 20,
): Promise<ContactRow[]> {
  const matches: SQL[] = [];
  if (keys.emailKeys.length) matches.push(sql`${contacts.emailKeys} && ${sql.param(keys.emailKeys)}::text[]`);
  if (keys.phoneKeys.length) matches.push(sql`${contacts.phoneKeys} && ${sql.param(keys.phoneKeys)}::text[]`);
  if (keys.nameKey) matches.push(eq(contacts.nameKey, keys.nameKey));
  if (!matches.length) return [];
  return ex
    .select()
    .from(contacts)
    .where(and(or(...matches), keys.excludeId ? ne(contacts.id, keys.excludeId) : undefined))
    .limit(limit);
}
