import type { InteractionRow, Participant } from './interactions.repository.ts';

export function presentInteraction(r: InteractionRow, participants: Participant[] = []) {
  return {
    id: r.id,
    channel: r.channel,
    direction: r.direction,
    initiative: r.initiative,
    status: r.status,
    occurredAt: r.occurredAt.toISOString(),
    endsAt: r.endsAt?.toISOString() ?? null,
    durationSeconds: r.durationSeconds,
    subject: r.subject,
    notes: r.notes,
    location: r.location,
    contactId: r.contactId,
    accountId: r.accountId,
    dealId: r.dealId,
    caseId: r.caseId,
    outcome: r.outcome,
    outcomeNote: r.outcomeNote,
    cost: r.cost,
    callbackAt: r.callbackAt?.toISOString() ?? null,
    ownerId: r.ownerId,
    teamId: r.teamId,
    emailId: r.emailId,
    participants,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type InteractionView = ReturnType<typeof presentInteraction>;
