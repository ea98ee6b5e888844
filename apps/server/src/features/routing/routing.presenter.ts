import type { RoutingDecisionRow, RoutingRuleRow } from './routing.repository.ts';

export function presentRule(r: RoutingRuleRow) {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    active: r.active,
    kinds: r.kinds,
    match: r.match,
    conditions: r.conditions,
    actions: r.actions,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type RoutingRuleView = ReturnType<typeof presentRule>;

/** "routed to Key accounts: tier A and CLV > 10 000", with the rule and what it matched. */
export function presentDecision(d: RoutingDecisionRow) {
  return {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    reason: d.reason,
    matched: d.matched,
    actions: d.actions,
    assigneeId: d.assigneeId,
    queueId: d.queueId,
    decidedAt: d.decidedAt.toISOString(),
  };
}
export type RoutingDecisionView = ReturnType<typeof presentDecision>;
