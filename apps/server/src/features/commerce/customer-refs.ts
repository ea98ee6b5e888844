/**
 * Resolves who a commercial record belongs to: a contact and/or an account by id, or a contact by
 * email (ERP feeds know emails, not our ids). A contact given without an account brings its
 * employer when it works at exactly one account, so account-level value sees the purchase.
 */
import type { FieldError } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';

export type CustomerRef = {
  contactId?: string | null | undefined;
  accountId?: string | null | undefined;
  contactEmail?: string | null | undefined;
};
export type ResolvedCustomer = { contactId: string | null; accountId: string | null };

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export async function resolveCustomers(
  ex: Executor,
  refs: readonly CustomerRef[],
  opts: { fieldPrefix?: (i: number) => string; required?: boolean } = {},
): Promise<ResolvedCustomer[]> {
  const prefix = opts.fieldPrefix ?? (() => '');
  const contactIds = [...new Set(refs.map((r) => r.contactId).filter((x): x is string => !!x))];
  const accountIds = [...new Set(refs.map((r) => r.accountId).filter((x): x is string => !!x))];
  const emails = [
    ...new Set(refs.map((r) => r.contactEmail?.trim().toLowerCase()).filter((x): x is string => !!x)),
  ];
  const [contactRows, accountRows, emailRows] = await Promise.all([
    contactIds.length
      ? ex.execute(sql`SELECT id FROM contacts WHERE id = ANY(${sql.param(contactIds)}::uuid[])`)
      : null,
    accountIds.length
      ? ex.execute(sql`SELECT id FROM accounts WHERE id = ANY(${sql.param(accountIds)}::uuid[])`)
      : null,
    emails.length
      ? ex.execute(
          sql`SELECT DISTINCT ON (k) k AS email, id FROM contacts, unnest(email_keys) k
              WHERE email_keys && ${sql.param(emails)}::text[] AND k = ANY(${sql.param(emails)}::text[])
              ORDER BY k, created_at, id`,
        )
      : null,
  ]);
  const contacts = new Set(rowsOf<{ id: string }>(contactRows ?? { rows: [] }).map((r) => r.id));
  const accounts = new Set(rowsOf<{ id: string }>(accountRows ?? { rows: [] }).map((r) => r.id));
  const byEmail = new Map(
    rowsOf<{ email: string; id: string }>(emailRows ?? { rows: [] }).map((r) => [r.email, r.id]),
  );
  const errors: FieldError[] = [];
  const out = refs.map((r, i) => {
    let contactId: string | null = null;
    if (r.contactId) {
      if (contacts.has(r.contactId)) contactId = r.contactId;
      else errors.push({ field: `${prefix(i)}contactId`, code: 'not_found', message: 'no such contact' });
    } else if (r.contactEmail) {
      contactId = byEmail.get(r.contactEmail.trim().toLowerCase()) ?? null;
      if (!contactId)
        errors.push({
          field: `${prefix(i)}contactEmail`,
          code: 'not_found',
          message: 'no contact has this email',
        });
    }
    let accountId: string | null = null;
    if (r.accountId) {
      if (accounts.has(r.accountId)) accountId = r.accountId;
      else errors.push({ field: `${prefix(i)}accountId`, code: 'not_found', message: 'no such account' });
    }
    if (opts.required !== false && !r.contactId && !r.accountId && !r.contactEmail)
      errors.push({
        field: `${prefix(i)}contactId`,
        code: 'required',
        message: 'give contactId, accountId or contactEmail',
      });
    return { contactId, accountId };
  });
  if (errors.length) throw invalid(errors, 'Some customers could not be found');
  // The employer of contacts that came without an account, when there is exactly one.
  const lone = [...new Set(out.filter((o) => o.contactId && !o.accountId).map((o) => o.contactId!))];
  if (lone.length) {
    const employers = rowsOf<{ contact_id: string; account_id: string }>(
      await ex.execute(
        sql`SELECT from_id AS contact_id, min(to_id::text)::uuid AS account_id FROM relationships
            WHERE type = 'works_at' AND until IS NULL AND from_id = ANY(${sql.param(lone)}::uuid[])
            GROUP BY from_id HAVING count(*) = 1`,
      ),
    );
    const employer = new Map(employers.map((e) => [e.contact_id, e.account_id]));
    for (const o of out) if (o.contactId && !o.accountId) o.accountId = employer.get(o.contactId) ?? null;
  }
  return out;
}
