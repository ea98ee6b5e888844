import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { apiKeys } from '../../db/schema.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function pageApiKeys(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(apiKeys), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(apiKeys)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getApiKey(ex: Executor, id: string, forUpdate = false): Promise<ApiKeyRow | undefined> {
  const q = ex.select().from(apiKeys).where(eq(apiKeys.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertApiKey(ex: Executor, v: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await ex.insert(apiKeys).values(v).returning();
  return row!;
}

export async function revokeApiKey(ex: Executor, id: string, at: Date): Promise<void> {
  await ex
    .update(apiKeys)
    .set({ revokedAt: at, version: sql`${apiKeys.version} + 1` })
    .where(eq(apiKeys.id, id));
}
