import type { EmailRow } from './email.repository.ts';

export function presentEmail(r: EmailRow) {
  return {
    id: r.id,
    direction: r.direction,
    status: r.status,
    messageId: r.messageId,
    inReplyTo: r.inReplyTo,
    references: r.references,
    threadId: r.threadId,
    from: r.fromAddress,
    to: r.toAddresses,
    cc: r.ccAddresses,
    subject: r.subject,
    text: r.textBody,
    html: r.htmlBody,
    contactId: r.contactId,
    accountId: r.accountId,
    interactionId: r.interactionId,
    userId: r.userId,
    teamId: r.teamId,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
    receivedAt: r.receivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type EmailView = ReturnType<typeof presentEmail>;
