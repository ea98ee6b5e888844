/**
 * Inbound mail (SMTP receiver or .eml upload): deduplicated by Message-ID, threaded by
 * In-Reply-To/References, linked to a contact by the From address — or left unmatched.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { AttachmentService, StagedFile } from '../attachments/attachments.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { requireCan } from '../shared/guards.ts';
import { type EmailView, presentEmail } from './email.presenter.ts';
import * as repo from './email.repository.ts';
import { mailSystemActor } from './email-send.ts';
import { notesPreview, parseMessage } from './inbound.ts';

export type ReceiveOptions = {
  /** The uploading user; absent for mail from the SMTP receiver. */
  actor?: Actor;
  /** SMTP envelope sender, used when the message has no From header. */
  envelopeFrom?: string;
};
export type Received = { email: EmailView; duplicate: boolean };

export function createEmailReceiver(deps: {
  db: Db;
  clock: () => Date;
  interactions: InteractionService;
  attachments: AttachmentService;
}) {
  const { db } = deps;

  async function stageAll(files: { filename: string | undefined; content: Buffer }[]): Promise<StagedFile[]> {
    const staged: StagedFile[] = [];
    for (const f of files) {
      try {
        staged.push(await deps.attachments.stage(Readable.from([f.content]), f.filename));
      } catch (e) {
        // A rejected type or oversize file is dropped; the message itself is still kept.
        if (!(e instanceof AppError)) {
          await deps.attachments.discard(staged);
          throw e;
        }
      }
    }
    return staged;
  }

  return {
    async receive(raw: Buffer, opts: ReceiveOptions = {}): Promise<Received> {
      const user = opts.actor;
      if (user) requireCan(user, 'create', 'emails', { ownerId: user.userId, teamId: user.teamId });
      const msg = await parseMessage(raw, opts.envelopeFrom);
      const known = await repo.findByMessageId(db, msg.messageId, 'inbound');
      if (known) return { email: presentEmail(known), duplicate: true };
      const staged = await stageAll(msg.attachments);
      const now = deps.clock();
      try {
        const result = await db.transaction(async (tx) => {
          const threadId =
            (await repo.threadOfMessageIds(tx, [
              ...(msg.inReplyTo ? [msg.inReplyTo] : []),
              ...msg.references,
            ])) ?? randomUUID();
          const [contact] = await repo.contactsByEmail(tx, [msg.from]);
          const [recipient] = user ? [] : await repo.usersByEmail(tx, [...msg.to, ...msg.cc]);
          const ownerId = user ? user.userId : (recipient?.id ?? contact?.ownerId ?? null);
          const teamId = user ? user.teamId : (recipient?.teamId ?? contact?.teamId ?? null);
          const actor: Actor = user ?? { ...mailSystemActor, teamId };
          const email = await repo.insertEmailOnce(tx, {
            direction: 'inbound',
            status: contact ? 'received' : 'unmatched',
            messageId: msg.messageId,
            inReplyTo: msg.inReplyTo,
            references: msg.references,
            threadId,
            fromAddress: msg.from,
            toAddresses: msg.to,
            ccAddresses: msg.cc,
            subject: msg.subject,
            textBody: msg.text,
            htmlBody: msg.html,
            contactId: contact?.id ?? null,
            userId: ownerId,
            teamId,
            receivedAt: now,
          });
          if (!email) return null; // the same message arrived concurrently
          let stored = email;
          if (contact) {
            const date = msg.date && msg.date.getTime() <= now.getTime() + 86_400_000 ? msg.date : now;
            const { row } = await deps.interactions.createInTx(
              tx,
              actor,
              {
                channel: 'email',
                direction: 'inbound',
                initiative: 'customer',
                status: 'done',
                occurredAt: date.toISOString(),
                subject: msg.subject.slice(0, 500),
                notes: notesPreview(msg.text),
                contactId: contact.id,
                participants: [],
              },
              { emailId: email.id, ownerId },
            );
            stored = await repo.updateEmail(tx, email.id, {
              interactionId: row.id,
              accountId: row.accountId,
            });
          }
          for (const f of staged)
            await deps.attachments.insertInTx(tx, actor, f, { recordType: 'email', recordId: email.id });
          await insertAudit(
            tx,
            auditEntry(
              actor,
              'receive',
              'email',
              email.id,
              {},
              {
                from: msg.from,
                contactId: contact?.id ?? null,
                attachments: staged.length,
              },
            ),
          );
          return stored;
        });
        if (result) return { email: presentEmail(result), duplicate: false };
        await deps.attachments.discard(staged);
        const again = await repo.findByMessageId(db, msg.messageId, 'inbound');
        return { email: presentEmail(again!), duplicate: true };
      } catch (e) {
        await deps.attachments.discard(staged);
        throw e;
      }
    },
  };
}
