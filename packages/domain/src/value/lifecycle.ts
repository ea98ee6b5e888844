// Lifecycle states from admin-configurable rules over a customer's purchase history.
// The rules are stateless (they look only at history as of a day), so a state can be computed
// for any past day the same way, which is what makes flows between any two dates possible.
import { z } from 'zod';

export const lifecycleStates = [
  'prospect',
  'new',
  'active',
  'developing',
  'at_risk',
  'lapsed',
  'won_back',
] as const;
export type LifecycleState = (typeof lifecycleStates)[number];

export const lifecycleMetrics = [
  'purchases',
  'daysSinceFirstPurchase',
  'daysSinceLastPurchase',
  'gapBeforeLastPurchase',
  'pAlive',
  'recentPurchases',
  'priorPurchases',
  'recentSpend',
  'priorSpend',
  'spendGrowth',
] as const;
export type LifecycleMetric = (typeof lifecycleMetrics)[number];

export const lifecycleConditionSchema = z
  .object({
    metric: z.enum(lifecycleMetrics),
    op: z.enum(['lt', 'lte', 'gt', 'gte', 'eq']),
    value: z.number().finite(),
  })
  .strict();
export type LifecycleCondition = z.infer<typeof lifecycleConditionSchema>;

export const lifecycleRuleSchema = z
  .object({
    state: z.enum(lifecycleStates),
    /** Every condition must hold; add another rule with the same state for "or". */
    when: z.array(lifecycleConditionSchema).max(10),
  })
  .strict();
export type LifecycleRule = z.infer<typeof lifecycleRuleSchema>;

export const lifecycleConfigSchema = z
  .object({
    /** The recent window (and the prior window before it) for recent/prior purchases and spend. */
    windowDays: z.number().int().min(7).max(3650).default(180),
    rules: z.array(lifecycleRuleSchema).max(50),
    /** The state when no rule matches. */
    fallback: z.enum(lifecycleStates).default('active'),
  })
  .strict();
export type LifecycleConfig = z.infer<typeof lifecycleConfigSchema>;

export const defaultLifecycleConfig: LifecycleConfig = {
  windowDays: 180,
  fallback: 'active',
  rules: [
    { state: 'prospect', when: [{ metric: 'purchases', op: 'eq', value: 0 }] },
    { state: 'new', when: [{ metric: 'daysSinceFirstPurchase', op: 'lte', value: 90 }] },
    {
      state: 'won_back',
      when: [
        { metric: 'daysSinceLastPurchase', op: 'lte', value: 180 },
        { metric: 'gapBeforeLastPurchase', op: 'gte', value: 365 },
      ],
    },
    { state: 'lapsed', when: [{ metric: 'daysSinceLastPurchase', op: 'gt', value: 365 }] },
    { state: 'lapsed', when: [{ metric: 'pAlive', op: 'lt', value: 0.1 }] },
    { state: 'at_risk', when: [{ metric: 'daysSinceLastPurchase', op: 'gt', value: 180 }] },
    { state: 'at_risk', when: [{ metric: 'pAlive', op: 'lt', value: 0.4 }] },
    {
      state: 'developing',
      when: [
        { metric: 'spendGrowth', op: 'gte', value: 1.25 },
        { metric: 'recentPurchases', op: 'gte', value: 2 },
      ],
    },
  ],
};

/** What the rules look at; null where a metric does not apply (e.g. no second purchase). */
export type LifecycleSnapshot = Record<LifecycleMetric, number | null>;

/**
 * The snapshot of one customer as of `day` (days since the epoch, inclusive) from their purchase
 * days (ascending, distinct) and the amount spent on each. Purchases after `day` are ignored.
 */
export function lifecycleSnapshot(
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  day: number,
  windowDays: number,
  pAlive: number | null,
): LifecycleSnapshot {
  let n = 0;
  let recentPurchases = 0;
  let priorPurchases = 0;
  let recentSpend = 0;
  let priorSpend = 0;
  const recentStart = day - windowDays; // (recentStart, day]
  const priorStart = recentStart - windowDays; // (priorStart, recentStart]
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (d > day) break;
    n++;
    if (d > recentStart) {
      recentPurchases++;
      recentSpend += amounts[i]!;
    } else if (d > priorStart) {
      priorPurchases++;
      priorSpend += amounts[i]!;
    }
  }
  if (n === 0) {
    return {
      purchases: 0,
      daysSinceFirstPurchase: null,
      daysSinceLastPurchase: null,
      gapBeforeLastPurchase: null,
      pAlive: null,
      recentPurchases: 0,
      priorPurchases: 0,
      recentSpend: 0,
      priorSpend: 0,
      spendGrowth: null,
    };
  }
  const last = days[n - 1]!;
  return {
    purchases: n,
    daysSinceFirstPurchase: day - days[0]!,
    daysSinceLastPurchase: day - last,
    gapBeforeLastPurchase: n >= 2 ? last - days[n - 2]! : null,
    pAlive,
    recentPurchases,
    priorPurchases,
    recentSpend,
    priorSpend,
    // Growth needs a prior window in which the customer was buying.
    spendGrowth: priorSpend > 0 ? recentSpend / priorSpend : null,
  };
}

const holds = (c: LifecycleCondition, v: number | null): boolean => {
  if (v === null) return false;
  switch (c.op) {
    case 'lt':
      return v < c.value;
    case 'lte':
      return v <= c.value;
    case 'gt':
      return v > c.value;
    case 'gte':
      return v >= c.value;
    case 'eq':
      return v === c.value;
  }
};

/** The first rule whose conditions all hold decides; otherwise the fallback. */
export function lifecycleState(config: LifecycleConfig, s: LifecycleSnapshot): LifecycleState {
  for (const rule of config.rules) {
    if (rule.when.every((c) => holds(c, s[c.metric]))) return rule.state;
  }
  return config.fallback;
}
