import { and, desc, eq, getTableColumns, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { accounts, contacts, leadActivities, leads } from '../../db/schema.ts';

export type LeadRow = typeof leads.$inferSelect;
export type LeadInsert = typeof leads.$inferInsert;
export type LeadActivityRow = typeof leadActivities.$inferSelect;

export async function pageLeads(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(leads), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(leads)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getLead(ex: Executor, id: string, forUpdate = false): Promise<LeadRow | undefined> {
  const q = ex.select().from(leads).where(eq(leads.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertLead(ex: Executor, v: LeadInsert): Promise<LeadRow> {
  const [row] = await ex.insert(leads).values(v).returning();
  return row!;
}

export async function updateLead(ex: Executor, id: string, v: Partial<LeadInsert>): Promise<LeadRow> {
  const [row] = await ex.update(leads).set(v).where(eq(leads.id, id)).returning();
  return row!;
}

export async function deleteLead(ex: Executor, id: string): Promise<void> {
  await ex.delete(leads).where(eq(leads.id, id));
}

/** Contacts sharing the email or phone, those sharing the email first. */
export async function contactsByChannel(
  ex: Executor,
  keys: { email: string | null; phone: string | null },
  limit = 20,
) {
  const m: SQL[] = [];
  if (keys.email) m.push(sql`${contacts.emailKeys} @> ARRAY[${keys.email}]::text[]`);
  if (keys.phone) m.push(sql`${contacts.phoneKeys} @> ARRAY[${keys.phone}]::text[]`);
  if (!m.length) return [];
  const q = ex
    .select()
    .from(contacts)
    .where(and(or(...m), sql`${contacts.erasedAt} IS NULL`));
  return keys.email
    ? q
        .orderBy(
          sql`${contacts.emailKeys} @> ARRAY[${keys.email}]::text[] DESC`,
          contacts.createdAt,
          contacts.id,
        )
        .limit(limit)
    : q.orderBy(contacts.createdAt, contacts.id).limit(limit);
}

/** Other leads with the same email or phone, the earliest first. */
export async function leadsByChannel(
  ex: Executor,
  keys: { email: string | null; phone: string | null; excludeId?: string },
  limit = 20,
) {
  const m: SQL[] = [];
  if (keys.email) m.push(eq(leads.email, keys.email));
  if (keys.phone) m.push(eq(leads.phone, keys.phone));
  if (!m.length) return [];
  return ex
    .select()
    .from(leads)
    .where(and(or(...m), keys.excludeId ? ne(leads.id, keys.excludeId) : undefined))
    .orderBy(leads.createdAt, leads.id)
    .limit(limit);
}

/** Accounts on the email's domain or with the company's name (without legal form). */
export async function accountsByCompany(
  ex: Executor,
  keys: { domain: string | null; nameKey: string },
  limit = 20,
) {
  const m: SQL[] = [];
  if (keys.domain) m.push(sql`lower(${accounts.domain}) = ${keys.domain}`);
  if (keys.nameKey) m.push(eq(accounts.nameKey, keys.nameKey));
  if (!m.length) return [];
  return ex
    .select()
    .from(accounts)
    .where(or(...m))
    .orderBy(accounts.createdAt, accounts.id)
    .limit(limit);
}

export async function insertActivity(
  ex: Executor,
  v: typeof leadActivities.$inferInsert,
): Promise<LeadActivityRow> {
  const [row] = await ex.insert(leadActivities).values(v).returning();
  return row!;
}

export async function activitiesOf(
  ex: Executor,
  leadId: string,
  opts: { before?: { at: Date; id: string }; limit: number },
): Promise<LeadActivityRow[]> {
  return ex
    .select()
    .from(leadActivities)
    .where(
      and(
        eq(leadActivities.leadId, leadId),
        opts.before
          ? sql`(${leadActivities.occurredAt}, ${leadActivities.id}) < (${opts.before.at.toISOString()}::timestamptz, ${opts.before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(leadActivities.occurredAt), desc(leadActivities.id))
    .limit(opts.limit + 1);
}

/** Every activity of a lead, oldest first (for conversion). */
export async function allActivitiesOf(ex: Executor, leadId: string): Promise<LeadActivityRow[]> {
  return ex
    .select()
    .from(leadActivities)
    .where(eq(leadActivities.leadId, leadId))
    .orderBy(leadActivities.occurredAt, leadActivities.id);
}

export async function markActivityMoved(
  ex: Executor,
  id: string,
  to: { type: 'interaction' | 'note'; id: string },
): Promise<void> {
  await ex
    .update(leadActivities)
    .set({ movedToType: to.type, movedToId: to.id })
    .where(eq(leadActivities.id, id));
}

/** How often each kind of activity happened, per lead: the behaviour scoring counts. */
export async function activityCounts(
  ex: Executor,
  leadIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!leadIds.length) return out;
  const rows = await ex
    .select({ leadId: leadActivities.leadId, kind: leadActivities.kind, n: sql<number>`count(*)::int` })
    .from(leadActivities)
    .where(sql`${leadActivities.leadId} = ANY(${sql.param(leadIds)}::uuid[])`)
    .groupBy(leadActivities.leadId, leadActivities.kind);
  for (const r of rows) out.set(r.leadId, { ...(out.get(r.leadId) ?? {}), [r.kind]: Number(r.n) });
  return out;
}

/** Open leads in id order, a batch at a time (re-scoring after a rule change). */
export async function openLeadsAfter(ex: Executor, afterId: string | null, limit: number) {
  return ex
    .select()
    .from(leads)
    .where(and(ne(leads.status, 'converted'), afterId ? sql`${leads.id} > ${afterId}::uuid` : undefined))
    .orderBy(leads.id)
    .limit(limit);
}

export async function setScore(
  ex: Executor,
  id: string,
  score: { score: number; reasons: LeadRow['scoreReasons'] },
): Promise<void> {
  await ex.update(leads).set({ score: score.score, scoreReasons: score.reasons }).where(eq(leads.id, id));
}
