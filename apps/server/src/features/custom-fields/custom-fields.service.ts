import {
  type Actor,
  type CustomFieldCreate,
  type CustomFieldDef,
  type CustomFieldType,
  type CustomFieldUpdate,
  diffFields,
  snapshotDiff,
} from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import * as repo from './custom-fields.repository.ts';

const fields = ['entity', 'key', 'label', 'type', 'options', 'required', 'position'] as const;

export function presentCustomField(r: repo.CustomFieldRow) {
  return {
    id: r.id,
    entity: r.entity,
    key: r.key,
    label: r.label,
    type: r.type,
    options: r.options,
    required: r.required,
    position: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function createCustomFieldService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  // Definitions are read on every contact/account write and list; cached briefly per process.
  let cache: { at: number; rows: repo.CustomFieldRow[] } | null = null;
  // `ex` must be the caller's transaction when there is one: the embedded database has a
  // single connection, and a query outside an open transaction would wait for it forever.
  const all = async (ex: Executor) => {
    if (!cache || Date.now() - cache.at > 2000) cache = { at: Date.now(), rows: await repo.listDefs(ex) };
    return cache.rows;
  };
  const invalidate = () => {
    cache = null;
  };
  return {
    async defsFor(entity: 'contact' | 'account', ex: Executor = db): Promise<CustomFieldDef[]> {
      return (await all(ex))
        .filter((r) => r.entity === entity)
        .map((r) => ({
          key: r.key,
          label: r.label,
          type: r.type as CustomFieldType,
          options: r.options,
          required: r.required,
        }));
    },
    /** Definitions are few: one page, optionally of one entity (`filter[entity][eq]`). */
    async list(actor: Actor, query: Record<string, unknown>) {
      requireCan(actor, 'read', 'custom_fields');
      const entity = query['filter[entity][eq]'];
      if (entity !== undefined && entity !== 'contact' && entity !== 'account') {
        throw new AppError('invalid_filter', 'entity must be contact or account', {
          errors: [{ field: 'entity', code: 'invalid_value', message: 'must be contact or account' }],
        });
      }
      return { data: (await repo.listDefs(db, entity)).map(presentCustomField), nextCursor: null };
    },
    async get(actor: Actor, id: string) {
      requireCan(actor, 'read', 'custom_fields');
      return presentCustomField(
        authorize(actor, 'read', 'custom_fields', await repo.getDef(db, id), 'Custom field'),
      );
    },
    async create(actor: Actor, input: CustomFieldCreate) {
      requireCan(actor, 'create', 'custom_fields');
      const row = await db.transaction(async (tx) => {
        if (await repo.findDefByKey(tx, input.entity, input.key)) {
          throw new AppError('conflict', `A ${input.entity} field "${input.key}" exists`, {
            errors: [{ field: 'key', code: 'taken', message: 'is already used' }],
          });
        }
        const created = await repo.insertDef(tx, input);
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'custom_field', created.id, snapshotDiff(created, fields, 'created')),
        );
        return created;
      });
      invalidate();
      return presentCustomField(row);
    },
    async update(actor: Actor, id: string, input: CustomFieldUpdate, expected?: number) {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'update',
          'custom_fields',
          await repo.getDef(tx, id, true),
          'Custom field',
        );
        checkVersion(cur.version, expected);
        if (input.options && ['select', 'multi_select'].includes(cur.type) && input.options.length === 0) {
          throw new AppError('validation_failed', 'select fields need at least one option', {
            errors: [{ field: 'options', code: 'too_small', message: 'needs at least one option' }],
          });
        }
        const next = await repo.updateDef(tx, id, {
          ...input,
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(tx, auditEntry(actor, 'update', 'custom_field', id, diffFields(cur, next, fields)));
        return next;
      });
      invalidate();
      return presentCustomField(row);
    },
    async remove(actor: Actor, id: string, expected?: number) {
      await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'delete',
          'custom_fields',
          await repo.getDef(tx, id, true),
          'Custom field',
        );
        checkVersion(cur.version, expected);
        await repo.deleteDef(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'custom_field', id, snapshotDiff(cur, fields, 'deleted')),
        );
      });
      invalidate();
    },
    invalidate,
  };
}
export type CustomFieldService = ReturnType<typeof createCustomFieldService>;
