/** Service cases, their interactions and the SLA compliance report, as the API presents them. */
import type { CaseCreate, CaseStatus, Channel, DisputeStatus, Priority } from '@relata/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import { type FilterCondition, type ListParams, listSearchParams } from '../../lib/list-query.ts';
import type { Interaction } from '../interactions/interactions-api.ts';
import type { CustomerName } from '../orders/orders-api.ts';
import type { RoutingDecision } from '../routing/routing-api.ts';

export type SlaState = 'none' | 'running' | 'warning' | 'breached' | 'met' | 'missed' | 'paused';

export type SlaClock = { dueAt: string | null; warnAt: string | null; metAt: string | null; state: SlaState };

export type Case = {
  id: string;
  number: string;
  subject: string;
  description: string;
  channel: Channel;
  type: string | null;
  queueId: string | null;
  priority: Priority;
  status: CaseStatus;
  assigneeId: string | null;
  teamId: string | null;
  contactId: string | null;
  accountId: string | null;
  customer?: CustomerName | null;
  orderId: string | null;
  tags: string[];
  slaPolicyId: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  nextDueAt: string | null;
  sla: {
    firstResponse: SlaClock;
    resolution: SlaClock & { pausedSince: string | null; pausedMinutes: number };
    escalationLevel: number;
  };
  dispute: boolean;
  disputeReason: string | null;
  disputeStatus: DisputeStatus | null;
  disputeId: string | null;
  routing?: RoutingDecision | null;
  csatInvitationId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** The fields a case page changes (validated with caseUpdateSchema before sending). */
export type CasePatch = Partial<
  Pick<
    Case,
    'subject' | 'description' | 'priority' | 'status' | 'queueId' | 'assigneeId' | 'tags' | 'orderId'
  >
>;

export const caseKeys = {
  all: ['cases'] as const,
  list: (params: ListParams) => ['cases', 'list', params] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  interactions: (id: string) => ['interactions', 'case', id] as const,
  report: (q: SlaReportQuery) => ['cases', 'sla-report', q] as const,
};

export function useCases(params: ListParams) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Case>>('/cases', { query: listSearchParams(params, pageParam), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A few cases (a customer's open cases), without paging. */
export function useCaseSample(filters: FilterCondition[], enabled = true, limit = 10) {
  const params: ListParams = { filters, sort: 'nextDueAt', limit };
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: async ({ signal }) =>
      (await api<Page<Case>>('/cases', { query: listSearchParams(params), signal })).data,
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: async ({ signal }) => (await api<Single<Case>>(`/cases/${id}`, { signal })).data,
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Partial<CaseCreate>) =>
      (await api<Single<Case>>('/cases', { method: 'POST', body })).data,
    onSuccess: (c) => {
      queryClient.setQueryData(caseKeys.one(c.id), c);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['360'] });
    },
  });
}

/** A change sent with the version the page shows (If-Match); 412 means someone else changed it. */
export function useUpdateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: CasePatch }) =>
      (await api<Single<Case>>(`/cases/${id}`, { method: 'PATCH', body: patch, version })).data,
    onSuccess: (c) => {
      queryClient.setQueryData(caseKeys.one(c.id), c);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['disputes'] });
      void queryClient.invalidateQueries({ queryKey: ['360'] });
    },
  });
}

export type CaseInteraction = Interaction & { caseId: string | null };

/** The interactions logged on a case, newest first. */
export function useCaseInteractions(caseId: string) {
  return useInfiniteQuery({
    queryKey: caseKeys.interactions(caseId),
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseInteraction>>('/interactions', {
        query: listSearchParams(
          {
            filters: [{ field: 'caseId', op: 'eq', value: caseId }],
            sort: '-occurredAt',
            limit: 25,
          },
          pageParam,
        ),
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type SlaGroupBy = 'priority' | 'queue' | 'channel' | 'tier';
export type SlaReportQuery = { from: string; to: string; groupBy: SlaGroupBy };

type Compliance = { met: number; missed: number; compliance: number | null };
export type SlaReportGroup = {
  key: string | null;
  label: string | null;
  cases: number;
  firstResponse: Compliance;
  resolution: Compliance;
  avgFirstResponseMinutes: number | null;
  avgResolutionMinutes: number | null;
};
export type SlaReport = SlaReportQuery & {
  groups: SlaReportGroup[];
  total: { cases: number; firstResponse: Compliance; resolution: Compliance };
};

export function useSlaReport(q: SlaReportQuery) {
  return useQuery({
    queryKey: caseKeys.report(q),
    queryFn: async ({ signal }) =>
      (await api<Single<SlaReport>>('/cases/sla-report', { query: q, signal })).data,
    placeholderData: keepPreviousData,
  });
}
