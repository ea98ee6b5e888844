/**
 * The service of a small admin-edited table (queues, business calendars, SLA policies): a
 * keyset-paged list, get, create, update with If-Match and delete, each audited, with hooks for
 * the table's own checks. Belongs to no one: only "all" scopes see it.
 */
import {
  type Actor,
  diffFields,
  type ListQuery,
  type Resource,
  type Sort,
  snapshotDiff,
} from '@relata/domain';
import { eq, getTableColumns, type InferInsertModel, type InferSelectModel, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../../db/connection.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { authorize, checkVersion, requireCan } from './guards.ts';
import { type Page, pageRequest, toPage } from './list.ts';
import type { ListFields } from './list-query.ts';

type ConfigTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export function configCrud<T extends ConfigTable, C, U extends object, V>(
  deps: { db: Db; clock: () => Date },
  opts: {
    table: T;
    resource: Resource;
    recordType: string;
    what: string;
    auditFields: readonly string[];
    listFields: ListFields;
    defaultSort: Sort;
    present: (row: InferSelectModel<T>) => V;
    toInsert: (input: C) => InferInsertModel<T>;
    /** Checks an input against other records (names taken, references); throws an AppError. */
    check?: (tx: Executor, input: C | U, current?: InferSelectModel<T>) => Promise<void>;
    /** Refuses to delete a record still in use; throws an AppError. */
    beforeDelete?: (tx: Executor, current: InferSelectModel<T>) => Promise<void>;
  },
) {
  const { db } = deps;
  const t = opts.table;
  type Row = InferSelectModel<T>;
  const byId = async (ex: Executor, id: string, forUpdate = false): Promise<Row | undefined> => {
    const q = ex
      .select()
      .from(t as PgTable)
      .where(eq(t.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row as Row | undefined;
  };
  const version = (r: Row) => (r as { version: number }).version;

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<V>> {
      const req = pageRequest({
        actor,
        resource: opts.resource,
        query,
        fields: opts.listFields,
        defaultSort: opts.defaultSort,
        idExpr: sql.raw('id'),
        scopeColumns: { owner: 'NULL::uuid', team: 'NULL::uuid' },
      });
      const rows = await db
        .select({ ...getTableColumns(t), _sort: sql<string | null>`${req.sortValue}`.as('_sort') })
        .from(t as PgTable)
        .where(req.where)
        .orderBy(req.order)
        .limit(req.limit + 1);
      return toPage(rows as unknown as (Row & { id: string; _sort: string | null })[], req, opts.present);
    },

    async get(actor: Actor, id: string): Promise<V> {
      return opts.present(authorize(actor, 'read', opts.resource, await byId(db, id), opts.what));
    },

    /** For other services: the record, unauthorised (they decide what to show). */
    byId,

    async create(actor: Actor, input: C): Promise<V> {
      requireCan(actor, 'create', opts.resource);
      return db.transaction(async (tx) => {
        await opts.check?.(tx, input);
        const [row] = (await tx.insert(t).values(opts.toInsert(input)).returning()) as Row[];
        const id = (row as { id: string }).id;
        await insertAudit(
          tx,
          auditEntry(actor, 'create', opts.recordType, id, snapshotDiff(row!, opts.auditFields, 'created')),
        );
        return opts.present(row!);
      });
    },

    async update(actor: Actor, id: string, input: U, expected?: number): Promise<V> {
      return db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', opts.resource, await byId(tx, id, true), opts.what);
        checkVersion(version(cur), expected);
        await opts.check?.(tx, input, cur);
        const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        const [next] = (await tx
          .update(t)
          .set({ ...changes, updatedAt: deps.clock(), version: version(cur) + 1 } as never)
          .where(eq(t.id, id))
          .returning()) as Row[];
        await insertAudit(
          tx,
          auditEntry(actor, 'update', opts.recordType, id, diffFields(cur, next!, opts.auditFields)),
        );
        return opts.present(next!);
      });
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', opts.resource, await byId(tx, id, true), opts.what);
        checkVersion(version(cur), expected);
        await opts.beforeDelete?.(tx, cur);
        await tx.delete(t).where(eq(t.id, id));
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', opts.recordType, id, snapshotDiff(cur, opts.auditFields, 'deleted')),
        );
      });
    },
  };
}
