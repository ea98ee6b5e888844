/**
 * The `email.send` job: delivers one queued email. Idempotent — the email is claimed
 * (queued → sending) before it is handed to SMTP, so a job that runs twice sends once.
 * Transient failures go back to queued and rethrow so pg-boss retries with backoff.
 */
import type { Actor } from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getInteraction, updateInteraction } from '../interactions/interactions.repository.ts';
import * as repo from './email.repository.ts';
import { isPermanent, type Mailer } from './mailer.ts';

export const EMAIL_SEND_JOB = 'email.send';
/** Tries in all; pg-boss is told to retry MAX_ATTEMPTS - 1 times. */
export const MAX_ATTEMPTS = 5;
/** A claim this old belongs to a worker that died mid-send; the email may be sent again. */
const STALE_CLAIM_MS = 10 * 60_000;

export const mailSystemActor: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'Email',
  role: 'system',
  permissions: {},
};

export type SendResult = 'sent' | 'skipped' | 'failed';

export function createEmailSender(deps: { db: Db; clock: () => Date; mailer: Mailer; mailFrom: string }) {
  const { db, clock } = deps;

  async function setOutcome(tx: Executor, id: string | null, outcome: string | null, note: string | null) {
    if (!id) return;
    const cur = await getInteraction(tx, id, true);
    if (!cur) return;
    await updateInteraction(tx, id, {
      outcome,
      outcomeNote: note,
      updatedAt: clock(),
      version: cur.version + 1,
    });
    await insertAudit(
      tx,
      auditEntry(mailSystemActor, 'update', 'interaction', id, {
        outcome: { from: cur.outcome, to: outcome },
        ...(note ? { outcomeNote: { from: cur.outcomeNote, to: note } } : {}),
      }),
    );
  }

  return {
    async sendOne(emailId: string): Promise<SendResult> {
      const now = clock();
      const email = await db.transaction((tx) =>
        repo.claimForSending(tx, emailId, now, new Date(now.getTime() - STALE_CLAIM_MS)),
      );
      if (!email) return 'skipped';
      try {
        await deps.mailer.send({
          from: deps.mailFrom,
          to: email.toAddresses,
          cc: email.ccAddresses,
          subject: email.subject,
          text: email.textBody,
          html: email.htmlBody || undefined,
          messageId: email.messageId,
          inReplyTo: email.inReplyTo ?? undefined,
          references: email.references,
          headers: email.headers,
        });
      } catch (e) {
        const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
        const final = isPermanent(e) || email.attempts >= MAX_ATTEMPTS;
        await db.transaction(async (tx) => {
          await repo.updateEmail(tx, email.id, {
            status: final ? 'failed' : 'queued',
            lastError: message,
            updatedAt: clock(),
            version: email.version + 1,
          });
          if (final)
            await setOutcome(tx, email.interactionId, null, `Not delivered: ${message}`.slice(0, 2000));
        });
        if (final) return 'failed';
        throw e;
      }
      await db.transaction(async (tx) => {
        await repo.updateEmail(tx, email.id, {
          status: 'sent',
          sentAt: clock(),
          lastError: null,
          updatedAt: clock(),
          version: email.version + 1,
        });
        await setOutcome(tx, email.interactionId, 'sent', null);
      });
      return 'sent';
    },
  };
}
export type EmailSender = ReturnType<typeof createEmailSender>;
