import type { DealCreateInput, DealMoveInput, DealStatus, DealUpdateInput, StageKind } from '@relata/domain';
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import { type ListParams, listSearchParams } from '../../lib/list-query.ts';

/** Deals, the board and the forecast as the API presents them (money in minor units). */
export type Named = { id: string; name: string };
export type Stage = { id: string; name: string; kind: StageKind; probability: number; position: number };
export type Pipeline = {
  id: string;
  name: string;
  isDefault: boolean;
  position: number;
  stages: Stage[];
  version: number;
};
export type LostReason = { id: string; label: string; position: number; active: boolean; version: number };

export type DealLine = {
  id: string;
  position: number;
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  lineTotal: number;
};

export type Deal = {
  id: string;
  name: string;
  pipelineId: string;
  stageId: string;
  stage?: { id: string; name: string; kind: StageKind; probability: number };
  status: DealStatus;
  amount: number;
  currency: string;
  exchangeRate: number;
  amountBase: number;
  expectedCloseDate: string | null;
  ownerId: string | null;
  contactId: string | null;
  accountId: string | null;
  owner?: Named | null;
  contact?: Named | null;
  account?: Named | null;
  lostReasonId: string | null;
  lostNote: string | null;
  stageEnteredAt: string;
  daysInStage: number;
  wonAt: string | null;
  lostAt: string | null;
  notes: string;
  lines?: DealLine[];
  version: number;
};

export type Card = {
  id: string;
  name: string;
  stageId: string;
  status: DealStatus;
  amount: number;
  currency: string;
  amountBase: number;
  expectedCloseDate: string | null;
  daysInStage: number;
  owner: Named | null;
  account: Named | null;
  contact: Named | null;
  rank: number;
  version: number;
};
export type Sum = { count: number; amount: number; weighted: number };
export type Column = Stage & Sum & { deals: Card[]; nextCursor: string | null };
export type Board = {
  pipeline: Pipeline;
  currency: string;
  stages: Column[];
  totals: { open: Sum; won: Sum; lost: Sum };
};

export type Move = {
  id: string;
  fromStageName: string | null;
  toStageName: string;
  movedBy: Named | null;
  movedAt: string;
  leftAt: string | null;
  secondsInStage: number;
};

export type Forecast = {
  from: string;
  to: string;
  currency: string;
  months: (Sum & { month: string })[];
  owners: (Sum & { ownerId: string | null; ownerName: string | null })[];
  totals: Sum;
  undated: Sum;
};

export type BoardFilter = { ownerId?: string; limit?: number };

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: async ({ signal }) =>
      (await api<Page<Pipeline>>('/pipelines', { query: { limit: 200 }, signal })).data,
    staleTime: 60_000,
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: ['lost-reasons'],
    queryFn: async ({ signal }) =>
      (await api<Page<LostReason>>('/lost-reasons', { query: { limit: 200 }, signal })).data,
    staleTime: 60_000,
  });
}

export const boardKey = (pipelineId: string, filter: BoardFilter) =>
  ['deals', 'board', pipelineId, filter] as const;

export function useBoard(pipelineId: string | undefined, filter: BoardFilter) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? '', filter),
    queryFn: async ({ signal }) =>
      (
        await api<Single<Board>>(`/pipelines/${pipelineId}/board`, {
          query: { limit: filter.limit ?? 25, ownerId: filter.ownerId },
          signal,
        })
      ).data,
    enabled: Boolean(pipelineId),
    placeholderData: keepPreviousData,
  });
}

/** The next cards of one board column (the column's cursor continues in the deals list). */
export async function moreCards(stageId: string, cursor: string, ownerId?: string) {
  const q = new URLSearchParams({ 'filter[stageId]': stageId, sort: 'rank', limit: '25', cursor });
  if (ownerId) q.set('filter[ownerId]', ownerId);
  return api<Page<Deal>>('/deals', { query: q });
}

