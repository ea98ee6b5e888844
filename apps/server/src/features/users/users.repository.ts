import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function pageUsers(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(users), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(users)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getUser(ex: Executor, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const q = ex.select().from(users).where(eq(users.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function insertUser(ex: Executor, v: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await ex.insert(users).values(v).returning();
  return row!;
}

export async function updateUser(
  ex: Executor,
  id: string,
  v: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await ex.update(users).set(v).where(eq(users.id, id)).returning();
  return row!;
}

export async function countUsers(ex: Executor): Promise<number> {
  const [r] = await ex.select({ n: sql<number>`count(*)::int` }).from(users);
  return r?.n ?? 0;
}
