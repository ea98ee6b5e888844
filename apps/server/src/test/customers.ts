/** Test customers: an account with a person working at it, and value scores set directly. */
import type { TestApp } from './app.ts';

/** Sets a customer's value as a model run would (tier, CLV, P(alive), lifecycle state). */
export async function scoreCustomer(
  t: TestApp,
  type: 'contact' | 'account',
  id: string,
  v: { tier: string | null; clv: number; pAlive?: number; state?: string },
): Promise<void> {
  await t.services.database.query(
    `INSERT INTO customer_values (customer_type, customer_id, first_purchase_on, last_purchase_on, purchases,
       frequency, recency_days, age_days, monetary, historical_value, lifecycle_state, lifecycle_since, clv,
       p_alive, tier)
     VALUES ($1, $2, '2025-01-01', '2026-10-01', 5, 4, 600, 700, 100, 50000, $3, '2026-10-01', $4, $5, $6)
     ON CONFLICT (customer_type, customer_id) DO UPDATE
       SET clv = EXCLUDED.clv, tier = EXCLUDED.tier, p_alive = EXCLUDED.p_alive,
           lifecycle_state = EXCLUDED.lifecycle_state`,
    [type, id, v.state ?? 'active', v.clv, v.pAlive ?? 0.9, v.tier],
  );
}

/** An account (owned by `ownerId`, its account manager) and a contact who works at it. */
export async function accountWithContact(
  t: TestApp,
  opts: { account: string; ownerId?: string; firstName?: string; lastName?: string; email?: string },
): Promise<{ accountId: string; contactId: string }> {
  const account = await t.admin.post('/api/v1/accounts', {
    name: opts.account,
    ...(opts.ownerId ? { ownerId: opts.ownerId } : {}),
  });
  if (account.statusCode !== 201) throw new Error(`account: ${account.body}`);
  const accountId = account.data<{ id: string }>().id;
  const contact = await t.admin.post('/api/v1/contacts', {
    firstName: opts.firstName ?? 'Kim',
    lastName: opts.lastName ?? opts.account,
    ...(opts.email ? { emails: [{ address: opts.email, label: 'work' }] } : {}),
  });
  if (contact.statusCode !== 201) throw new Error(`contact: ${contact.body}`);
  const contactId = contact.data<{ id: string }>().id;
  const rel = await t.admin.post('/api/v1/relationships', {
    type: 'works_at',
    fromType: 'contact',
    fromId: contactId,
    toType: 'account',
    toId: accountId,
  });
  if (rel.statusCode !== 201) throw new Error(`relationship: ${rel.body}`);
  return { accountId, contactId };
}
