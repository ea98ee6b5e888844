import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { interactionParticipants, interactions, relationships } from '../../db/schema.ts';

export type InteractionRow = typeof interactions.$inferSelect;
export type InteractionInsert = typeof interactions.$inferInsert;
export type Participant = { type: 'user' | 'contact'; id: string };

export async function pageInteractions(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(interactions), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(interactions)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getInteraction(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<InteractionRow | undefined> {
  const q = ex.select().from(interactions).where(eq(interactions.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getInteractionsByIds(ex: Executor, ids: string[]): Promise<InteractionRow[]> {
  return ids.length ? ex.select().from(interactions).where(inArray(interactions.id, ids)) : [];
}

export async function findByExternalRef(
  ex: Executor,
  channel: string,
  ref: string,
): Promise<InteractionRow | undefined> {
  const [row] = await ex
    .select()
    .from(interactions)
    .where(and(eq(interactions.channel, channel), eq(interactions.externalRef, ref)))
    .for('update');
  return row;
}

export async function insertInteraction(ex: Executor, v: InteractionInsert): Promise<InteractionRow> {
  const [row] = await ex.insert(interactions).values(v).returning();
  return row!;
}

export async function updateInteraction(
  ex: Executor,
  id: string,
  v: Partial<InteractionInsert>,
): Promise<InteractionRow> {
  const [row] = await ex.update(interactions).set(v).where(eq(interactions.id, id)).returning();
  return row!;
}

export async function deleteInteraction(ex: Executor, id: string): Promise<void> {
  await ex.delete(interactions).where(eq(interactions.id, id));
}

export async function setParticipants(
  ex: Executor,
  interactionId: string,
  people: Participant[],
): Promise<void> {
  await ex.delete(interactionParticipants).where(eq(interactionParticipants.interactionId, interactionId));
  if (people.length) {
    await ex
      .insert(interactionParticipants)
      .values(people.map((p) => ({ interactionId, participantType: p.type, participantId: p.id })))
      .onConflictDoNothing();
  }
}

export async function participantsOf(ex: Executor, ids: string[]): Promise<Map<string, Participant[]>> {
  const out = new Map<string, Participant[]>();
  if (!ids.length) return out;
  const rows = await ex
    .select()
    .from(interactionParticipants)
    .where(inArray(interactionParticipants.interactionId, ids));
  for (const r of rows) {
    if (!out.has(r.interactionId)) out.set(r.interactionId, []);
    out.get(r.interactionId)!.push({ type: r.participantType, id: r.participantId });
  }
  return out;
}

export async function recentFor(
  ex: Executor,
  column: 'contact' | 'account',
  id: string,
  limit = 20,
): Promise<InteractionRow[]> {
  const col = column === 'contact' ? interactions.contactId : interactions.accountId;
  return ex
    .select()
    .from(interactions)
    .where(eq(col, id))
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(limit);
}

/** The one account a contact works at now, if exactly one: interactions inherit it. */
export async function soleEmployer(ex: Executor, contactId: string): Promise<string | null> {
  const rows = await ex
    .select({ id: relationships.toId })
    .from(relationships)
    .where(
      and(
        eq(relationships.fromId, contactId),
        eq(relationships.type, 'works_at'),
        sql`(${relationships.until} IS NULL OR ${relationships.until} >= current_date)`,
      ),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}
