// The routing engine: the first active rule (in order) whose conditions hold for the customer and
// the inquiry decides. Pure: the server gathers the customer's facts and resolves the actions.
import { foldText } from '../contact.ts';
import type { InquiryKind, RoutingActions, RoutingCondition, RoutingField } from './routing.schema.ts';
import { routingFields } from './routing.schema.ts';

/** What the engine knows of the customer behind an inquiry (all null for an unknown sender). */
export type RoutingCustomer = {
  known: boolean;
  tier: string | null;
  clv: number | null;
  pAlive: number | null;
  lifecycleState: string | null;
  npsCategory: string | null;
  openCases: number;
  language: string | null;
  region: string | null;
  country: string | null;
};

export const unknownCustomer: RoutingCustomer = {
  known: false,
  tier: null,
  clv: null,
  pAlive: null,
  lifecycleState: null,
  npsCategory: null,
  openCases: 0,
  language: null,
  region: null,
  country: null,
};

export type RoutingInquiry = {
  kind: InquiryKind;
  channel?: string | null | undefined;
  type?: string | null | undefined;
  source?: string | null | undefined;
  subject?: string | undefined;
  text?: string | undefined;
};

export type RoutingRule = {
  id: string;
  name: string;
  active: boolean;
  kinds: readonly InquiryKind[];
  match: 'all' | 'any';
  conditions: readonly RoutingCondition[];
  actions: RoutingActions;
};

/** A condition that held, with the value it saw (for keywords: the words found). */
export type MatchedCondition = RoutingCondition & { actual: string | number | boolean | string[] | null };

export type RoutingDecision = {
  ruleId: string;
  ruleName: string;
  actions: RoutingActions;
  matched: MatchedCondition[];
  /** The conditions that held, in words: "tier A and CLV > 10 000". */
  because: string;
};

type Value = string | number | boolean | null;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keywords found in a text, each matched at the start of a word ("refund" finds "refunded"),
 * across case and diacritics ("Återbetalning" finds "aterbetalning").
 */
