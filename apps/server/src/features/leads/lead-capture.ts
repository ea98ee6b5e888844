/**
 * Capturing a lead, the same for the API, the web app and public web forms: normalise, match
 * existing contacts, accounts and leads, score, store with its history, record a consent given
 * by a known contact, route, audit — all inside the caller's transaction.
 */
import {
  type Actor,
  accountNameKey,
  type Behaviour,
  emailDomain,
  foldText,
  isFreeMail,
  type LeadConsent,
  type LeadScoring,
  type LeadStatus,
  nationalForm,
  normalisePhone,
  scoreLead,
  snapshotDiff,
} from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import { soleEmployer } from '../interactions/interactions.repository.ts';
import { getLeadScoring } from './lead-scoring.repository.ts';
import { leadAuditFields } from './leads.fields.ts';
import * as repo from './leads.repository.ts';

export type CaptureInput = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  jobTitle: string | null;
  country: string | null;
  language: string | null;
  message: string | null;
  source: string;
  campaign: string | null;
  status: LeadStatus;
  ownerId: string | null;
  teamId: string | null;
  formId: string | null;
  consent: LeadConsent | null;
};

/** Where a lead came in, for its history and the routing rules. */
export type CaptureChannel = { kind: 'web_form'; formName: string } | { kind: 'api' };

/** Asks the routing rules who gets a new lead; null when no rule decided an owner. */
export type LeadRouter = (
  tx: Executor,
  lead: repo.LeadRow,
  channel: CaptureChannel,
) => Promise<{ assigneeId: string | null } | null>;

const activityBehaviour: Record<repo.LeadActivityRow['kind'], keyof Behaviour> = {
  form_submitted: 'form_submitted',
  note: 'note_added',
  interaction: 'interaction_logged',
  email_opened: 'email_opened',
  email_replied: 'email_replied',
};

export function behaviourOf(counts: Record<string, number> | undefined): Behaviour {
  const b: Behaviour = {};
  for (const [kind, n] of Object.entries(counts ?? {})) {
    const event = activityBehaviour[kind as repo.LeadActivityRow['kind']];
    if (event) b[event] = (b[event] ?? 0) + n;
  }
  return b;
}

export function leadSearchText(l: {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
}): string {
  const phone = l.phone ? (nationalForm(l.phone) ?? l.phone) : '';
  return foldText([l.firstName, l.lastName, l.email ?? '', phone, l.company ?? ''].join(' '));
}

/** The lead's score from its fields and history under the current rules. */
export async function scoreOf(
  ex: Executor,
  lead: Parameters<typeof scoreLead>[0],
  leadId: string | null,
  rules?: LeadScoring,
  extra: Behaviour = {},
) {
  const scoring = rules ?? (await getLeadScoring(ex)).rules;
  const counts = leadId ? (await repo.activityCounts(ex, [leadId])).get(leadId) : undefined;
  const behaviour = behaviourOf(counts);
  for (const [k, n] of Object.entries(extra))
    behaviour[k as keyof Behaviour] = (behaviour[k as keyof Behaviour] ?? 0) + n;
  return scoreLead(lead, behaviour, scoring);
}

/** A phone in E.164 (the lead's country, else the default), or a field error. */
export function normaliseLeadPhone(
  phone: string | null | undefined,
  country: string | null,
  fallback?: string,
) {
  if (!phone) return null;
  const e164 = normalisePhone(phone, country ?? fallback ?? null);
  if (!e164)
    throw invalid([
      {
        field: 'phone',
        code: 'invalid_phone',
        message: 'must be a phone number (with country code, e.g. +46 8 123 456 78)',
      },
    ]);
  return e164;
}

/** The existing contact and account a lead belongs to, and an earlier lead of the same person. */
export async function matchLead(
  ex: Executor,
  l: { email: string | null; phone: string | null; company: string | null },
  excludeId?: string,
) {
  const [contact] = await repo.contactsByChannel(ex, l, 1);
  let accountId = contact ? await soleEmployer(ex, contact.id) : null;
  if (!accountId) {
    const domain = l.email && !isFreeMail(l.email) ? emailDomain(l.email) : null;
    const nameKey = l.company ? accountNameKey(l.company) : '';
    const [account] = await repo.accountsByCompany(ex, { domain, nameKey }, 1);
    accountId = account?.id ?? null;
  }
  const [earlier] = await repo.leadsByChannel(ex, { ...l, ...(excludeId ? { excludeId } : {}) }, 1);
  return {
    matchedContactId: contact?.id ?? null,
    matchedAccountId: accountId,
    duplicateOfId: earlier ? (earlier.duplicateOfId ?? earlier.id) : null,
  };
}

/** Records a lead's captured consent on a contact, with the form as source and evidence. */
export async function recordLeadConsent(
  tx: Executor,
  consent: ConsentService,
  actor: Actor,
  lead: repo.LeadRow,
  contactId: string,
): Promise<boolean> {
  const c = lead.consent;
  if (!c || lead.consentRecordedAt) return false;
  const who = [lead.email, lead.phone].filter(Boolean).join(', ');
  await consent.recordInTx(tx, actor, contactId, {
    consents: [
      {
        purpose: c.purpose,
        channel: c.channel,
        status: 'granted',
        source: (c.formName ? `web form ${c.formName}` : 'lead').slice(0, 100),
        evidence: `Ticked “${c.text}” on ${c.capturedAt} (${who})`.slice(0, 2000),
        recordedAt: c.capturedAt,
      },
    ],
  });
  return true;
}

export async function captureLeadInTx(
  tx: Executor,
  deps: { clock: () => Date; consent: ConsentService; route?: LeadRouter | undefined },
  actor: Actor,
  input: CaptureInput,
  channel: CaptureChannel,
): Promise<repo.LeadRow> {
  const match = await matchLead(tx, input);
  const fromForm = channel.kind === 'web_form';
  const { score, reasons } = await scoreOf(tx, input, null, undefined, fromForm ? { form_submitted: 1 } : {});
  const now = deps.clock();
  let lead = await repo.insertLead(tx, {
    ...input,
    ...match,
    score,
    scoreReasons: reasons,
    searchText: leadSearchText(input),
    createdAt: now,
    updatedAt: now,
  });
  if (fromForm) {
    await repo.insertActivity(tx, {
      leadId: lead.id,
      kind: 'form_submitted',
      channel: 'web_form',
      direction: 'inbound',
      subject: channel.formName,
      body: input.message ?? '',
      formId: input.formId,
      actorName: actor.name,
      occurredAt: now,
    });
  }
  // A known person's consent is theirs already; a new person's waits for conversion.
  if (
    match.matchedContactId &&
    (await recordLeadConsent(tx, deps.consent, actor, lead, match.matchedContactId))
  )
    lead = await repo.updateLead(tx, lead.id, { consentRecordedAt: now });
  const routed = deps.route ? await deps.route(tx, lead, channel) : null;
  if (routed?.assigneeId && routed.assigneeId !== lead.ownerId)
    lead = await repo.updateLead(tx, lead.id, { ownerId: routed.assigneeId });
  await insertAudit(
    tx,
    auditEntry(actor, 'create', 'lead', lead.id, snapshotDiff(lead, leadAuditFields, 'created'), {
      channel: channel.kind,
      ...(match.matchedContactId ? { matchedContactId: match.matchedContactId } : {}),
      ...(match.duplicateOfId ? { duplicateOfId: match.duplicateOfId } : {}),
    }),
  );
  return lead;
}
