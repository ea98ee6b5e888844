// Customer flows: moves between lifecycle states over a period, each marked desired or
// undesired and grouped under the three base flows every process belongs to.
import { z } from 'zod';
import { type LifecycleState, lifecycleStates } from './lifecycle.ts';

export const baseFlows = ['acquire', 'retain_develop', 'win_back'] as const;
export type BaseFlow = (typeof baseFlows)[number];

/** `none`: not yet in the customer database on the first day of the period. */
export const flowStates = ['none', ...lifecycleStates] as const;
export type FlowState = (typeof flowStates)[number];

export type FlowKind = { desired: boolean | null; baseFlow: BaseFlow | null };

export const flowOverrideSchema = z
  .object({
    from: z.enum(flowStates),
    to: z.enum(lifecycleStates),
    desired: z.boolean().nullable(),
    baseFlow: z.enum(baseFlows).nullable(),
  })
  .strict();
export type FlowOverride = z.infer<typeof flowOverrideSchema>;

const buying: ReadonlySet<FlowState> = new Set(['new', 'active', 'developing', 'won_back']);

/** The built-in reading of a move, before an admin's overrides. */
export function defaultFlowKind(from: FlowState, to: LifecycleState): FlowKind {
  if (from === 'none' || from === 'prospect') {
    if (to === 'prospect') return { desired: from === 'none' ? true : null, baseFlow: 'acquire' };
    return { desired: buying.has(to), baseFlow: 'acquire' };
  }
  if (from === 'lapsed') {
    if (to === 'lapsed') return { desired: false, baseFlow: 'win_back' };
    return { desired: to !== 'at_risk', baseFlow: 'win_back' };
  }
  if (from === 'won_back') {
    if (to === 'won_back') return { desired: null, baseFlow: 'win_back' };
    return { desired: to === 'active' || to === 'developing', baseFlow: 'win_back' };
  }
  // new, active, developing, at_risk → …
  switch (to) {
    case 'developing':
      return { desired: true, baseFlow: 'retain_develop' };
    case 'active':
      return { desired: from !== 'developing', baseFlow: 'retain_develop' };
    case 'new':
      return { desired: null, baseFlow: 'retain_develop' };
    case 'at_risk':
    case 'lapsed':
      return { desired: false, baseFlow: 'retain_develop' };
    case 'won_back':
      return { desired: true, baseFlow: 'win_back' };
    case 'prospect':
      return { desired: null, baseFlow: null };
  }
}

export function flowKind(
  from: FlowState,
  to: LifecycleState,
  overrides: readonly FlowOverride[] = [],
): FlowKind {
  const o = overrides.find((x) => x.from === from && x.to === to);
  return o ? { desired: o.desired, baseFlow: o.baseFlow } : defaultFlowKind(from, to);
}

export type FlowCell = { from: FlowState; to: LifecycleState; customers: number; clv: number };
export type FlowCellView = FlowCell & FlowKind & { moved: boolean };

export type FlowSummary = {
  baseFlow: BaseFlow;
  desired: { customers: number; clv: number };
  undesired: { customers: number; clv: number };
};

/**
 * Marks each cell and totals desired and undesired flows per base flow. Staying put counts too
 * where it has a reading (active → active is retention; lapsed → lapsed is a customer not won back).
 */
export function classifyFlows(
  cells: readonly FlowCell[],
  overrides: readonly FlowOverride[] = [],
): { cells: FlowCellView[]; baseFlows: FlowSummary[] } {
  const views = cells.map((c) => ({ ...c, ...flowKind(c.from, c.to, overrides), moved: c.from !== c.to }));
  const summary = baseFlows.map((b) => ({
    baseFlow: b,
    desired: { customers: 0, clv: 0 },
    undesired: { customers: 0, clv: 0 },
  }));
  for (const v of views) {
    if (v.baseFlow === null || v.desired === null) continue;
    const s = summary.find((x) => x.baseFlow === v.baseFlow)!;
    const bucket = v.desired ? s.desired : s.undesired;
    bucket.customers += v.customers;
    bucket.clv += v.clv;
  }
  return { cells: views, baseFlows: summary };
}
