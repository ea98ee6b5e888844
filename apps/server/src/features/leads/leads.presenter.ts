import type { MatchedCondition } from '@relata/domain';
import { leadDisplayName } from '@relata/domain';
import type { LeadActivityRow, LeadRow } from './leads.repository.ts';

/** The routing decision that placed a lead, as the lead page shows it. */
export type LeadRouting = {
  ruleName: string | null;
  reason: string;
  /** The conditions that held, for a reason in the reader's language. */
  matched: MatchedCondition[];
  decidedAt: string;
  assigneeId: string | null;
} | null;

export function presentLead(r: LeadRow, routing?: LeadRouting) {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    name: leadDisplayName(r),
    email: r.email,
    phone: r.phone,
    company: r.company,
    jobTitle: r.jobTitle,
    country: r.country,
    language: r.language,
    message: r.message,
    source: r.source,
    campaign: r.campaign,
    score: r.score,
    scoreReasons: r.scoreReasons,
    status: r.status,
    ownerId: r.ownerId,
    teamId: r.teamId,
    formId: r.formId,
    matchedContactId: r.matchedContactId,
    matchedAccountId: r.matchedAccountId,
    duplicateOfId: r.duplicateOfId,
    consent: r.consent ? { ...r.consent, recordedAt: r.consentRecordedAt?.toISOString() ?? null } : null,
    conversion: r.convertedAt
      ? {
          convertedAt: r.convertedAt.toISOString(),
          convertedBy: r.convertedBy,
          contactId: r.convertedContactId,
          accountId: r.convertedAccountId,
          dealId: r.convertedDealId,
        }
      : null,
    ...(routing !== undefined ? { routing } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type LeadView = ReturnType<typeof presentLead>;

export function presentActivity(a: LeadActivityRow) {
  return {
    id: a.id,
    kind: a.kind,
    channel: a.channel,
    direction: a.direction,
    subject: a.subject,
    body: a.body,
    formId: a.formId,
    actorId: a.actorId,
    actorName: a.actorName,
    occurredAt: a.occurredAt.toISOString(),
    movedTo: a.movedToType && a.movedToId ? { type: a.movedToType, id: a.movedToId } : null,
  };
}
export type LeadActivityView = ReturnType<typeof presentActivity>;
