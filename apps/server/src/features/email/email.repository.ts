import { and, asc, desc, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { contacts, emails, users } from '../../db/schema.ts';

export type EmailRow = typeof emails.$inferSelect;
export type EmailInsert = typeof emails.$inferInsert;

export async function pageEmails(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(emails), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(emails)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getEmail(ex: Executor, id: string, forUpdate = false): Promise<EmailRow | undefined> {
  const q = ex.select().from(emails).where(eq(emails.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertEmail(ex: Executor, v: EmailInsert): Promise<EmailRow> {
  const [row] = await ex.insert(emails).values(v).returning();
  return row!;
}

/** Inserts unless a message with this Message-ID and direction is stored; then returns undefined. */
export async function insertEmailOnce(ex: Executor, v: EmailInsert): Promise<EmailRow | undefined> {
  const [row] = await ex.insert(emails).values(v).onConflictDoNothing().returning();
  return row;
}

export async function findByMessageId(
  ex: Executor,
  messageId: string,
  direction: 'inbound' | 'outbound',
): Promise<EmailRow | undefined> {
  const [row] = await ex
    .select()
    .from(emails)
    .where(and(eq(emails.messageId, messageId), eq(emails.direction, direction)));
  return row;
}

export async function updateEmail(ex: Executor, id: string, v: Partial<EmailInsert>): Promise<EmailRow> {
  const [row] = await ex.update(emails).set(v).where(eq(emails.id, id)).returning();
  return row!;
}

/** The thread of the first known message among these Message-IDs. */
export async function threadOfMessageIds(ex: Executor, messageIds: string[]): Promise<string | undefined> {
  if (!messageIds.length) return undefined;
  const [row] = await ex
    .select({ threadId: emails.threadId })
    .from(emails)
    .where(inArray(emails.messageId, messageIds))
    .orderBy(asc(emails.createdAt))
    .limit(1);
  return row?.threadId;
}

export async function threadMessages(ex: Executor, threadId: string, limit = 500): Promise<EmailRow[]> {
  return ex
    .select()
    .from(emails)
    .where(eq(emails.threadId, threadId))
    .orderBy(asc(emails.createdAt), asc(emails.id))
    .limit(limit);
}

/**
 * Claims a queued email for sending (queued → sending); a claim older than `staleBefore`
 * (a worker died mid-send) may be taken over. Returns undefined when there is nothing to do.
 */
export async function claimForSending(
  ex: Executor,
  id: string,
  now: Date,
  staleBefore: Date,
): Promise<EmailRow | undefined> {
  const [row] = await ex
    .update(emails)
    .set({ status: 'sending', attempts: sql`${emails.attempts} + 1`, updatedAt: now })
    .where(
      and(
        eq(emails.id, id),
        or(eq(emails.status, 'queued'), and(eq(emails.status, 'sending'), lt(emails.updatedAt, staleBefore))),
      ),
    )
    .returning();
  return row;
}

/** Contacts with any of these (lower-cased) addresses, most recently changed first. */
export async function contactsByEmail(ex: Executor, addresses: string[]) {
  if (!addresses.length) return [];
  return ex
    .select()
    .from(contacts)
    .where(sql`${contacts.emailKeys} && ${sql.param(addresses)}::text[]`)
    .orderBy(desc(contacts.updatedAt), asc(contacts.id))
    .limit(20);
}

export async function usersByEmail(ex: Executor, addresses: string[]) {
  if (!addresses.length) return [];
  return ex
    .select({ id: users.id, teamId: users.teamId, email: users.email })
    .from(users)
    .where(and(inArray(sql`lower(${users.email})`, addresses), eq(users.active, true)));
}
