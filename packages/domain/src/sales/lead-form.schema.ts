// Web forms that capture leads: which fields a form shows, its defaults and consent checkbox,
// and the validation of a public submission (JSON or application/x-www-form-urlencoded).
import { z } from 'zod';
import { type FieldError, type Language, languages, optionalText } from '../common.ts';
import { consentChannels, purposeKey } from '../consent.ts';
import { normalisePhone } from '../phone.ts';

export const leadFormFieldKeys = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'jobTitle',
  'country',
  'language',
  'message',
] as const;
export type LeadFormFieldKey = (typeof leadFormFieldKeys)[number];

/** The hidden field people leave empty and bots fill in. */
export const HONEYPOT_FIELD = 'website';
/** The consent checkbox of a form. */
export const CONSENT_FIELD = 'consent';

export const leadFormFieldSchema = z
  .object({
    key: z.enum(leadFormFieldKeys),
    required: z.boolean().default(false),
    /** Shown instead of the default label of the form's language. */
    label: z.string().trim().max(100).nullish(),
  })
  .strict();
export type LeadFormField = z.infer<typeof leadFormFieldSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2000)
  .nullish();

const formFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  fields: z.array(leadFormFieldSchema).min(1).max(leadFormFieldKeys.length),
  defaultSource: z
    .string()
    .trim()
    .max(100)
    .transform((v) => v.toLowerCase()),
  defaultCampaign: optionalText(200),
  /** With a text, the form shows a consent checkbox; a ticked box records this purpose and channel. */
  consentText: optionalText(2000),
  consentRequired: z.boolean(),
  consentPurpose: purposeKey,
  consentChannel: z.enum(consentChannels),
  thankYouMessage: z.string().trim().min(1).max(2000),
  /** Where a plain HTML form sends the browser after a submission; else a thank-you page. */
  redirectUrl: httpUrl,
  /** Submissions a form takes per hour (all senders together); a tenth of it per address. */
  rateLimitPerHour: z.number().int().min(1).max(100_000),
  language: z.enum(languages),
  active: z.boolean(),
};

const checkFields = (f: { fields?: LeadFormField[] | undefined }, ctx: z.RefinementCtx) => {
  if (f.fields) {
    const keys = f.fields.map((x) => x.key);
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i)
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'is used twice' });
    });
    if (!keys.includes('email') && !keys.includes('phone'))
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a form needs an email or a phone field' });
  }
};

export const leadFormCreateSchema = z
  .object({
    ...formFields,
    defaultSource: formFields.defaultSource.default('web_form'),
    consentText: formFields.consentText,
    consentRequired: formFields.consentRequired.default(false),
    consentPurpose: formFields.consentPurpose.default('marketing'),
    consentChannel: formFields.consentChannel.default('email'),
    thankYouMessage: formFields.thankYouMessage.default('Thank you! We will be in touch soon.'),
    rateLimitPerHour: formFields.rateLimitPerHour.default(60),
    language: formFields.language.default('en'),
    active: formFields.active.default(true),
  })
  .strict()
  .superRefine((f, ctx) => {
    checkFields(f, ctx);
    if (f.consentRequired && !f.consentText)
      ctx.addIssue({ code: 'custom', path: ['consentText'], message: 'a required consent needs its text' });
  });
export type LeadFormCreate = z.infer<typeof leadFormCreateSchema>;
export type LeadFormCreateInput = z.input<typeof leadFormCreateSchema>;

/** A partial change; the service checks the changed form as a whole. */
export const leadFormUpdateSchema = z
  .object({
    name: formFields.name.optional(),
    fields: formFields.fields.optional(),
    defaultSource: formFields.defaultSource.optional(),
    defaultCampaign: formFields.defaultCampaign,
    consentText: formFields.consentText,
    consentRequired: formFields.consentRequired.optional(),
    consentPurpose: formFields.consentPurpose.optional(),
    consentChannel: formFields.consentChannel.optional(),
    thankYouMessage: formFields.thankYouMessage.optional(),
    redirectUrl: formFields.redirectUrl,
    rateLimitPerHour: formFields.rateLimitPerHour.optional(),
    language: formFields.language.optional(),
    active: formFields.active.optional(),
  })
  .strict()
  .superRefine(checkFields);
export type LeadFormUpdate = z.infer<typeof leadFormUpdateSchema>;

/** What a submission needs to know about its form. */
export type LeadFormShape = {
  fields: readonly { key: LeadFormFieldKey; required: boolean }[];
  consentText?: string | null | undefined;
  consentRequired: boolean;
};

export type LeadSubmission = Partial<Record<LeadFormFieldKey, string>> & {
  consent: boolean;
  utmSource?: string;
  utmCampaign?: string;
};

