import { and, eq, getTableColumns, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { accounts, customerValues } from '../../db/schema.ts';
import { valueColumns } from '../value/value-list.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountInsert = typeof accounts.$inferInsert;

export async function pageAccounts(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({
      ...getTableColumns(accounts),
      value: valueColumns,
      _sort: sql<string | null>`${sortValue}`.as('_sort'),
    })
    .from(accounts)
    .leftJoin(
      customerValues,
      and(eq(customerValues.customerType, 'account'), eq(customerValues.customerId, accounts.id)),
    )
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getAccount(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<AccountRow | undefined> {
  const q = ex.select().from(accounts).where(eq(accounts.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertAccount(ex: Executor, v: AccountInsert): Promise<AccountRow> {
  const [row] = await ex.insert(accounts).values(v).returning();
  return row!;
}

export async function updateAccount(
  ex: Executor,
  id: string,
  v: Partial<AccountInsert>,
): Promise<AccountRow> {
  const [row] = await ex.update(accounts).set(v).where(eq(accounts.id, id)).returning();
  return row!;
}

export async function deleteAccount(ex: Executor, id: string): Promise<void> {
  await ex.delete(accounts).where(eq(accounts.id, id));
}

export async function findAccountDuplicates(
  ex: Executor,
  keys: { excludeId?: string; domain: string | null; nameKey: string },
  limit = 20,
): Promise<AccountRow[]> {
  const matches: SQL[] = [];
  if (keys.domain) matches.push(sql`lower(${accounts.domain}) = ${keys.domain}`);
  if (keys.nameKey) matches.push(eq(accounts.nameKey, keys.nameKey));
  if (!matches.length) return [];
  return ex
    .select()
    .from(accounts)
    .where(and(or(...matches), keys.excludeId ? ne(accounts.id, keys.excludeId) : undefined))
    .limit(limit);
}
