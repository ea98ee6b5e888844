import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { consentHistory, consentPurposes, consents } from '../../db/schema.ts';

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentHistoryRow = typeof consentHistory.$inferSelect;

export async function consentsOf(ex: Executor, contactId: string): Promise<ConsentRow[]> {
  return ex
    .select()
    .from(consents)
    .where(eq(consents.contactId, contactId))
    .orderBy(asc(consents.purpose), asc(consents.channel));
}

export async function consentsOfMany(ex: Executor, contactIds: string[]): Promise<Map<string, ConsentRow[]>> {
  const out = new Map<string, ConsentRow[]>();
  if (!contactIds.length) return out;
  const rows = await ex
    .select()
    .from(consents)
    .where(sql`${consents.contactId} = ANY(${sql.param(contactIds)}::uuid[])`);
  for (const r of rows) out.set(r.contactId, [...(out.get(r.contactId) ?? []), r]);
  return out;
}

/** Sets the current state and appends it to the history, in the caller's transaction. */
export async function recordConsent(ex: Executor, v: typeof consents.$inferInsert): Promise<void> {
  await ex
    .insert(consents)
    .values(v)
    .onConflictDoUpdate({
      target: [consents.contactId, consents.purpose, consents.channel],
      set: {
        status: v.status,
        source: v.source,
        evidence: v.evidence,
        recordedAt: v.recordedAt,
        recordedBy: v.recordedBy,
      },
    });
  await ex.insert(consentHistory).values(v);
}

export async function historyOf(ex: Executor, contactId: string, limit = 200): Promise<ConsentHistoryRow[]> {
  return ex
    .select()
    .from(consentHistory)
    .where(eq(consentHistory.contactId, contactId))
    .orderBy(desc(consentHistory.recordedAt), desc(consentHistory.id))
    .limit(limit);
}

export async function listPurposes(ex: Executor) {
  return ex.select().from(consentPurposes).orderBy(asc(consentPurposes.position), asc(consentPurposes.key));
}

export async function insertPurpose(ex: Executor, key: string, label: string) {
  const [row] = await ex
    .insert(consentPurposes)
    .values({ key, label, position: sql`(SELECT coalesce(max(position), 0) + 10 FROM consent_purposes)` })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function purposeExists(ex: Executor, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await ex
    .select({ key: consentPurposes.key })
    .from(consentPurposes)
    .where(sql`${consentPurposes.key} = ANY(${sql.param(keys)}::text[])`);
  return new Set(rows.map((r) => r.key));
}

export const currentConsent = async (
  ex: Executor,
  contactId: string,
  purpose: string,
  channel: 'email' | 'phone' | 'sms' | 'post',
) => {
  const [row] = await ex
    .select()
    .from(consents)
    .where(
      and(eq(consents.contactId, contactId), eq(consents.purpose, purpose), eq(consents.channel, channel)),
    );
  return row;
};

/** Sets a current state without a history row (a merge moves the history rows themselves). */
export async function putConsentState(ex: Executor, v: typeof consents.$inferInsert): Promise<void> {
  await ex
    .insert(consents)
    .values(v)
    .onConflictDoUpdate({
      target: [consents.contactId, consents.purpose, consents.channel],
      set: {
        status: v.status,
        source: v.source,
        evidence: v.evidence,
        recordedAt: v.recordedAt,
        recordedBy: v.recordedBy,
      },
    });
}

export async function deleteConsentStates(ex: Executor, contactId: string): Promise<void> {
  await ex.delete(consents).where(eq(consents.contactId, contactId));
}

export async function moveConsentHistory(ex: Executor, fromId: string, toId: string): Promise<number> {
  const moved = await ex
    .update(consentHistory)
    .set({ contactId: toId })
    .where(eq(consentHistory.contactId, fromId))
    .returning({ id: consentHistory.id });
  return moved.length;
}

/**
 * Takes the values of newly withheld fields out of the contact's audit history (a custom field
 * by its key inside `custom`): what the customer chose not to give is not kept there either.
 */
export async function forgetWithheldHistory(ex: Executor, contactId: string, fields: readonly string[]) {
  const mine = sql`record_type = 'contact' AND record_id = ${contactId}::uuid`;
  for (const f of fields) {
    if (f.startsWith('custom.')) {
      const path = (side: string) => sql`${sql.param(['custom', side, f.slice(7)])}::text[]`;
      await ex.execute(sql`UPDATE audit_log SET changes = changes #- ${path('from')} #- ${path('to')}
        WHERE ${mine} AND changes ? 'custom'`);
    } else
      await ex.execute(
        sql`UPDATE audit_log SET changes = changes - ${f}::text WHERE ${mine} AND changes ? ${f}`,
      );
  }
}