export function useDeals(params: ListParams) {
  return useInfiniteQuery({
    queryKey: ['deals', 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Deal>>('/deals', { query: listSearchParams(params, pageParam), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: ['deals', 'one', id],
    queryFn: async ({ signal }) => (await api<Single<Deal>>(`/deals/${id}`, { signal })).data,
  });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: ['deals', 'history', id],
    queryFn: async ({ signal }) =>
      (await api<Page<Move>>(`/deals/${id}/stage-history`, { query: { limit: 200 }, signal })).data,
  });
}

export function useForecast(q: {
  pipelineId?: string | undefined;
  from: string;
  to: string;
  ownerId?: string | undefined;
}) {
  return useQuery({
    queryKey: ['deals', 'forecast', q],
    queryFn: async ({ signal }) =>
      (await api<Single<Forecast>>('/deals/forecast', { query: q, signal })).data,
    placeholderData: keepPreviousData,
  });
}

const invalidateDeals = (qc: QueryClient) => {
  void qc.invalidateQueries({ queryKey: ['deals'] });
  void qc.invalidateQueries({ queryKey: ['360'] });
};

export function useCreateDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: DealCreateInput) =>
      (await api<Single<Deal>>('/deals', { method: 'POST', body })).data,
    onSuccess: () => invalidateDeals(qc),
  });
}

export function useUpdateDeal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, version }: { body: DealUpdateInput; version: number }) =>
      (await api<Single<Deal>>(`/deals/${id}`, { method: 'PATCH', body, version })).data,
    onSuccess: (deal) => {
      qc.setQueryData(['deals', 'one', id], deal);
      invalidateDeals(qc);
    },
  });
}

export function useDeleteDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      api<void>(`/deals/${id}`, { method: 'DELETE', version }),
    onSuccess: () => invalidateDeals(qc),
  });
}

/** Moves a card on the board at once; puts it back if the server refuses. */
export function useMoveDeal(pipelineId: string, filter: BoardFilter) {
  const qc = useQueryClient();
  const key = boardKey(pipelineId, filter);
  return useMutation({
    mutationFn: async ({ id, move }: { id: string; move: DealMoveInput }) =>
      (await api<Single<Deal>>(`/deals/${id}/move`, { method: 'POST', body: move })).data,
    onMutate: async ({ id, move }) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<Board>(key);
      if (before) qc.setQueryData<Board>(key, moveCard(before, id, move.stageId, move.position));
      return { before };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.before) qc.setQueryData(key, ctx.before);
    },
    onSettled: (_d, _e, { id }) => {
      void qc.invalidateQueries({ queryKey: ['deals'] });
      void qc.invalidateQueries({ queryKey: ['deals', 'one', id] });
    },
  });
}

/** The board with one card moved to a column (at a position, else on top), sums adjusted. */
export function moveCard(board: Board, id: string, stageId: string, position?: number): Board {
  const from = board.stages.find((s) => s.deals.some((d) => d.id === id));
  const card = from?.deals.find((d) => d.id === id);
  if (!from || !card) return board;
  const weighted = (amount: number, p: number) => Math.round((amount * p) / 100);
  return {
    ...board,
    stages: board.stages.map((s) => {
      let deals = s.deals;
      let { count, amount } = s;
      if (s.id === from.id) {
        deals = deals.filter((d) => d.id !== id);
        if (s.id !== stageId) {
          count -= 1;
          amount -= card.amountBase;
        }
      }
      if (s.id === stageId) {
        const moved = { ...card, stageId, daysInStage: s.id === from.id ? card.daysInStage : 0 };
        const at = Math.min(position ?? 0, deals.length);
        deals = [...deals.slice(0, at), moved, ...deals.slice(at)];
        if (s.id !== from.id) {
          count += 1;
          amount += card.amountBase;
        }
      }
      return { ...s, deals, count, amount, weighted: weighted(amount, s.probability) };
    }),
  };
}
