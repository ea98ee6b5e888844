/** Emails: write one from a contact (queued for the send job), read threads, triage unmatched mail. */
import { randomUUID } from 'node:crypto';
import { type Actor, can, type EmailAssign, type EmailCreate, type ListQuery } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { htmlToText, sanitizeRichText } from '../../http/html.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { AttachmentService } from '../attachments/attachments.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { type ContactRow, getContact } from '../contacts/contacts.repository.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { authorize, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { type EmailView, presentEmail } from './email.presenter.ts';
import type { EmailRow } from './email.repository.ts';
import * as repo from './email.repository.ts';
import { createEmailReceiver } from './email-receive.ts';
import { EMAIL_SEND_JOB } from './email-send.ts';
import { notesPreview } from './inbound.ts';
import { addressOf, newMessageId } from './mailer.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  threadId: { kind: 'uuid', expr: col('thread_id') },
  userId: { kind: 'uuid', expr: col('user_id') },
  direction: { kind: 'enum', expr: col('direction'), values: ['inbound', 'outbound'] },
  status: {
    kind: 'enum',
    expr: col('status'),
    values: ['queued', 'sending', 'sent', 'failed', 'received', 'unmatched'],
  },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};

/** For authorisation an email belongs to its user and team. */
export const ownedEmail = (e: repo.EmailRow) => ({ ...e, ownerId: e.userId });

