import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { orderLines, orders } from '../../db/schema.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderInsert = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderLineInsert = typeof orderLines.$inferInsert;

export async function pageOrders(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(orders), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(orders)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getOrder(ex: Executor, id: string, forUpdate = false): Promise<OrderRow | undefined> {
  const q = ex.select().from(orders).where(eq(orders.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function ordersByIds(ex: Executor, ids: string[]): Promise<OrderRow[]> {
  return ids.length ? ex.select().from(orders).where(inArray(orders.id, ids)) : [];
}

export async function ordersByExternalId(
  ex: Executor,
  ids: string[],
  forUpdate = false,
): Promise<OrderRow[]> {
  if (!ids.length) return [];
  const q = ex.select().from(orders).where(inArray(orders.externalId, ids));
  return forUpdate ? q.for('update') : q;
}

export async function linesOf(ex: Executor, orderIds: string[]): Promise<Map<string, OrderLineRow[]>> {
  const out = new Map<string, OrderLineRow[]>();
  if (!orderIds.length) return out;
  const rows = await ex
    .select()
    .from(orderLines)
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  for (const r of rows) {
    const list = out.get(r.orderId) ?? [];
    list.push(r);
    out.set(r.orderId, list);
  }
  return out;
}

export async function nextOrderNumbers(ex: Executor, n: number): Promise<string[]> {
  if (n === 0) return [];
  const res = await ex.execute<{ n: string }>(
    sql`SELECT nextval('order_number_seq')::text AS n FROM generate_series(1, ${n})`,
  );
  return (res as unknown as { rows: { n: string }[] }).rows.map((r) => `SO-${r.n.padStart(6, '0')}`);
}

export async function numbersTaken(ex: Executor, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await ex.select({ number: orders.number }).from(orders).where(inArray(orders.number, numbers));
  return new Set(rows.map((r) => r.number));
}

export async function insertOrder(ex: Executor, v: OrderInsert): Promise<OrderRow> {
  const [row] = await ex.insert(orders).values(v).returning();
  return row!;
}

export async function updateOrder(ex: Executor, id: string, v: Partial<OrderInsert>): Promise<OrderRow> {
  const [row] = await ex.update(orders).set(v).where(eq(orders.id, id)).returning();
  return row!;
}

export async function replaceLines(ex: Executor, orderId: string, lines: Omit<OrderLineInsert, 'orderId'>[]) {
  await ex.delete(orderLines).where(eq(orderLines.orderId, orderId));
  if (!lines.length) return [];
  return ex
    .insert(orderLines)
    .values(lines.map((l) => ({ ...l, orderId })))
    .returning();
}

export async function deleteOrder(ex: Executor, id: string): Promise<void> {
  await ex.delete(orders).where(eq(orders.id, id));
}

/** A customer's orders, newest first (360° view, screen pop). */
export async function ordersFor(
  ex: Executor,
  column: 'contact' | 'account',
  id: string,
  opts: { openOnly?: boolean; limit?: number } = {},
): Promise<OrderRow[]> {
  const c = column === 'contact' ? orders.contactId : orders.accountId;
  const open = sql`${orders.status} IN ('confirmed', 'fulfilled') AND ${orders.deliveryStatus} NOT IN ('delivered', 'returned')`;
  return ex
    .select()
    .from(orders)
    .where(opts.openOnly ? and(eq(c, id), open) : eq(c, id))
    .orderBy(sql`${orders.orderedAt} DESC`, sql`${orders.id} DESC`)
    .limit(opts.limit ?? 20);
}
