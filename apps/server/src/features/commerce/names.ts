/** Display names of the customers and products commercial records point at, one query per kind. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

export type CustomerName = { type: 'contact' | 'account'; id: string; name: string };

/** The customer of each record: its contact when it has one, else its account. */
export async function customerNames(
  ex: Executor,
  rows: readonly { contactId: string | null; accountId: string | null }[],
) {
  const contactIds = unique(rows.map((r) => r.contactId));
  const accountIds = unique(rows.filter((r) => !r.contactId).map((r) => r.accountId));
  const [c, a] = await Promise.all([
    contactIds.length
      ? ex.execute(sql`SELECT id, name FROM contacts WHERE id = ANY(${sql.param(contactIds)}::uuid[])`)
      : null,
    accountIds.length
      ? ex.execute(sql`SELECT id, name FROM accounts WHERE id = ANY(${sql.param(accountIds)}::uuid[])`)
      : null,
  ]);
  const names = new Map<string, string>();
  for (const r of [
    ...rowsOf<{ id: string; name: string }>(c ?? { rows: [] }),
    ...rowsOf<{ id: string; name: string }>(a ?? { rows: [] }),
  ])
    names.set(r.id, r.name);
  return (r: { contactId: string | null; accountId: string | null }): CustomerName | null => {
    if (r.contactId) return { type: 'contact', id: r.contactId, name: names.get(r.contactId) ?? '' };
    if (r.accountId) return { type: 'account', id: r.accountId, name: names.get(r.accountId) ?? '' };
    return null;
  };
}

export type ProductName = { id: string; sku: string; name: string };

export async function productNames(ex: Executor, ids: (string | null)[]) {
  const want = unique(ids);
  const res = want.length
    ? await ex.execute(sql`SELECT id, sku, name FROM products WHERE id = ANY(${sql.param(want)}::uuid[])`)
    : null;
  const byId = new Map(rowsOf<ProductName>(res ?? { rows: [] }).map((p) => [p.id, p]));
  return (id: string | null): ProductName | null => (id ? (byId.get(id) ?? null) : null);
}
