// Leads: a not-yet-customer interest, captured by hand, through the API or a web form, scored,
// assigned by the routing rules and converted into a contact, an account and maybe a deal.
import { z } from 'zod';
import { idSchema, languages, optionalText } from '../common.ts';
import { channels, directions } from '../interaction.schema.ts';

export const leadStatuses = ['new', 'working', 'qualified', 'unqualified', 'converted'] as const;
export type LeadStatus = (typeof leadStatuses)[number];
/** Converted is reached only through conversion. */
export const openLeadStatuses = ['new', 'working', 'qualified', 'unqualified'] as const;

const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. SE'));

/** Free-text keys such as web_form, api, event, referral; lower-cased. */
const sourceKey = z
  .string()
  .trim()
  .max(100)
  .transform((v) => v.toLowerCase());

export const leadEmailSchema = z
  .email({ message: 'must be an email address' })
  .max(320)
  .transform((v) => v.toLowerCase());

const leadFields = {
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  email: leadEmailSchema.nullish(),
  phone: z.string().trim().min(3).max(40).nullish(),
  company: optionalText(200),
  jobTitle: optionalText(200),
  country: countryCode.nullish(),
  language: z.enum(languages).nullish(),
  message: optionalText(5000),
  source: sourceKey,
  campaign: optionalText(200),
  ownerId: idSchema.nullish(),
  teamId: idSchema.nullish(),
};

const reachable = (l: { email?: string | null; phone?: string | null }) => Boolean(l.email || l.phone);

export const leadCreateSchema = z
  .object({
    ...leadFields,
    firstName: leadFields.firstName.default(''),
    lastName: leadFields.lastName.default(''),
    source: leadFields.source.default('manual'),
    status: z.enum(openLeadStatuses).default('new'),
  })
  .strict()
  .refine(reachable, { message: 'an email or a phone is required', path: ['email'] });
export type LeadCreate = z.infer<typeof leadCreateSchema>;
export type LeadCreateInput = z.input<typeof leadCreateSchema>;

export const leadUpdateSchema = z
  .object({
    firstName: leadFields.firstName.optional(),
    lastName: leadFields.lastName.optional(),
    email: leadFields.email,
    phone: leadFields.phone,
    company: leadFields.company,
    jobTitle: leadFields.jobTitle,
    country: leadFields.country,
    language: leadFields.language,
    message: leadFields.message,
    source: leadFields.source.optional(),
    campaign: leadFields.campaign,
    status: z.enum(openLeadStatuses).optional(),
    ownerId: leadFields.ownerId,
    teamId: leadFields.teamId,
  })
  .strict();
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;

/** The captured consent a lead carries until it is recorded on a contact. */
export type LeadConsent = {
  purpose: string;
  channel: 'email' | 'phone' | 'sms' | 'post';
  text: string;
  capturedAt: string;
  formId: string | null;
  formName: string | null;
};

/**
 * Conversion: reuse the given (or matched) contact and account, or create them from the lead;
 * optionally open a deal. Amounts are in minor units of the currency.
 */
export const leadConvertSchema = z
  .object({
    contactId: idSchema.nullish(),
    accountId: idSchema.nullish(),
    /** Create an account from the lead's company when none is given or matched. */
    createAccount: z.boolean().default(true),
    createDeal: z.boolean().default(false),
    dealName: optionalText(200),
    amount: z.number().int().min(0).max(1e13).nullish(),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code, e.g. SEK')
      .nullish(),
    pipelineId: idSchema.nullish(),
    stageId: idSchema.nullish(),
  })
  .strict()
  .refine((c) => !(c.amount != null && !c.currency), {
    message: 'an amount needs its currency',
    path: ['currency'],
  });
export type LeadConvert = z.infer<typeof leadConvertSchema>;

/** What happened with a lead before it became a customer: kept, and moved on conversion. */
export const leadActivityKinds = [
  'form_submitted',
  'note',
  'interaction',
  'email_opened',
  'email_replied',
] as const;
export type LeadActivityKind = (typeof leadActivityKinds)[number];

export const leadActivityCreateSchema = z
  .object({
    kind: z.enum(['note', 'interaction', 'email_opened', 'email_replied']),
    channel: z.enum(channels).nullish(),
    direction: z.enum(directions).nullish(),
    subject: z.string().trim().max(500).default(''),
    body: z.string().trim().max(20_000).default(''),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' }).optional(),
  })
  .strict()
  .refine((a) => a.kind !== 'interaction' || a.channel, {
    message: 'an interaction needs its channel',
    path: ['channel'],
  })
  .refine((a) => a.kind !== 'note' || a.body, { message: 'a note needs text', path: ['body'] });
export type LeadActivityCreate = z.infer<typeof leadActivityCreateSchema>;

/** The name a lead goes by: the person, else the email, else the phone. */
export function leadDisplayName(l: {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}): string {
  return `${l.firstName} ${l.lastName}`.trim() || l.email || l.phone || '';
}
