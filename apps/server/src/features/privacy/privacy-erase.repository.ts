/**
 * The statements of an erasure, each run in the caller's transaction. Each returns what it
 * touched so the service can count it and blank the audit history of those records.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import {
  attachments,
  consentHistory,
  consents,
  contacts,
  emails,
  facts,
  interactionParticipants,
  interactions,
  notes,
  orders,
  relationships,
  surveyResponses,
  tasks,
  warranties,
} from '../../db/schema.ts';
import { attachmentsOf, emailsOf, notesOf, relationshipsOf } from './privacy.repository.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const ids = (list: string[]) => sql`${sql.param(list)}::uuid[]`;
const uuid = (id: string) => sql`${id}::uuid`;

/**
 * Attachments leave the contact inside the transaction: each row is pointed at no record and
 * loses its name and hash, which makes it an orphan for the attachments GC job. The caller
 * removes the files and rows right after the commit; a crash in between leaves the job to do it.
 */
export async function detachAttachments(ex: Executor, c: string) {
  return ex
    .update(attachments)
    .set({ recordType: 'contact', recordId: sql`gen_random_uuid()`, filename: '', sha256: '' })
    .where(attachmentsOf(c))
    .returning({
      id: attachments.id,
      storageKey: attachments.storageKey,
      sizeBytes: attachments.sizeBytes,
      contentType: attachments.contentType,
    });
}

export async function deleteAttachmentRows(ex: Executor, attachmentIds: string[]) {
  if (attachmentIds.length) await ex.delete(attachments).where(inArray(attachments.id, attachmentIds));
}

export async function deleteNotes(ex: Executor, c: string) {
  return ex.delete(notes).where(notesOf(c)).returning({ id: notes.id });
}

export async function deleteEmails(ex: Executor, c: string) {
  const gone = await ex.delete(emails).where(emailsOf(c)).returning({ id: emails.id });
  if (gone.length)
    await ex.execute(sql`UPDATE survey_invitations SET email_id = NULL
      WHERE contact_id = ${uuid(c)} AND email_id = ANY(${ids(gone.map((e) => e.id))})`);
  return gone;
}

/** What stands where an erased person's address was, in emails kept for other customers. */
export const ERASED_ADDRESS = 'erased@erased.invalid';

/**
 * Emails of other contacts that were from, to or copied to one of the person's addresses keep
 * their text (they are the other customer's) but lose the address: in the address lists, in
 * the bodies and subject (quoted reply headers), in their timeline interaction and in the
 * audit history of both. Run before the contact row loses its addresses.
 */
export async function unaddressOtherEmails(ex: Executor, c: string) {
  const [k] = rowsOf<{ keys: string[] }>(
    await ex.execute(sql`SELECT email_keys AS keys FROM contacts WHERE id = ${uuid(c)}`),
  );
  const keys = k?.keys ?? [];
  if (!keys.length) return [];
  const swap = (col: string) =>
    sql.raw(`ARRAY(SELECT CASE WHEN lower(a) = ANY(k.keys) THEN '${ERASED_ADDRESS}' ELSE a END
      FROM unnest(${col}) WITH ORDINALITY AS x(a, n) ORDER BY n)`);
  const touched = rowsOf<{ id: string; interaction_id: string | null }>(
    await ex.execute(sql`
      WITH k AS (SELECT ${sql.param(keys)}::text[] AS keys)
      UPDATE emails e SET
        from_address = CASE WHEN lower(e.from_address) = ANY(k.keys) THEN ${ERASED_ADDRESS} ELSE e.from_address END,
        to_addresses = ${swap('e.to_addresses')},
        cc_addresses = ${swap('e.cc_addresses')}
      FROM k
      WHERE lower(e.from_address) = ANY(k.keys)
         OR EXISTS (SELECT 1 FROM unnest(e.to_addresses || e.cc_addresses) a WHERE lower(a) = ANY(k.keys))
      RETURNING e.id, e.interaction_id`),
  );
  if (!touched.length) return [];
  const emailIds = ids(touched.map((t) => t.id));
  const interactionIds = ids(touched.flatMap((t) => (t.interaction_id ? [t.interaction_id] : [])));
  for (const key of keys) {
    // The address as a case-insensitive pattern: every character that means something is escaped.
    const pattern = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await ex.execute(sql`UPDATE emails SET
        subject = regexp_replace(subject, ${pattern}, ${ERASED_ADDRESS}, 'gi'),
        text_body = regexp_replace(text_body, ${pattern}, ${ERASED_ADDRESS}, 'gi'),
        html_body = regexp_replace(html_body, ${pattern}, ${ERASED_ADDRESS}, 'gi')
      WHERE id = ANY(${emailIds})`);
    await ex.execute(sql`UPDATE interactions SET
        subject = regexp_replace(subject, ${pattern}, ${ERASED_ADDRESS}, 'gi'),
        notes = regexp_replace(notes, ${pattern}, ${ERASED_ADDRESS}, 'gi'),
        search_text = regexp_replace(search_text, ${pattern}, ${ERASED_ADDRESS}, 'gi')
      WHERE id = ANY(${interactionIds})`);
    // Their history too (the receive entry names the sender; snapshots quote the text).
    await ex.execute(sql`UPDATE audit_log SET
        changes = regexp_replace(changes::text, ${pattern}, ${ERASED_ADDRESS}, 'gi')::jsonb,
        meta = regexp_replace(meta::text, ${pattern}, ${ERASED_ADDRESS}, 'gi')::jsonb
      WHERE (record_id = ANY(${emailIds}) OR record_id = ANY(${interactionIds}))
        AND (changes::text ~* ${pattern} OR meta::text ~* ${pattern})`);
  }
  return touched.map((t) => ({ id: t.id }));
}

