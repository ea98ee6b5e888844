// Consent per contact × purpose × channel, and the profile fields a customer withholds.
// `mayContact` is the one place any feature decides whether it may reach a customer.
import { z } from 'zod';

export const builtinPurposes = ['marketing', 'profiling', 'surveys', 'third_party_sharing'] as const;
export const consentChannels = ['email', 'phone', 'sms', 'post'] as const;
export type ConsentChannel = (typeof consentChannels)[number];
export const consentStatuses = ['granted', 'denied', 'unknown'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export const purposeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'must be a lower_snake_case key');

export const consentEntrySchema = z
  .object({
    purpose: purposeKey,
    channel: z.enum(consentChannels),
    status: z.enum(consentStatuses),
    source: z.string().trim().min(1).max(100).default('manual'),
    evidence: z.string().trim().max(2000).default(''),
    recordedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

export const consentUpdateSchema = z
  .object({ consents: z.array(consentEntrySchema).min(1).max(100) })
  .strict();
export type ConsentUpdate = z.infer<typeof consentUpdateSchema>;

export const consentPurposeSchema = z
  .object({ key: purposeKey, label: z.string().trim().min(1).max(100) })
  .strict();

export type ConsentState = { purpose: string; channel: ConsentChannel; status: ConsentStatus };

/**
 * Whether a company-initiated contact for `purpose` on `channel` is allowed. Only an explicit
 * grant allows it for marketing, profiling and third-party sharing; surveys and other service
 * purposes are allowed unless denied (legitimate interest), as are purposes an admin adds.
 */
export function mayContact(
  contact: { consents: readonly ConsentState[] },
  purpose: string,
  channel: ConsentChannel,
): { allowed: boolean; reason: 'granted' | 'denied' | 'no_consent' | 'not_denied' } {
  const c = contact.consents.find((x) => x.purpose === purpose && x.channel === channel);
  if (c?.status === 'granted') return { allowed: true, reason: 'granted' };
  if (c?.status === 'denied') return { allowed: false, reason: 'denied' };
  const optIn = purpose === 'marketing' || purpose === 'profiling' || purpose === 'third_party_sharing';
  return optIn ? { allowed: false, reason: 'no_consent' } : { allowed: true, reason: 'not_denied' };
}

/**
 * Profile fields a customer may withhold (besides any custom field, as `custom.<key>`, e.g.
 * custom.birth_date or custom.income); the API refuses to store a value for them.
 */
export const withholdableFields = ['jobTitle', 'phones', 'emails', 'address', 'language'] as const;

export const withheldFieldsSchema = z
  .array(
    z
      .string()
      .trim()
      .regex(
        /^(custom\.)?[a-zA-Z][a-zA-Z0-9_]{0,49}$/,
        'must be a field name such as jobTitle or custom.income',
      ),
  )
  .max(50)
  .transform((v) => [...new Set(v)]);

/**
 * The fields of an update that a customer withholds and that the update would give a value to.
 * Clearing a withheld field (null, empty list) is always allowed.
 */
export function withheldViolations(withheld: readonly string[], input: Record<string, unknown>): string[] {
  const out: string[] = [];
  const given = (v: unknown) =>
    v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  for (const field of withheld) {
    if (field.startsWith('custom.')) {
      const custom = input.custom as Record<string, unknown> | undefined;
      if (custom && given(custom[field.slice(7)])) out.push(field);
    } else if (given(input[field])) out.push(field);
  }
  return out;
}

type Decision = ConsentState & { recordedAt: Date };

/**
 * Merging two contacts of one person: per purpose × channel the most recent decision of either
 * record stands. `unknown` is no decision and never replaces one; at the same moment a denial
 * wins. (Both histories are kept, so no recorded denial is lost.) Returns the rows to keep.
 */
export function mergeConsents<T extends Decision>(target: readonly T[], source: readonly T[]): T[] {
  const rank = (c: T) => (c.status === 'unknown' ? 0 : 1);
  const wins = (a: T, b: T) =>
    rank(a) !== rank(b)
      ? rank(a) > rank(b)
      : a.recordedAt.getTime() !== b.recordedAt.getTime()
        ? a.recordedAt.getTime() > b.recordedAt.getTime()
        : a.status === 'denied' && b.status !== 'denied';
  const kept = new Map<string, T>();
  for (const c of [...target, ...source]) {
    const k = `${c.purpose}\u0000${c.channel}`;
    const cur = kept.get(k);
    if (!cur || wins(c, cur)) kept.set(k, c);
  }
  return [...kept.values()];
}

type Withholdable = {
  jobTitle: string | null;
  emails: readonly unknown[];
  phones: readonly unknown[];
  address: unknown;
  language: string | null;
  custom: Record<string, unknown>;
};

/** The profile without values for the fields the customer withholds (after a merge, say). */
export function clearWithheld<T extends Withholdable>(profile: T, withheld: readonly string[]): T {
  const w = new Set(withheld);
  return {
    ...profile,
    jobTitle: w.has('jobTitle') ? null : profile.jobTitle,
    emails: w.has('emails') ? [] : profile.emails,
    phones: w.has('phones') ? [] : profile.phones,
    address: w.has('address') ? null : profile.address,
    language: w.has('language') ? null : profile.language,
    custom: Object.fromEntries(Object.entries(profile.custom).filter(([k]) => !w.has(`custom.${k}`))),
  };
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * An audit diff without the values of withheld fields: a value the customer chose not to give is
 * not kept in the history either (a custom field by its key inside `custom`).
 */
export function dropWithheldChanges(changes: Changes, withheld: readonly string[]): Changes {
  const custom = withheld.filter((f) => f.startsWith('custom.')).map((f) => f.slice(7));
  const strip = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !custom.includes(k)))
      : v;
  const out: Changes = {};
  for (const [field, diff] of Object.entries(changes)) {
    if (withheld.includes(field)) continue;
    if (field !== 'custom' || !custom.length) out[field] = diff;
    else {
      const next = { from: strip(diff.from), to: strip(diff.to) };
      if (JSON.stringify(next.from) !== JSON.stringify(next.to)) out[field] = next;
    }
  }
  return out;
}
