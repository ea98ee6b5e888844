import { leadFormEmbed, leadFormEndpoint } from '@relata/domain';
import type { LeadFormRow } from './lead-forms.repository.ts';

/** A form with its public key, address and the code a website pastes to show it. */
export function presentForm(r: LeadFormRow, origin: string) {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    fields: r.fields,
    defaultSource: r.defaultSource,
    defaultCampaign: r.defaultCampaign,
    consentText: r.consentText,
    consentRequired: r.consentRequired,
    consentPurpose: r.consentPurpose,
    consentChannel: r.consentChannel,
    thankYouMessage: r.thankYouMessage,
    redirectUrl: r.redirectUrl,
    rateLimitPerHour: r.rateLimitPerHour,
    language: r.language,
    active: r.active,
    submissions: r.submissions,
    lastSubmissionAt: r.lastSubmissionAt?.toISOString() ?? null,
    endpoint: leadFormEndpoint(origin, r.key),
    embed: leadFormEmbed(r, origin),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type LeadFormView = ReturnType<typeof presentForm>;
