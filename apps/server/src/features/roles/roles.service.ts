import {
  type Actor,
  builtinRoles,
  diffFields,
  type RoleCreate,
  type RoleUpdate,
  snapshotDiff,
} from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { checkVersion, requireCan } from '../shared/guards.ts';
import * as repo from './roles.repository.ts';

const fields = ['key', 'name', 'description', 'permissions'] as const;

export function presentRole(r: repo.RoleRow) {
  return {
    key: r.key,
    name: r.name,
    description: r.description,
    permissions: r.permissions,
    builtin: r.builtin,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export async function ensureBuiltinRoles(ex: Executor): Promise<void> {
  for (const [key, r] of Object.entries(builtinRoles)) {
    await repo.upsertBuiltinRole(ex, {
      key,
      name: r.name,
      description: r.description,
      permissions: r.permissions,
      builtin: true,
    });
  }
}

export function createRoleService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  const load = async (ex: Executor, key: string, forUpdate = false) => {
    const row = await repo.getRole(ex, key, forUpdate);
    if (!row) throw notFound('Role');
    return row;
  };
  return {
    async list(actor: Actor) {
      requireCan(actor, 'read', 'roles');
      return (await repo.listRoles(db)).map(presentRole);
    },
    async get(actor: Actor, key: string) {
      requireCan(actor, 'read', 'roles');
      return presentRole(await load(db, key));
    },
    async create(actor: Actor, input: RoleCreate) {
      requireCan(actor, 'create', 'roles');
      return presentRole(
        await db.transaction(async (tx) => {
          if (await repo.getRole(tx, input.key)) {
            throw new AppError('conflict', 'A role with this key exists', {
              errors: [{ field: 'key', code: 'taken', message: 'is already used' }],
            });
          }
          const row = await repo.insertRole(tx, { ...input, builtin: false });
          await insertAudit(
            tx,
            auditEntry(actor, 'create', 'role', null, snapshotDiff(row, fields, 'created'), {
              role: row.key,
            }),
          );
          return row;
        }),
      );
    },
    async update(actor: Actor, key: string, input: RoleUpdate, expected?: number) {
      requireCan(actor, 'update', 'roles');
      return presentRole(
        await db.transaction(async (tx) => {
          const cur = await load(tx, key, true);
          checkVersion(cur.version, expected);
          if (cur.builtin)
            throw new AppError('conflict', 'Built-in roles cannot be changed; create a custom role instead');
          const next = await repo.updateRole(tx, key, {
            ...input,
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          await insertAudit(
            tx,
            auditEntry(actor, 'update', 'role', null, diffFields(cur, next, fields), { role: key }),
          );
          return next;
        }),
      );
    },
    async remove(actor: Actor, key: string, expected?: number) {
      requireCan(actor, 'delete', 'roles');
      await db.transaction(async (tx) => {
        const cur = await load(tx, key, true);
        checkVersion(cur.version, expected);
        if (cur.builtin) throw new AppError('conflict', 'Built-in roles cannot be deleted');
        const n = await repo.countRoleUsers(tx, key);
        if (n > 0) throw new AppError('conflict', `${n} user(s) still have this role`);
        await repo.deleteRole(tx, key);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'role', null, snapshotDiff(cur, fields, 'deleted'), { role: key }),
        );
      });
    },
  };
}
export type RoleService = ReturnType<typeof createRoleService>;
