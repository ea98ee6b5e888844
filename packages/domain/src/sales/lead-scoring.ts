// Lead scoring by admin rules: attribute rules test the lead's fields, behaviour rules count what
// the lead did (forms submitted, emails opened or answered, interactions logged). Pure and
// explainable: every point comes with the rule that gave it.
import { z } from 'zod';

export const leadScoreFields = [
  'firstName',
  'lastName',
  'email',
  'emailDomain',
  'phone',
  'company',
  'jobTitle',
  'country',
  'language',
  'source',
  'campaign',
  'message',
] as const;
export type LeadScoreField = (typeof leadScoreFields)[number];

export const leadScoreOps = [
  'eq',
  'neq',
  'in',
  'not_in',
  'contains',
  'present',
  'absent',
  'free_mail',
  'business_mail',
] as const;
export type LeadScoreOp = (typeof leadScoreOps)[number];

export const behaviourEvents = [
  'form_submitted',
  'email_opened',
  'email_replied',
  'interaction_logged',
  'note_added',
] as const;
export type BehaviourEvent = (typeof behaviourEvents)[number];
export type Behaviour = Partial<Record<BehaviourEvent, number>>;

const ruleId = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9_-]{1,50}$/, 'must be 1–50 letters, digits, - or _');
const points = z.number().int().min(-1000).max(1000);
const word = z.string().trim().min(1).max(200);
const valueless: readonly LeadScoreOp[] = ['present', 'absent', 'free_mail', 'business_mail'];

export const attributeRuleSchema = z
  .object({
    id: ruleId,
    label: z.string().trim().max(200).nullish(),
    field: z.enum(leadScoreFields),
    op: z.enum(leadScoreOps),
    value: z.union([word, z.array(word).min(1).max(100)]).nullish(),
    points,
  })
  .strict()
  .superRefine((r, ctx) => {
    const bad = (message: string, path = 'value') => ctx.addIssue({ code: 'custom', path: [path], message });
    if (
      (r.op === 'free_mail' || r.op === 'business_mail') &&
      r.field !== 'email' &&
      r.field !== 'emailDomain'
    )
      return bad('applies to email or emailDomain only', 'op');
    if (valueless.includes(r.op)) {
      if (r.value != null) bad(`must be absent for ${r.op}`);
      return;
    }
    const list = r.op === 'in' || r.op === 'not_in';
    if (r.value == null) return bad('is required');
    if (list !== Array.isArray(r.value)) bad(list ? 'must be a list of values' : 'must be a single value');
  });
export type AttributeRule = z.infer<typeof attributeRuleSchema>;

export const behaviourRuleSchema = z
  .object({
    id: ruleId,
    label: z.string().trim().max(200).nullish(),
    event: z.enum(behaviourEvents),
    points,
    /** Points are given per occurrence, up to this many occurrences. */
    maxOccurrences: z.number().int().min(1).max(100).default(1),
  })
  .strict();
export type BehaviourRule = z.infer<typeof behaviourRuleSchema>;

const uniqueIds = (rules: { id: string }[], ctx: z.RefinementCtx, path: string) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: 'is used twice' });
    seen.add(r.id);
  });
};

export const leadScoringSchema = z
  .object({
    attributeRules: z.array(attributeRuleSchema).max(100).default([]),
    behaviourRules: z.array(behaviourRuleSchema).max(30).default([]),
    /** Domains that count as free-mail on top of the built-in list (e.g. a local ISP). */
    freeMailDomains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain such as example.com'),
      )
      .max(500)
      .default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    uniqueIds(s.attributeRules, ctx, 'attributeRules');
    uniqueIds(s.behaviourRules, ctx, 'behaviourRules');
  });
export type LeadScoring = z.infer<typeof leadScoringSchema>;
export type LeadScoringInput = z.input<typeof leadScoringSchema>;

/** What a new installation scores by until an admin changes it. */
export const defaultLeadScoring: LeadScoring = {
  attributeRules: [
    { id: 'company', field: 'company', op: 'present', points: 10 },
    { id: 'phone', field: 'phone', op: 'present', points: 5 },
    { id: 'free_mail', field: 'email', op: 'free_mail', points: -10 },
  ],
  behaviourRules: [
    { id: 'form', event: 'form_submitted', points: 10, maxOccurrences: 3 },
    { id: 'replied', event: 'email_replied', points: 15, maxOccurrences: 1 },
    { id: 'interaction', event: 'interaction_logged', points: 5, maxOccurrences: 5 },
  ],
  freeMailDomains: [],
};

