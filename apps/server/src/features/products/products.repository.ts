import { eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { products } from '../../db/schema.ts';

export type ProductRow = typeof products.$inferSelect;
export type ProductInsert = typeof products.$inferInsert;

export async function pageProducts(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(products), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(products)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getProduct(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<ProductRow | undefined> {
  const q = ex.select().from(products).where(eq(products.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function productsBySku(ex: Executor, skus: string[]): Promise<ProductRow[]> {
  if (!skus.length) return [];
  return ex
    .select()
    .from(products)
    .where(sql`lower(${products.sku}) = ANY(${sql.param(skus.map((s) => s.toLowerCase()))}::text[])`);
}

export async function productsByIds(ex: Executor, ids: string[]): Promise<ProductRow[]> {
  return ids.length ? ex.select().from(products).where(inArray(products.id, ids)) : [];
}

export async function productsByExternalId(
  ex: Executor,
  ids: string[],
  forUpdate = false,
): Promise<ProductRow[]> {
  if (!ids.length) return [];
  const q = ex.select().from(products).where(inArray(products.externalId, ids));
  return forUpdate ? q.for('update') : q;
}

export async function insertProducts(ex: Executor, v: ProductInsert[]): Promise<ProductRow[]> {
  return v.length ? ex.insert(products).values(v).returning() : [];
}

export async function updateProduct(
  ex: Executor,
  id: string,
  v: Partial<ProductInsert>,
): Promise<ProductRow> {
  const [row] = await ex.update(products).set(v).where(eq(products.id, id)).returning();
  return row!;
}

export async function deleteProduct(ex: Executor, id: string): Promise<void> {
  await ex.delete(products).where(eq(products.id, id));
}
