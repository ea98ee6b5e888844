/**
 * A contact's privacy rights: access (everything held on the person, as JSON or a zip of CSVs)
 * and erasure (irreversible, in one transaction, leaving only non-personal numbers keyed by id).
 */
import { Readable } from 'node:stream';
import { type Actor, can } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { AttachmentService } from '../attachments/attachments.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { authorize } from '../shared/guards.ts';
import { recountAccountNps } from '../surveys/surveys.repository.ts';
import { type ContactExport, presentExport } from './privacy.presenter.ts';
import * as repo from './privacy.repository.ts';
import * as erase from './privacy-erase.repository.ts';
import { attachmentPath, exportZipChunks } from './privacy-zip.ts';

export type ExportFormat = 'json' | 'zip';

export type ErasureCounts = {
  relationships: number;
  notes: number;
  emails: number;
  /** Emails of other customers that had one of the person's addresses, now anonymous. */
  otherEmails: number;
  attachments: number;
  facts: number;
  consents: number;
  interactions: number;
  interactionParticipants: number;
  tasks: number;
  surveyResponses: number;
  orders: number;
  warranties: number;
  paymentReferences: number;
  auditEntries: number;
};

/**
 * Erasure is for administrators only: a manager may delete contacts but not erase people. The
 * `can` check keeps an administrator's read-only API key out too.
 */
function requireEraser(actor: Actor): void {
  if (actor.role !== 'admin' || !can(actor, 'delete', 'contacts'))
    throw forbidden('Only administrators may erase a contact');
}

/** The typed confirmation: "ERASE <contact id>". */
function checkConfirmation(id: string, confirm: string): void {
  const [word, given, ...rest] = confirm.trim().split(/\s+/);
  if (word === 'ERASE' && given?.toLowerCase() === id.toLowerCase() && !rest.length) return;
  throw invalid(
    [{ field: 'confirm', code: 'confirmation_mismatch', message: `type exactly: ERASE ${id}` }],
    'The confirmation does not match',
  );
}

export function createPrivacyService(deps: { db: Db; clock: () => Date; attachments: AttachmentService }) {
  const { db, clock } = deps;

  /** Everything held on the contact, read in one snapshot; every export leaves an audit entry. */
  async function read(actor: Actor, id: string, format: ExportFormat) {
    return db.transaction(
      async (tx) => {
        const contact = authorize(actor, 'export', 'contacts', await getContact(tx, id), 'Contact');
        const data = await repo.readContactData(tx, contact.id);
        await insertAudit(tx, auditEntry(actor, 'export', 'contact', contact.id, {}, { format }));
        return { export: presentExport(contact, data, clock()), attachments: data.attachments };
      },
      { isolationLevel: 'repeatable read' },
    );
  }

  return {
    export: async (actor: Actor, id: string): Promise<ContactExport> =>
      (await read(actor, id, 'json')).export,

    /** The zip of CSVs with the attached files under attachments/, as a stream (files can be big). */
    async exportZip(actor: Actor, id: string): Promise<{ id: string; stream: Readable }> {
      const { export: e, attachments } = await read(actor, id, 'zip');
      const files = attachments.map((a) => ({
        id: a.id,
        path: attachmentPath(a.id, a.filename),
        read: () => deps.attachments.readStored(a.storageKey),
      }));
      return { id: e.contact.id, stream: Readable.from(exportZipChunks(e, files), { objectMode: false }) };
    },

    /**
     * Erases the person: the contact row stays as an anonymous shell ("Erased") so orders,
     * scores and lifecycle history keep their customer; everything personal is deleted or
     * blanked, and the audit history keeps who did what when, without the values.
     */
    async erase(
      actor: Actor,
      id: string,
      confirm: string,
    ): Promise<{ erased: true; removed: ErasureCounts }> {
      requireEraser(actor);
      checkConfirmation(id, confirm);
      const { files, removed } = await db.transaction(async (tx) => {
        const cur = await repo.lockContact(tx, id);
        if (!cur) throw notFound('Contact');
        const c = cur.id;
        const now = clock();
        // Order matters: attachments and emails are found through the contact's addresses,
        // interactions and tasks, so they go before those are blanked.
        const files = await erase.detachAttachments(tx, c);
        const notes = await erase.deleteNotes(tx, c);
        const emails = await erase.deleteEmails(tx, c);
        const otherEmails = await erase.unaddressOtherEmails(tx, c);
        const interactions = await erase.blankInteractions(tx, c, now);
        const tasks = await erase.blankTasks(tx, c, now);
        const relationships = await erase.deleteRelationships(tx, c);
        const facts = await erase.deleteFacts(tx, c);
        const consents = await erase.deleteConsents(tx, c);
        const responses = await erase.blankSurveyResponses(tx, c, now);
        const commerce = await erase.blankCommerceText(tx, c, now);
        await erase.anonymiseContact(tx, c, now);
        // The accounts it worked at lose its NPS answer from their roll-up.
        const employers = relationships
          .filter((r) => r.type === 'works_at' && r.toType === 'account')
          .map((r) => r.toId);
        await recountAccountNps(tx, [...new Set(employers)]);
        const personal = [
          c,
          ...[files, notes, emails, interactions.rows, tasks, relationships, facts, responses].flatMap((l) =>
            l.map((r) => r.id),
          ),
        ];
        const auditEntries = await erase.blankAudit(tx, personal, commerce);
        await erase.unnameRelatedAudit(tx, relationships);
        await erase.blankDomainEvents(tx, personal);
        await erase.deleteIdempotentResponses(tx, personal);
        const removed: ErasureCounts = {
          relationships: relationships.length,
          notes: notes.length,
          emails: emails.length,
          otherEmails: otherEmails.length,
          attachments: files.length,
          facts: facts.length,
          consents,
          interactions: interactions.rows.length,
          interactionParticipants: interactions.participants,
          tasks: tasks.length,
          surveyResponses: responses.length,
          orders: commerce.orders.length,
          warranties: commerce.warranties.length,
          paymentReferences: commerce.payments,
          auditEntries,
        };
        // Who erased and when, and how much: never what.
        await insertAudit(tx, auditEntry(actor, 'erase', 'contact', c, {}, { removed }));
        return { files, removed };
      });
      // Bytes go after the commit; if this process dies first, the detached rows are orphans
      // and the attachments GC job removes the files and rows.
      await deps.attachments.discard(
        files.map((f) => ({
          key: f.storageKey,
          size: f.sizeBytes,
          sha256: '',
          filename: '',
          contentType: f.contentType,
        })),
      );
      await erase.deleteAttachmentRows(
        db,
        files.map((f) => f.id),
      );
      return { erased: true, removed };
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
