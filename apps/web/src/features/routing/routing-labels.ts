/**
 * Routing conditions and decisions in the user's language (the API's `reason` is English): field
 * and operator labels, values shown as money, percentages or translated states.
 */
import type { MatchedCondition, RoutingCondition, RoutingField } from '@relata/domain';
import type { TFunction } from 'i18next';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';

export type ValueContext = { currency: string; locale: string };

type Scalar = string | number | boolean;

/** One value of a field as people read it: "€10,000", "45 %", "At risk", "Yes". */
export function valueText(field: RoutingField, v: Scalar, t: TFunction, ctx: ValueContext): string {
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') {
    if (field === 'clv') return formatMoney(v, ctx.currency, ctx.locale, true);
    if (field === 'pAlive') return formatPercent(v, ctx.locale, 1);
    return formatNumber(v, ctx.locale, 2);
  }
  switch (field) {
    case 'lifecycleState':
      return t(`value.states.${v as 'active'}`, { defaultValue: v });
    case 'npsCategory':
      return t(`nps.categories.${v as 'promoter'}`, { defaultValue: v });
    case 'kind':
      return t(`routing.kinds.${v as 'case'}`, { defaultValue: v });
    default:
      return v;
  }
}

const listText = (
  field: RoutingField,
  v: RoutingCondition['value'] | MatchedCondition['actual'],
  t: TFunction,
  ctx: ValueContext,
) =>
  v === undefined || v === null
    ? '—'
    : Array.isArray(v)
      ? v.map((x) => valueText(field, x, t, ctx)).join(', ')
      : valueText(field, v, t, ctx);

export const fieldLabel = (field: RoutingField, t: TFunction) => t(`routing.fields.${field}`);
export const opLabel = (op: RoutingCondition['op'], t: TFunction) => t(`routing.ops.${op}`);

/** A condition in words: "tier is A", "CLV > €10,000", "mentions refund" (the words found, if any). */
export function conditionText(
  c: RoutingCondition | MatchedCondition,
  t: TFunction,
  ctx: ValueContext,
): string {
  if (c.field === 'keywords') {
    const found = 'actual' in c && Array.isArray(c.actual) && c.actual.length ? c.actual : c.value;
    return c.op === 'in'
      ? t('routing.describe.mentions', { words: listText('keywords', found, t, ctx) })
      : t('routing.describe.notMentions', { words: listText('keywords', c.value, t, ctx) });
  }
  if (c.field === 'known') return c.value ? t('routing.describe.known') : t('routing.describe.unknown');
  const field = fieldLabel(c.field, t);
  if (c.op === 'is_set' || c.op === 'is_not_set')
    return t(`routing.describe.${c.op === 'is_set' ? 'isSet' : 'isNotSet'}`, { field });
  return t('routing.describe.condition', {
    field,
    op: opLabel(c.op, t),
    value: listText(c.field, c.value, t, ctx),
  });
}

/** What the engine saw for a matched condition, when it differs from the rule's value. */
export function actualText(c: MatchedCondition, t: TFunction, ctx: ValueContext): string | null {
  if (c.field === 'keywords' || c.field === 'known' || c.actual === null) return null;
  return listText(c.field, c.actual, t, ctx);
}

/** "Routed to Key accounts, assigned to Anna: tier is A and CLV > €10,000". */
export function decisionText(
  d: { ruleName: string | null; matched: readonly MatchedCondition[] },
  targets: { queue?: string | null | undefined; assignee?: string | null | undefined },
  t: TFunction,
  ctx: ValueContext,
): string {
  if (!d.ruleName) return t('routing.describe.noRule');
  const parts = [
    targets.queue ? t('routing.describe.routedTo', { queue: targets.queue }) : null,
    targets.assignee ? t('routing.describe.assignedTo', { name: targets.assignee }) : null,
  ].filter((x): x is string => Boolean(x));
  const because = d.matched.length
    ? d.matched.map((c) => conditionText(c, t, ctx)).join(` ${t('routing.describe.and')} `)
    : t('routing.describe.everyInquiry');
  const head = parts.length ? parts.join(', ') : d.ruleName;
  return t('routing.describe.because', { head, because });
}