export function createEmailService(deps: {
  db: Db;
  clock: () => Date;
  jobs: Jobs;
  interactions: InteractionService;
  attachments: AttachmentService;
  mailFrom: string;
}) {
  const { db } = deps;

  function pageOf(actor: Actor, query: ListQuery & Record<string, unknown>, extra?: ReturnType<typeof sql>) {
    return pageRequest({
      actor,
      resource: 'emails',
      query,
      fields: listFields,
      defaultSort: { field: 'createdAt', dir: 'desc' },
      idExpr: col('id'),
      scopeColumns: { owner: 'user_id', team: 'team_id' },
      extra: [extra],
    });
  }

  async function readable(ex: Executor, actor: Actor, id: string) {
    const e = await repo.getEmail(ex, id);
    return authorize(actor, 'read', 'emails', e && ownedEmail(e), 'Email');
  }

  /**
   * Queues one outbound email to a contact inside the caller's transaction: the email row, its
   * interaction (outcome set when the send job delivers it), the audit row and the send job.
   */
  async function queueInTx(
    tx: Executor,
    actor: Actor,
    m: {
      contact: ContactRow;
      to: string[];
      cc?: string[];
      subject: string;
      text: string;
      html: string;
      parent?: EmailRow | undefined;
      headers?: Record<string, string>;
    },
  ) {
    const { contact, parent, subject, text, html } = m;
    const email = await repo.insertEmail(tx, {
      direction: 'outbound',
      status: 'queued',
      messageId: newMessageId(deps.mailFrom),
      inReplyTo: parent?.messageId ?? null,
      references: parent ? [...parent.references, parent.messageId].slice(-50) : [],
      threadId: parent?.threadId ?? randomUUID(),
      fromAddress: addressOf(deps.mailFrom),
      toAddresses: m.to,
      ccAddresses: m.cc ?? [],
      subject,
      textBody: text,
      htmlBody: html,
      contactId: contact.id,
      userId: actor.userId,
      teamId: actor.teamId,
      headers: m.headers ?? {},
    });
    // Outcome stays null until the send job delivers it ('sent').
    const { row: interaction } = await deps.interactions.createInTx(
      tx,
      actor,
      {
        channel: 'email',
        direction: 'outbound',
        status: 'done',
        subject,
        notes: notesPreview(text),
        contactId: contact.id,
        participants: [],
      },
      { emailId: email.id },
    );
    const linked = await repo.updateEmail(tx, email.id, {
      interactionId: interaction.id,
      accountId: interaction.accountId,
    });
    await insertAudit(
      tx,
      auditEntry(
        actor,
        'create',
        'email',
        email.id,
        { subject: { from: null, to: email.subject } },
        { contactId: contact.id },
      ),
    );
    await deps.jobs.sendInTx(tx, EMAIL_SEND_JOB, { emailId: email.id });
    return linked;
  }

  return {
    ...createEmailReceiver(deps),
    queueInTx,

    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<EmailView>> {
      const req = pageOf(actor, query);
      return toPage(
        await repo.pageEmails(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentEmail,
      );
    },
    async unmatched(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<EmailView>> {
      const req = pageOf(actor, query, sql`status = 'unmatched'`);
      return toPage(
        await repo.pageEmails(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentEmail,
      );
    },
    async get(actor: Actor, id: string): Promise<EmailView> {
      return presentEmail(await readable(db, actor, id));
    },
    /** Every message of the email's thread the actor may read, oldest first. */
    async thread(actor: Actor, id: string): Promise<EmailView[]> {
      const e = await readable(db, actor, id);
      const rows = await repo.threadMessages(db, e.threadId);
      return rows.filter((r) => can(actor, 'read', 'emails', ownedEmail(r))).map(presentEmail);
    },

    async create(actor: Actor, input: EmailCreate): Promise<EmailView> {
      requireCan(actor, 'create', 'emails', { ownerId: actor.userId, teamId: actor.teamId });
      const html = input.html?.trim() ? sanitizeRichText(input.html) : '';
      const text = input.text?.trim() ? input.text : htmlToText(html);
      if (!text.trim() && !html.trim())
        throw invalid([
          { field: 'html', code: 'too_small', message: 'is empty after removing unsafe markup' },
        ]);
      const row = await db.transaction(async (tx) => {
        const contact = await getContact(tx, input.contactId);
        if (!contact) throw invalid([{ field: 'contactId', code: 'not_found', message: 'no such contact' }]);
        if (contact.erasedAt)
          throw invalid([{ field: 'contactId', code: 'erased', message: 'this person’s data was erased' }]);
        authorize(actor, 'read', 'contacts', contact, 'Contact');
        const to = input.to ?? (contact.primaryEmail ? [contact.primaryEmail.toLowerCase()] : []);
        if (!to.length)
          throw invalid([{ field: 'to', code: 'required', message: 'the contact has no email address' }]);
        const parent = input.inReplyToEmailId ? await repo.getEmail(tx, input.inReplyToEmailId) : undefined;
        if (input.inReplyToEmailId && !parent)
          throw invalid([{ field: 'inReplyToEmailId', code: 'not_found', message: 'no such email' }]);
        if (parent) authorize(actor, 'read', 'emails', ownedEmail(parent), 'Email');
        return queueInTx(tx, actor, {
          contact,
          to,
          cc: input.cc ?? [],
          subject: input.subject,
          text,
          html,
          parent,
        });
      });
      return presentEmail(row);
    },

    /** Files an unmatched message under a contact and logs it on their timeline. */
    async assign(actor: Actor, id: string, input: EmailAssign): Promise<EmailView> {
      const row = await db.transaction(async (tx) => {
        const email = await repo.getEmail(tx, id, true);
        if (!email) throw notFound('Email');
        // Unowned mail sits in the shared inbox: anyone who may update emails may file it.
        if (email.userId || email.teamId) authorize(actor, 'update', 'emails', ownedEmail(email), 'Email');
        else requireCan(actor, 'update', 'emails');
        if (email.status !== 'unmatched') throw new AppError('conflict', 'This email is already assigned');
        const contact = await getContact(tx, input.contactId);
        if (!contact) throw invalid([{ field: 'contactId', code: 'not_found', message: 'no such contact' }]);
        authorize(actor, 'read', 'contacts', contact, 'Contact');
        const { row: interaction } = await deps.interactions.createInTx(
          tx,
          actor,
          {
            channel: 'email',
            direction: 'inbound',
            initiative: 'customer',
            status: 'done',
            occurredAt: (email.receivedAt ?? email.createdAt).toISOString(),
            subject: email.subject,
            notes: notesPreview(email.textBody),
            contactId: contact.id,
            participants: [],
          },
          { emailId: email.id },
        );
        const next = await repo.updateEmail(tx, id, {
          status: 'received',
          contactId: contact.id,
          accountId: interaction.accountId,
          interactionId: interaction.id,
          userId: email.userId ?? actor.userId,
          teamId: email.teamId ?? actor.teamId,
          updatedAt: deps.clock(),
          version: email.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'assign', 'email', id, { contactId: { from: null, to: contact.id } }),
        );
        return next;
      });
      return presentEmail(row);
    },
  };
}
export type EmailService = ReturnType<typeof createEmailService>;