/**
 * Interactions of other customers the person only took part in stay whole (they are the other
 * customer's record); the person leaves their participants.
 */
export async function leaveInteractions(ex: Executor, c: string) {
  return ex
    .delete(interactionParticipants)
    .where(
      and(
        eq(interactionParticipants.participantType, 'contact'),
        eq(interactionParticipants.participantId, c),
      ),
    )
    .returning({ id: interactionParticipants.interactionId });
}

/** Keeps channel, time, direction, outcome and cost; planned ones are called off. */
export async function blankInteractions(ex: Executor, c: string, now: Date) {
  const rows = await ex
    .update(interactions)
    .set({
      subject: '',
      notes: '',
      searchText: '',
      outcomeNote: null,
      location: null,
      externalRef: null,
      emailId: null,
      status: sql`CASE WHEN ${interactions.status} = 'planned' THEN 'cancelled' ELSE ${interactions.status} END`,
      updatedAt: now,
      version: sql`${interactions.version} + 1`,
    })
    .where(eq(interactions.contactId, c))
    .returning({ id: interactions.id });
  const participants = await leaveInteractions(ex, c);
  return { rows, participants: participants.length };
}

/** Keeps type, dates, priority and assignee; open ones are cancelled (no reminders about nobody). */
export async function blankTasks(ex: Executor, c: string, now: Date) {
  return ex
    .update(tasks)
    .set({
      title: '',
      notes: '',
      status: sql`CASE WHEN ${tasks.status} = 'open' THEN 'cancelled' ELSE ${tasks.status} END`,
      reminderAt: null,
      updatedAt: now,
      version: sql`${tasks.version} + 1`,
    })
    .where(eq(tasks.contactId, c))
    .returning({ id: tasks.id });
}

export async function deleteRelationships(ex: Executor, c: string) {
  return ex.delete(relationships).where(relationshipsOf(c)).returning({
    id: relationships.id,
    type: relationships.type,
    fromId: relationships.fromId,
    toType: relationships.toType,
    toId: relationships.toId,
  });
}

export async function deleteFacts(ex: Executor, c: string) {
  return ex.delete(facts).where(eq(facts.contactId, c)).returning({ id: facts.id });
}

export async function deleteConsents(ex: Executor, c: string) {
  const current = await ex
    .delete(consents)
    .where(eq(consents.contactId, c))
    .returning({ c: consents.contactId });
  const history = await ex
    .delete(consentHistory)
    .where(eq(consentHistory.contactId, c))
    .returning({ id: consentHistory.id });
  return current.length + history.length;
}

/** The rows stay (response rates), the answers go. */
export async function blankSurveyResponses(ex: Executor, c: string, now: Date) {
  return ex
    .update(surveyResponses)
    .set({ answers: {}, updatedAt: now })
    .where(eq(surveyResponses.contactId, c))
    .returning({ id: surveyResponses.id });
}