const maxLength: Record<LeadFormFieldKey, number> = {
  firstName: 100,
  lastName: 100,
  email: 320,
  phone: 40,
  company: 200,
  jobTitle: 200,
  country: 2,
  language: 2,
  message: 5000,
};
const truthy = new Set(['on', 'true', '1', 'yes']);
const falsy = new Set(['off', 'false', '0', 'no', '']);
const emailShape = z.email();

/**
 * Validates a public submission against its form: text values only (a form posts strings), the
 * form's required fields, lengths, email, phone, country and language formats, and the consent
 * box. Fields the form does not show and unknown keys are ignored. Returns field errors, never
 * throws.
 */
export function parseLeadSubmission(
  form: LeadFormShape,
  body: Record<string, unknown>,
  defaultPhoneCountry?: string | null,
): { ok: true; value: LeadSubmission } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const value: LeadSubmission = { consent: false };
  const text = (key: string, max: number): string | undefined => {
    const raw = body[key];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'string') {
      err(key, 'invalid_type', 'must be text');
      return undefined;
    }
    const v = raw.trim();
    if (v.length > max) {
      err(key, 'too_big', `must be at most ${max} characters`);
      return undefined;
    }
    return v || undefined;
  };
  for (const f of form.fields) {
    const v = text(f.key, maxLength[f.key]);
    if (v === undefined) {
      if (f.required && !errors.some((e) => e.field === f.key)) err(f.key, 'required', 'is required');
      continue;
    }
    value[f.key] = v;
  }
  if (value.email !== undefined) {
    if (emailShape.safeParse(value.email).success) value.email = value.email.toLowerCase();
    else err('email', 'invalid_format', 'must be an email address');
  }
  if (value.country !== undefined) {
    value.country = value.country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(value.country))
      err('country', 'invalid_format', 'must be a country code, e.g. SE');
  }
  if (value.language !== undefined && !(languages as readonly string[]).includes(value.language))
    err('language', 'invalid_value', `must be one of ${languages.join(', ')}`);
  if (value.phone !== undefined) {
    const e164 = normalisePhone(value.phone, value.country ?? defaultPhoneCountry);
    if (e164) value.phone = e164;
    else err('phone', 'invalid_phone', 'must be a phone number (with country code, e.g. +46 8 123 456 78)');
  }
  const keys = form.fields.map((f) => f.key);
  if (!value.email && !value.phone && !errors.length)
    err(keys.includes('email') ? 'email' : 'phone', 'required', 'an email or a phone is required');
  const consent = body[CONSENT_FIELD];
  if (consent !== undefined && consent !== null) {
    if (typeof consent === 'boolean') value.consent = consent;
    else if (typeof consent === 'string' && truthy.has(consent.trim().toLowerCase())) value.consent = true;
    else if (typeof consent === 'string' && falsy.has(consent.trim().toLowerCase())) value.consent = false;
    else err(CONSENT_FIELD, 'invalid_type', 'must be a checkbox value (on) or true/false');
  }
  if (!form.consentText) value.consent = false;
  else if (form.consentRequired && !value.consent && !errors.some((e) => e.field === CONSENT_FIELD))
    err(CONSENT_FIELD, 'required', 'must be accepted');
  const utmSource = text('utm_source', 100);
  const utmCampaign = text('utm_campaign', 200);
  if (utmSource) value.utmSource = utmSource.toLowerCase();
  if (utmCampaign) value.utmCampaign = utmCampaign;
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The default labels of the form fields, by the form's language. */
export const leadFormLabels: Record<Language, Record<LeadFormFieldKey | 'submit', string>> = {
  en: {
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    company: 'Company',
    jobTitle: 'Job title',
    country: 'Country',
    language: 'Language',
    message: 'Message',
    submit: 'Send',
  },
  sv: {
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    email: 'E-post',
    phone: 'Telefon',
    company: 'Företag',
    jobTitle: 'Titel',
    country: 'Land',
    language: 'Språk',
    message: 'Meddelande',
    submit: 'Skicka',
  },
  nb: {
    firstName: 'Fornavn',
    lastName: 'Etternavn',
    email: 'E-post',
    phone: 'Telefon',
    company: 'Bedrift',
    jobTitle: 'Stilling',
    country: 'Land',
    language: 'Språk',
    message: 'Melding',
    submit: 'Send',
  },
  ru: {
    firstName: 'Имя',
    lastName: 'Фамилия',
    email: 'Эл. почта',
    phone: 'Телефон',
    company: 'Компания',
    jobTitle: 'Должность',
    country: 'Страна',
    language: 'Язык',
    message: 'Сообщение',
    submit: 'Отправить',
  },
};
