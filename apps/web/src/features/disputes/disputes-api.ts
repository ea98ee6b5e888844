/** Disputes: cases and inbound interactions that look like one, with their own status and owner. */
import type { DisputeReason, DisputeStatus, DisputeUpdate } from '@relata/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import { type ListParams, listSearchParams } from '../../lib/list-query.ts';

export type Dispute = {
  id: string;
  caseId: string | null;
  interactionId: string | null;
  contactId: string | null;
  accountId: string | null;
  reasons: DisputeReason[];
  reason: string;
  status: DisputeStatus;
  ownerId: string | null;
  teamId: string | null;
  resolution: string;
  openedAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export const disputeKeys = {
  list: (params: ListParams) => ['disputes', 'list', params] as const,
  one: (id: string) => ['disputes', 'one', id] as const,
};

export function useDisputes(params: ListParams) {
  return useInfiniteQuery({
    queryKey: disputeKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Dispute>>('/disputes', { query: listSearchParams(params, pageParam), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDispute(id: string | null) {
  return useQuery({
    queryKey: disputeKeys.one(id ?? ''),
    queryFn: async ({ signal }) => (await api<Single<Dispute>>(`/disputes/${id}`, { signal })).data,
    enabled: Boolean(id),
  });
}

/** Status, owner or resolution, sent with the version shown (If-Match). */
export function useUpdateDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ dispute, patch }: { dispute: Dispute; patch: DisputeUpdate }) =>
      (
        await api<Single<Dispute>>(`/disputes/${dispute.id}`, {
          method: 'PATCH',
          body: patch,
          version: dispute.version,
        })
      ).data,
    onSuccess: (d) => {
      queryClient.setQueryData(disputeKeys.one(d.id), d);
      void queryClient.invalidateQueries({ queryKey: ['disputes', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
