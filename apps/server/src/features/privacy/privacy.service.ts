/**
 * A contact's privacy rights: access (everything held on the person, as JSON or a zip of CSVs)
 * and erasure (irreversible, in one transaction, leaving only non-personal numbers keyed by id).
 */
import { Readable } from 'node:stream';
import { type Actor, can, describeDispute } from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { AttachmentService } from '../attachments/attachments.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { type ContactRow, getContact } from '../contacts/contacts.repository.ts';
import { authorize } from '../shared/guards.ts';
import { recountAccountNps } from '../surveys/surveys.repository.ts';
import { type ContactExport, presentExport } from './privacy.presenter.ts';
import * as repo from './privacy.repository.ts';
import * as erase from './privacy-erase.repository.ts';
import * as eraseSales from './privacy-erase-sales.repository.ts';
import { mentionsPerson, personTerms } from './privacy-mentions.ts';
import * as salesRepo from './privacy-sales.repository.ts';
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
  /** Leads of the person, kept for the funnel without anything about the person. */
  leads: number;
  leadActivities: number;
  /** Kept for service statistics, without their text. */
  cases: number;
  disputes: number;
  /** Kept for pipeline statistics, without their notes (and names that named the person). */
  deals: number;
  quotes: number;
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

/**
 * Leads, cases, disputes and deals of the person lose what is about them and keep their numbers.
 * Run before the contact row loses its addresses: leads are found through them too.
 */
async function eraseSalesAndService(tx: Executor, person: ContactRow, now: Date) {
  const c = person.id;
  // A deal's name is usually the company's; it goes only where it names the person.
  const identities = await eraseSales.leadIdentities(tx, c);
  const terms = personTerms([
    person.firstName,
    person.lastName,
    ...person.emailKeys,
    ...person.phoneKeys,
    ...identities.flatMap((l) => [l.firstName, l.lastName, l.email, l.phone]),
  ]);
  const renamedDeals = (await eraseSales.dealNamesOf(tx, c))
    .filter((d) => mentionsPerson(d.name, terms))
    .map((d) => d.id);
  const deals = await eraseSales.blankDeals(tx, c, renamedDeals, now);
  const { leads, activities } = await eraseSales.anonymiseLeads(tx, c, now);
  const cases = await eraseSales.blankCases(tx, c, now);
  const disputes = await eraseSales.blankDisputes(tx, c, now);
  // The reason in words named the NPS score; described again from the reasons without it.
  await eraseSales.describeDisputes(
    tx,
    disputes.map((d) => ({ id: d.id, reason: describeDispute(d.reasons) })),
  );
  return { deals, renamedDeals, leads, leadActivities: activities, cases, disputes };
}

export function createPrivacyService(deps: { db: Db; clock: () => Date; attachments: AttachmentService }) {
  const { db, clock } = deps;

  /** Everything held on the contact, read in one snapshot; every export leaves an audit entry. */
  async function read(actor: Actor, id: string, format: ExportFormat) {
    return db.transaction(
      async (tx) => {
        const contact = authorize(actor, 'export', 'contacts', await getContact(tx, id), 'Contact');
        const data = await repo.readContactData(tx, contact.id);
        const sales = await salesRepo.readSalesAndService(tx, contact.id);
        await insertAudit(tx, auditEntry(actor, 'export', 'contact', contact.id, {}, { format }));
        return { export: presentExport(contact, data, sales, clock()), attachments: data.attachments };
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
        const sales = await eraseSalesAndService(tx, cur, now);
        await erase.anonymiseContact(tx, c, now);
        // Quote versions show the customer as the contact is now: after it is anonymised.
        const quotes = await eraseSales.blankQuotes(tx, c, now);
        // The accounts it worked at lose its NPS answer from their roll-up.
        const employers = relationships
          .filter((r) => r.type === 'works_at' && r.toType === 'account')
          .map((r) => r.toId);
        await recountAccountNps(tx, [...new Set(employers)]);
        const personal = [
          c,
          ...[
            files,
            notes,
            emails,
            interactions.rows,
            tasks,
            relationships,
            facts,
            responses,
            sales.leads,
            sales.leadActivities,
            sales.cases,
            sales.disputes,
          ].flatMap((l) => l.map((r) => r.id)),
        ];
        const dealIds = sales.deals.map((d) => d.id);
        const quoteIds = quotes.map((q) => q.id);
        const auditEntries = await erase.blankAudit(tx, personal, [
          { ids: commerce.orders, fields: ['notes'] },
          { ids: commerce.warranties, fields: ['serialNumber', 'terms'] },
          { ids: dealIds, fields: ['notes', 'lostNote'] },
          { ids: sales.renamedDeals, fields: ['name'] },
          { ids: quoteIds, fields: ['notes'] },
        ]);
        await erase.unnameRelatedAudit(tx, relationships);
        await erase.blankDomainEvents(tx, personal);
        await erase.deleteIdempotentResponses(tx, [...personal, ...dealIds, ...quoteIds]);
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
          leads: sales.leads.length,
          leadActivities: sales.leadActivities.length,
          cases: sales.cases.length,
          disputes: sales.disputes.length,
          deals: sales.deals.length,
          quotes: quotes.length,
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
