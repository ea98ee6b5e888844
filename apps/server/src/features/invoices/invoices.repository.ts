import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { invoices, payments } from '../../db/schema.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceInsert = typeof invoices.$inferInsert;
export type PaymentRow = typeof payments.$inferSelect;

export async function pageInvoices(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(invoices), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(invoices)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getInvoice(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<InvoiceRow | undefined> {
  const q = ex.select().from(invoices).where(eq(invoices.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function invoicesByIds(ex: Executor, ids: string[]): Promise<InvoiceRow[]> {
  return ids.length ? ex.select().from(invoices).where(inArray(invoices.id, ids)) : [];
}

export async function invoicesByExternalId(ex: Executor, ids: string[]): Promise<InvoiceRow[]> {
  if (!ids.length) return [];
  return ex.select().from(invoices).where(inArray(invoices.externalId, ids)).for('update');
}

export async function nextInvoiceNumbers(ex: Executor, n: number): Promise<string[]> {
  if (n === 0) return [];
  const res = await ex.execute<{ n: string }>(
    sql`SELECT nextval('invoice_number_seq')::text AS n FROM generate_series(1, ${n})`,
  );
  return (res as unknown as { rows: { n: string }[] }).rows.map((r) => `INV-${r.n.padStart(6, '0')}`);
}

export async function invoiceNumbersTaken(ex: Executor, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await ex
    .select({ number: invoices.number })
    .from(invoices)
    .where(inArray(invoices.number, numbers));
  return new Set(rows.map((r) => r.number));
}

export async function insertInvoice(ex: Executor, v: InvoiceInsert): Promise<InvoiceRow> {
  const [row] = await ex.insert(invoices).values(v).returning();
  return row!;
}

export async function updateInvoice(
  ex: Executor,
  id: string,
  v: Partial<InvoiceInsert>,
): Promise<InvoiceRow> {
  const [row] = await ex.update(invoices).set(v).where(eq(invoices.id, id)).returning();
  return row!;
}

export async function deleteInvoice(ex: Executor, id: string): Promise<void> {
  await ex.delete(invoices).where(eq(invoices.id, id));
}

export async function paymentsOf(ex: Executor, invoiceId: string): Promise<PaymentRow[]> {
  return ex
    .select()
    .from(payments)
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(asc(payments.paidAt), asc(payments.id));
}

export async function paymentByExternalId(ex: Executor, externalId: string): Promise<PaymentRow | undefined> {
  const [row] = await ex.select().from(payments).where(eq(payments.externalId, externalId));
  return row;
}

export async function insertPayment(ex: Executor, v: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [row] = await ex.insert(payments).values(v).returning();
  return row!;
}

/** Open invoices of a customer (360° view). */
export async function openInvoicesFor(ex: Executor, column: 'contact' | 'account', id: string, limit = 20) {
  const c = column === 'contact' ? invoices.contactId : invoices.accountId;
  return ex
    .select()
    .from(invoices)
    .where(and(eq(c, id), eq(invoices.status, 'open')))
    .orderBy(asc(invoices.dueOn), asc(invoices.id))
    .limit(limit);
}
