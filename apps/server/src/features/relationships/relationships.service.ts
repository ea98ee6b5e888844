import {
  type Actor,
  type Condition,
  can,
  diffFields,
  type ListQuery,
  type RelationshipCreate,
  type RelationshipTypeCreate,
  type RelationshipUpdate,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { recountEmployers } from '../surveys/nps-rollup.ts';
import * as repo from './relationships.repository.ts';

const fields = ['type', 'fromType', 'fromId', 'toType', 'toId', 'since', 'until', 'notes'] as const;
const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  type: { kind: 'text', sortable: true, notNull: true, expr: col('type') },
  fromId: { kind: 'uuid', expr: col('from_id') },
  toId: { kind: 'uuid', expr: col('to_id') },
  fromType: { kind: 'enum', expr: col('from_type'), values: ['contact', 'account'] },
  toType: { kind: 'enum', expr: col('to_type'), values: ['contact', 'account'] },
  since: { kind: 'date', sortable: true, expr: col('since') },
  until: { kind: 'date', sortable: true, expr: col('until') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};

type Endpoint = {
  type: 'contact' | 'account';
  id: string;
  name: string;
  ownerId: string | null;
  teamId: string | null;
};

function present(r: repo.RelationshipRow, ends: Map<string, Endpoint>) {
  const end = (id: string, type: string) => {
    const e = ends.get(id);
    return { type, id, name: e?.name ?? '' };
  };
  return {
    id: r.id,
    type: r.type,
    fromType: r.fromType,
    fromId: r.fromId,
    toType: r.toType,
    toId: r.toId,
    since: r.since,
    until: r.until,
    notes: r.notes,
    from: end(r.fromId, r.fromType),
    to: end(r.toId, r.toType),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type RelationshipView = ReturnType<typeof present>;

const resourceOf = (t: 'contact' | 'account'): 'contacts' | 'accounts' =>
  t === 'contact' ? 'contacts' : 'accounts';

async function endpoints(ex: Executor, rows: repo.RelationshipRow[]) {
  const contactIds = new Set<string>();
  const accountIds = new Set<string>();
  for (const r of rows) {
    (r.fromType === 'contact' ? contactIds : accountIds).add(r.fromId);
    (r.toType === 'contact' ? contactIds : accountIds).add(r.toId);
  }
  return repo.endpointInfo(ex, [...contactIds], [...accountIds]);
}

export function createRelationshipService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  /** Relationships are governed by the record they start from. */
  async function loadFor(
    ex: Executor,
    actor: Actor,
    id: string,
    action: 'read' | 'update' | 'delete',
    lock = false,
  ) {
    const r = await repo.getRelationship(ex, id, lock);
    if (!r) throw notFound('Relationship');
    const ends = await endpoints(ex, [r]);
    const from = ends.get(r.fromId);
    if (!can(actor, action, 'relationships', from ?? {})) throw forbidden();
    return { r, ends };
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<RelationshipView>> {
      const req = pageRequest({
        actor,
        resource: 'relationships',
        query,
        fields: listFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: col('id'),
        special: {
          recordId: (c: Condition) => {
            const ids = [c.value].flat().map(String);
            return sql`(from_id = ANY(${sql.param(ids)}::uuid[]) OR to_id = ANY(${sql.param(ids)}::uuid[]))`;
          },
        },
        // Relationship rows carry no owner: visibility follows read access to relationships.
        scopeColumns: { owner: 'NULL::uuid', team: 'NULL::uuid' },
      });
      const rows = await repo.pageRelationships(db, req.where, req.order, req.sortValue, req.limit);
      const ends = await endpoints(db, rows);
      return toPage(rows, req, (r) => present(r, ends));
    },
    async get(actor: Actor, id: string) {
      const { r, ends } = await loadFor(db, actor, id, 'read');
      return present(r, ends);
    },
    async create(actor: Actor, input: RelationshipCreate) {
      const row = await db.transaction(async (tx) => {
        const type = await repo.getRelationshipType(tx, input.type);
        if (!type)
          throw invalid([
            { field: 'type', code: 'unknown', message: `no relationship type "${input.type}"` },
          ]);
        if (type.fromType !== input.fromType || type.toType !== input.toType) {
          throw invalid([
            {
              field: 'type',
              code: 'invalid_value',
              message: `${type.key} relates a ${type.fromType} to a ${type.toType}`,
            },
          ]);
        }
        const ends = await repo.endpointInfo(
          tx,
          [
            input.fromType === 'contact' ? input.fromId : '',
            input.toType === 'contact' ? input.toId : '',
          ].filter(Boolean),
          [
            input.fromType === 'account' ? input.fromId : '',
            input.toType === 'account' ? input.toId : '',
          ].filter(Boolean),
        );
        const from = ends.get(input.fromId);
        const to = ends.get(input.toId);
        if (!from || from.type !== input.fromType)
          throw invalid([{ field: 'fromId', code: 'not_found', message: `no such ${input.fromType}` }]);
        if (!to || to.type !== input.toType)
          throw invalid([{ field: 'toId', code: 'not_found', message: `no such ${input.toType}` }]);
        requireCan(actor, 'create', 'relationships', from);
        if (!can(actor, 'read', resourceOf(to.type), to)) throw forbidden();
        if (await repo.findDuplicateRelationship(tx, input.type, input.fromId, input.toId)) {
          throw new AppError('conflict', 'These records are already related this way');
        }
        const created = await repo.insertRelationship(tx, {
          ...input,
          since: input.since ?? null,
          until: input.until ?? null,
        });
        await recountEmployers(tx, [created]); // a new colleague's answer counts for the account
        await insertAudit(tx, [
          auditEntry(actor, 'create', 'relationship', created.id, snapshotDiff(created, fields, 'created')),
          auditEntry(
            actor,
            'relate',
            input.fromType,
            input.fromId,
            {},
            { relationshipId: created.id, type: input.type, to: to.name },
          ),
          auditEntry(
            actor,
            'relate',
            input.toType,
            input.toId,
            {},
            { relationshipId: created.id, type: input.type, from: from.name },
          ),
        ]);
        return { created, ends };
      });
      return present(row.created, row.ends);
    },
    async update(actor: Actor, id: string, input: RelationshipUpdate, expected?: number) {
      const { next, ends } = await db.transaction(async (tx) => {
        const { r: cur, ends } = await loadFor(tx, actor, id, 'update', true);
        checkVersion(cur.version, expected);
        const since = input.since === undefined ? cur.since : input.since;
        const until = input.until === undefined ? cur.until : input.until;
        if (since && until && until < since)
          throw invalid([{ field: 'until', code: 'invalid_value', message: 'must not be before since' }]);
        const next = await repo.updateRelationship(tx, id, {
          since,
          until,
          notes: input.notes ?? cur.notes,
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await recountEmployers(tx, [next]); // ended (or resumed) employment
        await insertAudit(tx, auditEntry(actor, 'update', 'relationship', id, diffFields(cur, next, fields)));
        return { next, ends };
      });
      return present(next, ends);
    },
    async remove(actor: Actor, id: string, expected?: number) {
      await db.transaction(async (tx) => {
        const { r: cur } = await loadFor(tx, actor, id, 'delete', true);
        checkVersion(cur.version, expected);
        await repo.deleteRelationship(tx, id);
        await recountEmployers(tx, [cur]);
        await insertAudit(tx, [
          auditEntry(actor, 'delete', 'relationship', id, snapshotDiff(cur, fields, 'deleted')),
          auditEntry(actor, 'unrelate', cur.fromType, cur.fromId, {}, { relationshipId: id, type: cur.type }),
          auditEntry(actor, 'unrelate', cur.toType, cur.toId, {}, { relationshipId: id, type: cur.type }),
        ]);
      });
    },
    async types(actor: Actor) {
      requireCan(actor, 'read', 'relationships');
      return (await repo.listRelationshipTypes(db)).map((t) => ({
        key: t.key,
        name: t.name,
        inverseName: t.inverseName,
        fromType: t.fromType,
        toType: t.toType,
        builtin: t.builtin,
      }));
    },
    async createType(actor: Actor, input: RelationshipTypeCreate) {
      requireCan(actor, 'create', 'custom_fields');
      return db.transaction(async (tx) => {
        if (await repo.getRelationshipType(tx, input.key)) {
          throw new AppError('conflict', 'This relationship type exists', {
            errors: [{ field: 'key', code: 'taken', message: 'is already used' }],
          });
        }
        const t = await repo.insertRelationshipType(tx, { ...input, builtin: false });
        await insertAudit(tx, auditEntry(actor, 'create', 'relationship_type', null, {}, { key: t.key }));
        return {
          key: t.key,
          name: t.name,
          inverseName: t.inverseName,
          fromType: t.fromType,
          toType: t.toType,
          builtin: t.builtin,
        };
      });
    },
  };
}
export type RelationshipService = ReturnType<typeof createRelationshipService>;
