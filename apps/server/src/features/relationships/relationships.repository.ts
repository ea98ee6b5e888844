import { and, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { accounts, contacts, relationships, relationshipTypes } from '../../db/schema.ts';

export type RelationshipRow = typeof relationships.$inferSelect;

export async function pageRelationships(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(relationships), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(relationships)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getRelationship(ex: Executor, id: string, forUpdate = false) {
  const q = ex.select().from(relationships).where(eq(relationships.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertRelationship(
  ex: Executor,
  v: typeof relationships.$inferInsert,
): Promise<RelationshipRow> {
  const [row] = await ex.insert(relationships).values(v).returning();
  return row!;
}

export async function updateRelationship(
  ex: Executor,
  id: string,
  v: Partial<typeof relationships.$inferInsert>,
) {
  const [row] = await ex.update(relationships).set(v).where(eq(relationships.id, id)).returning();
  return row!;
}

export async function deleteRelationship(ex: Executor, id: string): Promise<void> {
  await ex.delete(relationships).where(eq(relationships.id, id));
}

export async function deleteRelationshipsOf(ex: Executor, recordId: string): Promise<RelationshipRow[]> {
  return ex
    .delete(relationships)
    .where(or(eq(relationships.fromId, recordId), eq(relationships.toId, recordId)))
    .returning();
}

/**
 * Re-points a merged record's relationships at the survivor, dropping those that would
 * relate it to itself or repeat one it already has.
 */
export async function moveRelationships(ex: Executor, fromId: string, toId: string): Promise<number> {
  await ex.execute(sql`
    DELETE FROM relationships r
    WHERE (r.from_id = ${fromId}::uuid AND r.to_id = ${toId}::uuid)
       OR (r.to_id = ${fromId}::uuid AND r.from_id = ${toId}::uuid)
       OR (r.from_id = ${fromId}::uuid AND EXISTS (
             SELECT 1 FROM relationships o WHERE o.from_id = ${toId}::uuid AND o.to_id = r.to_id AND o.type = r.type))
       OR (r.to_id = ${fromId}::uuid AND EXISTS (
             SELECT 1 FROM relationships o WHERE o.to_id = ${toId}::uuid AND o.from_id = r.from_id AND o.type = r.type))`);
  const a = await ex
    .update(relationships)
    .set({ fromId: toId })
    .where(eq(relationships.fromId, fromId))
    .returning({ id: relationships.id });
  const b = await ex
    .update(relationships)
    .set({ toId })
    .where(eq(relationships.toId, fromId))
    .returning({ id: relationships.id });
  return a.length + b.length;
}

export async function findDuplicateRelationship(ex: Executor, type: string, fromId: string, toId: string) {
  const [row] = await ex
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.type, type), eq(relationships.fromId, fromId), eq(relationships.toId, toId)));
  return row;
}

export const listRelationshipTypes = (ex: Executor) =>
  ex.select().from(relationshipTypes).orderBy(relationshipTypes.key);

export async function getRelationshipType(ex: Executor, key: string) {
  const [row] = await ex.select().from(relationshipTypes).where(eq(relationshipTypes.key, key));
  return row;
}

export async function insertRelationshipType(ex: Executor, v: typeof relationshipTypes.$inferInsert) {
  const [row] = await ex.insert(relationshipTypes).values(v).returning();
  return row!;
}

/** Names and ownership of the records at either end of some relationships, in two queries. */
export async function endpointInfo(ex: Executor, contactIds: string[], accountIds: string[]) {
  const [cs, as] = await Promise.all([
    contactIds.length
      ? ex
          .select({
            id: contacts.id,
            name: contacts.name,
            ownerId: contacts.ownerId,
            teamId: contacts.teamId,
          })
          .from(contacts)
          .where(inArray(contacts.id, contactIds))
      : Promise.resolve([]),
    accountIds.length
      ? ex
          .select({
            id: accounts.id,
            name: accounts.name,
            ownerId: accounts.ownerId,
            teamId: accounts.teamId,
          })
          .from(accounts)
          .where(inArray(accounts.id, accountIds))
      : Promise.resolve([]),
  ]);
  const map = new Map<
    string,
    { type: 'contact' | 'account'; id: string; name: string; ownerId: string | null; teamId: string | null }
  >();
  for (const c of cs)
    map.set(c.id, { type: 'contact', id: c.id, name: c.name ?? '', ownerId: c.ownerId, teamId: c.teamId });
  for (const a of as)
    map.set(a.id, { type: 'account', id: a.id, name: a.name, ownerId: a.ownerId, teamId: a.teamId });
  return map;
}
