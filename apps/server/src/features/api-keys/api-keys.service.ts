import { randomBytes } from 'node:crypto';
import type { Actor, ApiKeyCreate, ListQuery } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { API_KEY_PREFIX, sha256 } from '../auth/auth.service.ts';
import { authorize, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import * as repo from './api-keys.repository.ts';

const listFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: sql.raw('name') },
  userId: { kind: 'uuid', expr: sql.raw('user_id') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: sql.raw('created_at') },
};

export function presentApiKey(r: repo.ApiKeyRow) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    userId: r.userId,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    version: r.version,
  };
}

const owned = (k: repo.ApiKeyRow) => ({ ...k, ownerId: k.userId });

export function createApiKeyService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  return {
    async list(
      actor: Actor,
      query: ListQuery & Record<string, unknown>,
    ): Promise<Page<ReturnType<typeof presentApiKey>>> {
      const req = pageRequest({
        actor,
        resource: 'api_keys',
        query,
        fields: listFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: sql.raw('id'),
        scopeColumns: { owner: 'user_id', team: 'NULL::uuid' },
      });
      return toPage(
        await repo.pageApiKeys(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentApiKey,
      );
    },
    async get(actor: Actor, id: string) {
      const k = await repo.getApiKey(db, id);
      return presentApiKey(authorize(actor, 'read', 'api_keys', k && owned(k), 'API key'));
    },
    /** Keys act as their creator; an API key cannot mint further keys. */
    async create(actor: Actor, input: ApiKeyCreate) {
      if (actor.kind !== 'user' || !actor.userId)
        throw new AppError('forbidden', 'API keys are created by signed-in users');
      requireCan(actor, 'create', 'api_keys', { ownerId: actor.userId });
      const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertApiKey(tx, {
          name: input.name,
          scopes: input.scopes,
          userId: actor.userId!,
          prefix: secret.slice(0, 10),
          keyHash: sha256(secret),
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'api_key', created.id, {
            name: { from: null, to: created.name },
            scopes: { from: null, to: created.scopes },
          }),
        );
        return created;
      });
      return { ...presentApiKey(row), secret };
    },
    async revoke(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const k = await repo.getApiKey(tx, id, true);
        const cur = authorize(actor, 'delete', 'api_keys', k && owned(k), 'API key');
        if (cur.revokedAt) return;
        await repo.revokeApiKey(tx, id, deps.clock());
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'api_key', id, {
            revokedAt: { from: null, to: deps.clock().toISOString() },
          }),
        );
      });
    },
  };
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>;