/** Well-known free-mail providers, international and in the Nordic and Russian markets. */
export const builtinFreeMailDomains: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.se',
  'yahoo.no',
  'yahoo.co.uk',
  'ymail.com',
  'hotmail.com',
  'hotmail.se',
  'hotmail.no',
  'hotmail.co.uk',
  'outlook.com',
  'outlook.se',
  'live.com',
  'live.se',
  'live.no',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'zoho.com',
  'tutanota.com',
  'fastmail.com',
  'mail.com',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'mail.ru',
  'bk.ru',
  'inbox.ru',
  'list.ru',
  'rambler.ru',
  'online.no',
  'telia.com',
  'spray.se',
  'bredband.net',
]);

/** The domain of an email address, lower-cased; null without one. */
export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  return email.slice(at + 1).toLowerCase() || null;
}

export function isFreeMail(email: string | null | undefined, extra: readonly string[] = []): boolean {
  const d = emailDomain(email) ?? (email && !email.includes('@') ? email.toLowerCase() : null);
  return Boolean(d && (builtinFreeMailDomains.has(d) || extra.includes(d)));
}

export type LeadScoreInput = Partial<
  Record<Exclude<LeadScoreField, 'emailDomain'>, string | null | undefined>
>;
export type ScoreReason = { ruleId: string; rule: string; points: number };
export type LeadScore = { score: number; reasons: ScoreReason[] };

const opText: Record<LeadScoreOp, string> = {
  eq: '=',
  neq: '≠',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  present: 'present',
  absent: 'absent',
  free_mail: 'is free-mail',
  business_mail: 'is a business address',
};
const eventText: Record<BehaviourEvent, string> = {
  form_submitted: 'form submitted',
  email_opened: 'email opened',
  email_replied: 'email replied',
  interaction_logged: 'interaction logged',
  note_added: 'note added',
};

/** A rule in words, e.g. "country = SE", "company present", "email is free-mail". */
export function describeAttributeRule(r: AttributeRule): string {
  if (r.label) return r.label;
  const value = r.value == null ? '' : ` ${Array.isArray(r.value) ? r.value.join(', ') : r.value}`;
  return `${r.field} ${opText[r.op]}${value}`;
}

export function describeBehaviourRule(r: BehaviourRule, times: number): string {
  const base = r.label || eventText[r.event];
  return times > 1 ? `${base} ×${times}` : base;
}

const fold = (s: string) => s.trim().toLowerCase();

function fieldValue(lead: LeadScoreInput, field: LeadScoreField): string | null {
  const v = field === 'emailDomain' ? emailDomain(lead.email) : lead[field];
  return v == null || v.trim() === '' ? null : v.trim();
}

function matches(r: AttributeRule, lead: LeadScoreInput, freeMail: readonly string[]): boolean {
  const v = fieldValue(lead, r.field);
  const values = (Array.isArray(r.value) ? r.value : r.value == null ? [] : [r.value]).map(fold);
  switch (r.op) {
    case 'present':
      return v !== null;
    case 'absent':
      return v === null;
    case 'free_mail':
      return v !== null && isFreeMail(v, freeMail);
    case 'business_mail':
      return v !== null && !isFreeMail(v, freeMail);
    case 'eq':
      return v !== null && fold(v) === values[0];
    case 'neq':
      return v === null || fold(v) !== values[0];
    case 'in':
      return v !== null && values.includes(fold(v));
    case 'not_in':
      return v === null || !values.includes(fold(v));
    case 'contains':
      return v !== null && fold(v).includes(values[0] ?? '');
  }
}

/**
 * The lead's score: the sum of the points of every attribute rule it matches and of every
 * behaviour rule per occurrence (up to the rule's maximum), with the reasons in rule order.
 */
export function scoreLead(lead: LeadScoreInput, behaviour: Behaviour, rules: LeadScoring): LeadScore {
  const reasons: ScoreReason[] = [];
  for (const r of rules.attributeRules) {
    if (r.points !== 0 && matches(r, lead, rules.freeMailDomains))
      reasons.push({ ruleId: r.id, rule: describeAttributeRule(r), points: r.points });
  }
  for (const r of rules.behaviourRules) {
    const times = Math.min(Math.max(0, Math.floor(behaviour[r.event] ?? 0)), r.maxOccurrences);
    if (times > 0 && r.points !== 0)
      reasons.push({ ruleId: r.id, rule: describeBehaviourRule(r, times), points: r.points * times });
  }
  return { score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}