export function keywordsIn(text: string, keywords: readonly string[]): string[] {
  const folded = foldText(text);
  return keywords.filter((k) => {
    const w = foldText(k.trim());
    return w.length > 0 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}`, 'u').test(folded);
  });
}

function actualValue(field: RoutingField, c: RoutingCustomer, q: RoutingInquiry): Value {
  switch (field) {
    case 'kind':
      return q.kind;
    case 'channel':
      return q.channel ?? null;
    case 'type':
      return q.type ?? null;
    case 'source':
      return q.source ?? null;
    case 'keywords':
      return null; // handled apart: it matches words in the text
    default:
      return c[field];
  }
}

const same = (a: Value, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' ? foldText(a) === foldText(b) : a === b;

/** Does one condition hold? Returns what it saw when it does, undefined when it does not. */
export function conditionHolds(
  cond: RoutingCondition,
  customer: RoutingCustomer,
  inquiry: RoutingInquiry,
): { actual: MatchedCondition['actual'] } | undefined {
  if (cond.field === 'keywords') {
    const words = (Array.isArray(cond.value) ? cond.value : []) as string[];
    const found = keywordsIn(`${inquiry.subject ?? ''}\n${inquiry.text ?? ''}`, words);
    if (cond.op === 'in') return found.length ? { actual: found } : undefined;
    return found.length ? undefined : { actual: [] };
  }
  const actual = actualValue(cond.field, customer, inquiry);
  const ok = (b: boolean) => (b ? { actual } : undefined);
  const v = cond.value;
  switch (cond.op) {
    case 'is_set':
      return ok(actual !== null && actual !== '');
    case 'is_not_set':
      return ok(actual === null || actual === '');
    case 'eq':
      return ok(same(actual, v));
    case 'neq':
      return ok(!same(actual, v));
    case 'in':
      return ok(Array.isArray(v) && v.some((x) => same(actual, x)));
    case 'not_in':
      return ok(!(Array.isArray(v) && v.some((x) => same(actual, x))));
    case 'gt':
      return ok(typeof actual === 'number' && typeof v === 'number' && actual > v);
    case 'gte':
      return ok(typeof actual === 'number' && typeof v === 'number' && actual >= v);
    case 'lt':
      return ok(typeof actual === 'number' && typeof v === 'number' && actual < v);
    case 'lte':
      return ok(typeof actual === 'number' && typeof v === 'number' && actual <= v);
  }
}

/** How reasons show money (CLV is kept in minor units): e.g. `m => formatMinor(m, 'EUR')`. */
export type DescribeOptions = { money?: (minor: number) => string };

/** Which rule decides: the first active rule for this kind of inquiry whose conditions hold. */
export function evaluateRouting(
  rules: readonly RoutingRule[],
  customer: RoutingCustomer,
  inquiry: RoutingInquiry,
  opts: DescribeOptions = {},
): RoutingDecision | null {
  for (const rule of rules) {
    if (!rule.active) continue;
    if (rule.kinds.length && !rule.kinds.includes(inquiry.kind)) continue;
    const matched: MatchedCondition[] = [];
    for (const cond of rule.conditions) {
      const hit = conditionHolds(cond, customer, inquiry);
      if (hit) matched.push({ ...cond, actual: hit.actual });
    }
    const holds =
      rule.conditions.length === 0 ||
      (rule.match === 'all' ? matched.length === rule.conditions.length : matched.length > 0);
    if (holds) {
      return {
        ruleId: rule.id,
        ruleName: rule.name,
        actions: rule.actions,
        matched,
        because: matched.length
          ? matched.map((m) => describeCondition(m, opts)).join(' and ')
          : 'every inquiry',
      };
    }
  }
  return null;
}

const fieldWords: Record<RoutingField, string> = {
  tier: 'tier',
  clv: 'CLV',
  pAlive: 'P(alive)',
  lifecycleState: 'lifecycle state',
  npsCategory: 'NPS',
  openCases: 'open cases',
  language: 'language',
  region: 'region',
  country: 'country',
  known: 'known customer',
  kind: 'inquiry',
  channel: 'channel',
  type: 'type',
  source: 'source',
  keywords: 'keywords',
};
const opWords: Record<RoutingCondition['op'], string> = {
  eq: '',
  neq: 'not',
  in: 'in',
  not_in: 'not in',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  is_set: 'set',
  is_not_set: 'not set',
};

/** Groups of three digits with a space: 10 000. */
export const formatNumber = (n: number): string => {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${n < 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
};
const show = (v: unknown): string =>
  Array.isArray(v) ? v.map(show).join(', ') : typeof v === 'number' ? formatNumber(v) : String(v);

/** Minor units as whole money in words: 1 000 000 (cents) in EUR → "10 000 EUR". */
export function formatMinor(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // an unknown code: assume cents
  }
  const major = minor / 10 ** digits;
  const rounded = Math.abs(major) >= 100 ? Math.round(major) : Math.round(major * 100) / 100;
  return `${formatNumber(rounded)} ${currency}`;
}

/** A condition in words, e.g. "tier A", "CLV > 10 000 EUR", "mentions refund". */
export function describeCondition(
  c: MatchedCondition | RoutingCondition,
  opts: DescribeOptions = {},
): string {
  const f = fieldWords[c.field];
  if (
    c.field === 'clv' &&
    opts.money &&
    typeof c.value === 'number' &&
    c.op !== 'is_set' &&
    c.op !== 'is_not_set'
  ) {
    const op = opWords[c.op];
    return `${f}${op ? ` ${op}` : ''} ${opts.money(c.value)}`;
  }
  if (c.field === 'keywords') {
    const found = 'actual' in c && Array.isArray(c.actual) && c.actual.length ? c.actual : c.value;
    return c.op === 'in' ? `mentions ${show(found)}` : `does not mention ${show(c.value)}`;
  }
  if (c.field === 'known') return c.value ? 'a known customer' : 'not a known customer';
  if (c.op === 'is_set' || c.op === 'is_not_set') return `${f} ${opWords[c.op]}`;
  const op = opWords[c.op];
  return op ? `${f} ${op} ${show(c.value)}` : `${f} ${show(c.value)}`;
}

/** The kind of value a field holds, for editors. */
export const routingFieldKind = (field: RoutingField) => routingFields[field].kind;
