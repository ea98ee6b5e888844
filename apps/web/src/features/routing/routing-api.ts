/** Routing rules, their order, and the test bench, as the API presents them. */
import type {
  InquiryKind,
  MatchedCondition,
  RoutingActions,
  RoutingCondition,
  RoutingCustomer,
  RoutingEvaluate,
  RoutingRuleCreate,
} from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

export type RoutingRule = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  kinds: InquiryKind[];
  match: 'all' | 'any';
  conditions: RoutingCondition[];
  actions: RoutingActions;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** The decision recorded on a case, lead or interaction when it arrived. */
export type RoutingDecision = {
  ruleId: string | null;
  ruleName: string | null;
  reason: string;
  matched: MatchedCondition[];
  actions: RoutingActions;
  assigneeId: string | null;
  queueId: string | null;
  decidedAt: string;
};

export type Evaluation = {
  ruleId: string | null;
  ruleName: string | null;
  actions: RoutingActions;
  reason: string;
  matched: MatchedCondition[];
  customer: RoutingCustomer;
  resolved: {
    assigneeId: string | null;
    assigneeName: string | null;
    queueId: string | null;
    queueName: string | null;
    priority: string | null;
    slaPolicyId: string | null;
    tags: string[];
  };
};

const rulesKey = ['routing-rules'] as const;

export function useRoutingRules(enabled = true) {
  return useQuery({
    queryKey: rulesKey,
    queryFn: async ({ signal }) =>
      (await api<Page<RoutingRule>>('/routing-rules', { query: { limit: 200, sort: 'position' }, signal }))
        .data,
    enabled,
  });
}

export function useRuleMutations() {
  const queryClient = useQueryClient();
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: rulesKey });
  const save = useMutation({
    mutationFn: async ({ rule, body }: { rule: RoutingRule | null; body: Partial<RoutingRuleCreate> }) =>
      rule
        ? (
            await api<Single<RoutingRule>>(`/routing-rules/${rule.id}`, {
              method: 'PATCH',
              body,
              version: rule.version,
            })
          ).data
        : (await api<Single<RoutingRule>>('/routing-rules', { method: 'POST', body })).data,
    onSuccess: invalidate,
    // A stale version (412) means the list is old too.
    onError: invalidate,
  });
  const remove = useMutation({
    mutationFn: (rule: RoutingRule) =>
      api<void>(`/routing-rules/${rule.id}`, { method: 'DELETE', version: rule.version }),
    onSuccess: invalidate,
  });
  const reorder = useMutation({
    mutationFn: async (ids: string[]) =>
      (await api<Single<RoutingRule[]>>('/routing-rules/order', { method: 'PUT', body: { ids } })).data,
    onMutate: (ids) => {
      // Show the new order at once; the answer (or a refetch on failure) settles it.
      const prev = queryClient.getQueryData<RoutingRule[]>(rulesKey);
      if (prev) {
        const byId = new Map(prev.map((r) => [r.id, r]));
        queryClient.setQueryData(
          rulesKey,
          ids.map((id) => byId.get(id)).filter((r): r is RoutingRule => Boolean(r)),
        );
      }
    },
    onSuccess: (rules) => queryClient.setQueryData(rulesKey, rules),
    onError: invalidate,
  });
  return { save, remove, reorder };
}

export function useEvaluate() {
  return useMutation({
    mutationFn: async (body: RoutingEvaluate) =>
      (await api<Single<Evaluation>>('/routing-rules/evaluate', { method: 'POST', body })).data,
  });
}
