import {
  type Actor,
  can,
  diffFields,
  type ListQuery,
  snapshotDiff,
  type UserCreate,
  type UserUpdate,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { deleteUserSessions } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import { getRole } from '../roles/roles.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern, type ListFields } from '../shared/list-query.ts';
import * as repo from './users.repository.ts';

const fields = ['email', 'name', 'role', 'teamId', 'language', 'active'] as const;
const listFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: sql.raw('name') },
  email: { kind: 'text', sortable: true, notNull: true, expr: sql.raw('email') },
  role: { kind: 'text', sortable: true, notNull: true, expr: sql.raw('role') },
  teamId: { kind: 'uuid', expr: sql.raw('team_id') },
  active: { kind: 'boolean', expr: sql.raw('active') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: sql.raw('created_at') },
};

export function presentUser(r: repo.UserRow) {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    teamId: r.teamId,
    language: r.language,
    active: r.active,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** A user record, seen by authorisation as owned by itself. */
const owned = (u: repo.UserRow) => ({ ...u, ownerId: u.id });

export function createUserService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  const roleMustExist = async (ex: Executor, role: string) => {
    if (!(await getRole(ex, role))) {
      throw new AppError('validation_failed', 'Unknown role', {
        errors: [{ field: 'role', code: 'unknown', message: `no role "${role}"` }],
      });
    }
  };
  return {
    async list(
      actor: Actor,
      query: ListQuery & Record<string, unknown>,
    ): Promise<Page<ReturnType<typeof presentUser>>> {
      const req = pageRequest({
        actor,
        resource: 'users',
        query,
        fields: listFields,
        defaultSort: { field: 'name', dir: 'asc' },
        idExpr: sql.raw('id'),
        scopeColumns: { owner: 'id', team: 'team_id' },
        ...(query.q
          ? {
              extra: [
                sql`(name ILIKE ${containsPattern(query.q)} OR email ILIKE ${containsPattern(query.q)})`,
              ],
            }
          : {}),
      });
      return toPage(
        await repo.pageUsers(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentUser,
      );
    },
    async get(actor: Actor, id: string) {
      const u = await repo.getUser(db, id);
      return presentUser(authorize(actor, 'read', 'users', u && owned(u), 'User'));
    },
    async create(actor: Actor, input: UserCreate) {
      requireCan(actor, 'create', 'users');
      const passwordHash = await hashPassword(input.password);
      return presentUser(
        await db.transaction(async (tx) => {
          await roleMustExist(tx, input.role);
          if (await repo.findUserByEmail(tx, input.email)) {
            throw new AppError('conflict', 'A user with this email exists', {
              errors: [{ field: 'email', code: 'taken', message: 'is already used' }],
            });
          }
          const { password: _, ...rest } = input;
          const row = await repo.insertUser(tx, { ...rest, passwordHash });
          await insertAudit(
            tx,
            auditEntry(actor, 'create', 'user', row.id, snapshotDiff(row, fields, 'created')),
          );
          return row;
        }),
      );
    },
    async update(actor: Actor, id: string, input: UserUpdate, expected?: number) {
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return presentUser(
        await db.transaction(async (tx) => {
          const u = await repo.getUser(tx, id, true);
          const cur = authorize(actor, 'update', 'users', u && owned(u), 'User');
          checkVersion(cur.version, expected);
          const self = actor.userId === id;
          if (
            (input.role !== undefined && input.role !== cur.role) ||
            (input.active !== undefined && input.active !== cur.active)
          ) {
            // Role and activation are administrative: never through one's own record.
            if (self || !can(actor, 'update', 'roles'))
              throw forbidden('Only an administrator may change roles or deactivate users');
            if (input.role) await roleMustExist(tx, input.role);
          }
          const { password: _, ...rest } = input;
          const next = await repo.updateUser(tx, id, {
            ...rest,
            ...(passwordHash ? { passwordHash } : {}),
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          if (passwordHash || input.active === false) await deleteUserSessions(tx, id);
          const changes = diffFields(cur, next, fields);
          if (passwordHash) changes.password = { from: '***', to: '***' };
          await insertAudit(tx, auditEntry(actor, 'update', 'user', id, changes));
          return next;
        }),
      );
    },
    /** Users are deactivated, never deleted: their history stays attributable. */
    async remove(actor: Actor, id: string, expected?: number) {
      await db.transaction(async (tx) => {
        const u = await repo.getUser(tx, id, true);
        const cur = authorize(actor, 'delete', 'users', u && owned(u), 'User');
        checkVersion(cur.version, expected);
        if (actor.userId === id) throw new AppError('conflict', 'You cannot deactivate yourself');
        await repo.updateUser(tx, id, { active: false, updatedAt: deps.clock(), version: cur.version + 1 });
        await deleteUserSessions(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'user', id, { active: { from: cur.active, to: false } }),
        );
      });
    },
    async me(actor: Actor) {
      const u = actor.userId ? await repo.getUser(db, actor.userId) : undefined;
      if (!u) throw new AppError('unauthenticated');
      return { ...presentUser(u), permissions: actor.permissions };
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
