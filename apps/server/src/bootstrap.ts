/** First-run set-up: built-in roles, the admin user, demo data. Idempotent. */
import { randomBytes } from 'node:crypto';
import type { Database } from './db/connection.ts';
import { insertAudit } from './features/audit/audit.repository.ts';
import { hashPassword } from './features/auth/passwords.ts';
import { ensureBuiltinRoles } from './features/roles/roles.service.ts';
import { countUsers, findUserByEmail, insertUser, updateUser } from './features/users/users.repository.ts';

export const ADMIN_EMAIL = 'admin@relata.local';

export type AdminResult = { created: boolean; password?: string; generated: boolean };

export async function ensureRoles(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => ensureBuiltinRoles(tx));
}

/** Creates the admin on an empty database. The password is returned only when generated. */
export async function ensureAdmin(database: Database, password: string | undefined): Promise<AdminResult> {
  return database.db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return { created: false, generated: false };
    const generated = !password;
    const pw = password ?? randomBytes(12).toString('base64url');
    const row = await insertUser(tx, {
      email: ADMIN_EMAIL,
      name: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(pw),
    });
    await insertAudit(tx, {
      actorType: 'system',
      actorName: 'system',
      action: 'create',
      recordType: 'user',
      recordId: row.id,
      changes: {},
    });
    return { created: true, generated, ...(generated ? { password: pw } : {}) };
  });
}

/** `relata create-admin`: creates the admin, or resets its password. */
export async function createOrResetAdmin(database: Database, password: string): Promise<'created' | 'reset'> {
  await ensureRoles(database);
  const existing = await findUserByEmail(database.db, ADMIN_EMAIL);
  if (!existing) {
    await ensureAdmin(database, password).then(async (r) => {
      if (!r.created) {
        await insertUser(database.db, {
          email: ADMIN_EMAIL,
          name: 'Administrator',
          role: 'admin',
          passwordHash: await hashPassword(password),
        });
      }
    });
    return 'created';
  }
  await updateUser(database.db, existing.id, {
    passwordHash: await hashPassword(password),
    active: true,
    role: 'admin',
  });
  return 'reset';
}