/** Amounts, dates and products stay for customer value; free text goes. */
export async function blankCommerceText(ex: Executor, c: string, now: Date) {
  const o = await ex
    .update(orders)
    .set({ notes: '', updatedAt: now, version: sql`${orders.version} + 1` })
    .where(eq(orders.contactId, c))
    .returning({ id: orders.id });
  const w = await ex
    .update(warranties)
    .set({ serialNumber: null, terms: '', updatedAt: now, version: sql`${warranties.version} + 1` })
    .where(eq(warranties.contactId, c))
    .returning({ id: warranties.id });
  // Bank references often carry the payer's name.
  const p = rowsOf<{ id: string }>(
    await ex.execute(sql`UPDATE payments SET reference = NULL
      WHERE reference IS NOT NULL AND invoice_id IN (SELECT id FROM invoices WHERE contact_id = ${uuid(c)})
      RETURNING id`),
  );
  return { orders: o.map((r) => r.id), warranties: w.map((r) => r.id), payments: p.length };
}

/**
 * Audit history of erased records keeps who did what when, not what the values were. Earlier
 * exports and erasures hold no personal data and stay whole (an erasure's counts are its proof).
 * Records that stay for their numbers (orders, warranties, deals, quotes) lose only their
 * personal fields from their history: `kept` names those records and fields.
 */
export async function blankAudit(
  ex: Executor,
  personal: string[],
  kept: { ids: string[]; fields: string[] }[],
): Promise<number> {
  const blanked = personal.length
    ? rowsOf<{ id: string }>(
        await ex.execute(sql`UPDATE audit_log SET changes = '{}', meta = '{}'
          WHERE record_id = ANY(${ids(personal)}) AND action NOT IN ('export', 'erase')
            AND (changes <> '{}' OR meta <> '{}') RETURNING id`),
      ).length
    : 0;
  for (const { ids: list, fields } of kept) {
    if (!list.length || !fields.length) continue;
    await ex.execute(sql`UPDATE audit_log SET changes = changes - ${sql.param(fields)}::text[]
      WHERE record_id = ANY(${ids(list)}) AND changes ?| ${sql.param(fields)}::text[]`);
  }
  return blanked;
}

/** The other side's "relate" entries name the contact (meta.from / meta.to): the names go. */
export async function unnameRelatedAudit(ex: Executor, rels: { id: string; fromId: string; toId: string }[]) {
  if (!rels.length) return;
  const ends = [...new Set(rels.flatMap((r) => [r.fromId, r.toId]))];
  await ex.execute(sql`UPDATE audit_log SET meta = meta - 'from' - 'to'
    WHERE record_id = ANY(${ids(ends)}) AND meta->>'relationshipId' = ANY(${sql.param(rels.map((r) => r.id))}::text[])`);
}

/** Events stay (processes count them); their payloads go. */
export async function blankDomainEvents(ex: Executor, recordIds: string[]) {
  if (recordIds.length)
    await ex.execute(sql`UPDATE domain_events SET data = '{}' WHERE record_id = ANY(${ids(recordIds)})`);
}

/** Replayable responses (kept a day) that mention any of the records. */
export async function deleteIdempotentResponses(ex: Executor, recordIds: string[]) {
  if (!recordIds.length) return;
  const patterns = recordIds.map((id) => `%${id}%`);
  await ex.execute(sql`DELETE FROM idempotency_keys
    WHERE response IS NOT NULL AND response::text LIKE ANY(${sql.param(patterns)}::text[])`);
}

/** The row stays (orders, scores and history point at its id); everything about the person goes. */
export async function anonymiseContact(ex: Executor, c: string, now: Date) {
  await ex
    .update(contacts)
    .set({
      firstName: 'Erased',
      lastName: '',
      jobTitle: null,
      emails: [],
      phones: [],
      primaryEmail: null,
      primaryPhone: null,
      emailKeys: [],
      phoneKeys: [],
      address: null,
      language: null,
      custom: {},
      searchText: '',
      nameKey: '',
      creditScore: null,
      withheldFields: [],
      npsScore: null,
      npsCategory: null,
      npsAnsweredAt: null,
      erasedAt: now,
      updatedAt: now,
      version: sql`${contacts.version} + 1`,
    })
    .where(eq(contacts.id, c));
}
