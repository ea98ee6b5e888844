/**
 * Facts: what is known about a customer that did not come from an interaction (survey answers
 * stored as facts, NPS), each with where it came from. Read with the contact's read right.
 */
import type { Actor } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { authorize } from '../shared/guards.ts';
import { type FactRow, pageFacts } from './surveys.repository.ts';

export function presentFact(f: FactRow) {
  return {
    id: f.id,
    key: f.key,
    value: f.value,
    source: f.source,
    survey: f.surveyId ? { id: f.surveyId, name: f.surveyName ?? null } : null,
    question: f.questionKey ? { key: f.questionKey, text: f.questionText ?? null } : null,
    responseId: f.responseId,
    recordedAt: f.recordedAt.toISOString(),
  };
}
export type FactView = ReturnType<typeof presentFact>;

export function createFactService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** A contact's facts, newest first, a page at a time; `key` narrows to one fact (e.g. nps). */
    async ofContact(
      actor: Actor,
      contactId: string,
      q: { cursor?: string | undefined; limit: number; key?: string | undefined },
    ): Promise<{ data: FactView[]; nextCursor: string | null }> {
      authorize(actor, 'read', 'contacts', await getContact(db, contactId), 'Contact');
      const rows = await pageFacts(db, contactId, {
        before: q.cursor ? parseTimeCursor(q.cursor) : undefined,
        key: q.key,
        limit: q.limit,
      });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page.at(-1);
      return {
        data: page.map(presentFact),
        nextCursor:
          more && last ? encodeTimeCursor({ at: last.recordedAt.toISOString(), id: last.id }) : null,
      };
    },
  };
}
export type FactService = ReturnType<typeof createFactService>;
