import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { teams, users } from '../../db/schema.ts';

export type TeamRow = typeof teams.$inferSelect;

export async function pageTeams(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(teams), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(teams)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getTeam(ex: Executor, id: string, forUpdate = false): Promise<TeamRow | undefined> {
  const q = ex.select().from(teams).where(eq(teams.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findTeamByName(ex: Executor, name: string) {
  const [row] = await ex.select().from(teams).where(sql`lower(${teams.name}) = lower(${name})`);
  return row;
}

export async function insertTeam(ex: Executor, v: typeof teams.$inferInsert): Promise<TeamRow> {
  const [row] = await ex.insert(teams).values(v).returning();
  return row!;
}

export async function updateTeam(
  ex: Executor,
  id: string,
  v: Partial<typeof teams.$inferInsert>,
): Promise<TeamRow> {
  const [row] = await ex.update(teams).set(v).where(eq(teams.id, id)).returning();
  return row!;
}

export async function deleteTeam(ex: Executor, id: string): Promise<void> {
  await ex.delete(teams).where(eq(teams.id, id));
}

export async function countTeamMembers(ex: Executor, id: string): Promise<number> {
  const [r] = await ex.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.teamId, id));
  return r?.n ?? 0;
}
