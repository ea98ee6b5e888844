import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { roles, users } from '../../db/schema.ts';

export type RoleRow = typeof roles.$inferSelect;

export const listRoles = (ex: Executor) =>
  ex.select().from(roles).orderBy(asc(roles.builtin), asc(roles.key));

export async function getRole(ex: Executor, key: string, forUpdate = false): Promise<RoleRow | undefined> {
  const q = ex.select().from(roles).where(eq(roles.key, key));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertRole(ex: Executor, v: typeof roles.$inferInsert): Promise<RoleRow> {
  const [row] = await ex.insert(roles).values(v).returning();
  return row!;
}

/** Inserts the built-in roles, refreshing their permissions to the current release. */
export async function upsertBuiltinRole(ex: Executor, v: typeof roles.$inferInsert): Promise<void> {
  await ex
    .insert(roles)
    .values(v)
    .onConflictDoUpdate({
      target: roles.key,
      set: { permissions: v.permissions, name: v.name, description: v.description },
    });
}

export async function updateRole(
  ex: Executor,
  key: string,
  v: Partial<typeof roles.$inferInsert>,
): Promise<RoleRow> {
  const [row] = await ex.update(roles).set(v).where(eq(roles.key, key)).returning();
  return row!;
}

export async function deleteRole(ex: Executor, key: string): Promise<void> {
  await ex.delete(roles).where(eq(roles.key, key));
}

export async function countRoleUsers(ex: Executor, key: string): Promise<number> {
  const [r] = await ex.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, key));
  return r?.n ?? 0;
}
