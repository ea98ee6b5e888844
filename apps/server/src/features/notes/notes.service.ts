import type { Actor, ListQuery, NoteCreate, NoteUpdate } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { sanitizeRichText } from '../../http/html.ts';
import { getAccount } from '../accounts/accounts.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { getInteraction } from '../interactions/interactions.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { getTask } from '../tasks/tasks.repository.ts';
import * as repo from './notes.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  recordId: { kind: 'uuid', expr: col('record_id') },
  recordType: {
    kind: 'enum',
    expr: col('record_type'),
    values: ['contact', 'account', 'interaction', 'task'],
  },
  authorId: { kind: 'uuid', expr: col('author_id') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};

export function presentNote(r: repo.NoteRow) {
  return {
    id: r.id,
    recordType: r.recordType,
    recordId: r.recordId,
    body: r.body,
    authorId: r.authorId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type NoteView = ReturnType<typeof presentNote>;
const owned = (n: repo.NoteRow) => ({ ...n, ownerId: n.authorId });

async function recordExists(ex: Executor, type: NoteCreate['recordType'], id: string): Promise<boolean> {
  switch (type) {
    case 'contact':
      return Boolean(await getContact(ex, id));
    case 'account':
      return Boolean(await getAccount(ex, id));
    case 'interaction':
      return Boolean(await getInteraction(ex, id));
    case 'task':
      return Boolean(await getTask(ex, id));
  }
}

export function createNoteService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<NoteView>> {
      const req = pageRequest({
        actor,
        resource: 'notes',
        query,
        fields: listFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: col('id'),
        scopeColumns: { owner: 'author_id', team: 'NULL::uuid' },
      });
      return toPage(
        await repo.pageNotes(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentNote,
      );
    },
    async get(actor: Actor, id: string): Promise<NoteView> {
      const n = await repo.getNote(db, id);
      return presentNote(authorize(actor, 'read', 'notes', n && owned(n), 'Note'));
    },
    async create(actor: Actor, input: NoteCreate): Promise<NoteView> {
      requireCan(actor, 'create', 'notes', { ownerId: actor.userId, teamId: actor.teamId });
      const body = sanitizeRichText(input.body);
      if (!body.trim())
        throw invalid([
          { field: 'body', code: 'too_small', message: 'is empty after removing unsafe markup' },
        ]);
      return presentNote(
        await db.transaction(async (tx) => {
          if (!(await recordExists(tx, input.recordType, input.recordId))) {
            throw invalid([{ field: 'recordId', code: 'not_found', message: `no such ${input.recordType}` }]);
          }
          const row = await repo.insertNote(tx, { ...input, body, authorId: actor.userId });
          await insertAudit(
            tx,
            auditEntry(
              actor,
              'create',
              'note',
              row.id,
              { body: { from: null, to: body } },
              { recordId: input.recordId },
            ),
          );
          return row;
        }),
      );
    },
    async update(actor: Actor, id: string, input: NoteUpdate, expected?: number): Promise<NoteView> {
      return presentNote(
        await db.transaction(async (tx) => {
          const n = await repo.getNote(tx, id, true);
          const cur = authorize(actor, 'update', 'notes', n && owned(n), 'Note');
          checkVersion(cur.version, expected);
          const body = sanitizeRichText(input.body);
          const next = await repo.updateNote(tx, id, {
            body,
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          await insertAudit(
            tx,
            auditEntry(actor, 'update', 'note', id, { body: { from: cur.body, to: body } }),
          );
          return next;
        }),
      );
    },
    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const n = await repo.getNote(tx, id, true);
        const cur = authorize(actor, 'delete', 'notes', n && owned(n), 'Note');
        checkVersion(cur.version, expected);
        await repo.deleteNote(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'note', id, { body: { from: cur.body, to: null } }),
        );
      });
    },
  };
}
export type NoteService = ReturnType<typeof createNoteService>;
