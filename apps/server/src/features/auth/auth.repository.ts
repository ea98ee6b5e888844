import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { apiKeys, loginAttempts, roles, sessions, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row;
}

export async function insertSession(ex: Executor, s: typeof sessions.$inferInsert): Promise<void> {
  await ex.insert(sessions).values(s);
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(ex: Executor, userId: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.userId, userId));
}

const principalColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  teamId: users.teamId,
  language: users.language,
  active: users.active,
  permissions: roles.permissions,
};

export async function findSessionPrincipal(ex: Executor, id: string, now: Date) {
  const [row] = await ex
    .select({ ...principalColumns, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(roles, eq(roles.key, users.role))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchSession(ex: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await ex.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function findApiKeyPrincipal(ex: Executor, keyHash: string, now: Date) {
  const [row] = await ex
    .select({
      ...principalColumns,
      apiKeyId: apiKeys.id,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .innerJoin(roles, eq(roles.key, users.role))
    .where(
      and(
        eq(apiKeys.keyHash, keyHash),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
      ),
    )
    .limit(1);
  return row;
}

export async function touchApiKey(ex: Executor, id: string, now: Date): Promise<void> {
  await ex.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

export async function setLastLogin(ex: Executor, userId: string, now: Date): Promise<void> {
  await ex.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}

export async function getLoginAttempt(ex: Executor, key: string) {
  const [row] = await ex.select().from(loginAttempts).where(eq(loginAttempts.key, key)).limit(1);
  return row;
}

export async function saveLoginAttempt(ex: Executor, row: typeof loginAttempts.$inferInsert): Promise<void> {
  await ex
    .insert(loginAttempts)
    .values(row)
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil ?? null },
    });
}

export async function clearLoginAttempt(ex: Executor, key: string): Promise<void> {
  await ex.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
