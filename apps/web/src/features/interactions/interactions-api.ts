import type { Channel, InteractionCreate, RecordType } from '@relata/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import type { AuditEntry } from '../audit/audit-api.ts';
import type { Invoice, Order } from '../orders/orders-api.ts';
import type { Task } from '../tasks/tasks-api.ts';

export type Sentiment = 'positive' | 'neutral' | 'negative';

export type Outcome = {
  key: string;
  label: string;
  channels: string[];
  createsCallback: boolean;
  sentiment: Sentiment;
  position: number;
  active: boolean;
  builtin: boolean;
};

export type Interaction = {
  id: string;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  initiative: 'customer' | 'company';
  status: 'planned' | 'done' | 'cancelled';
  occurredAt: string;
  endsAt: string | null;
  durationSeconds: number | null;
  subject: string;
  /** Sanitised by the server. */
  notes: string;
  location: string | null;
  contactId: string | null;
  accountId: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  callbackAt: string | null;
  ownerId: string | null;
  emailId?: string | null;
  version: number;
};

export type Note = {
  id: string;
  recordType: string;
  recordId: string;
  /** Sanitised by the server. */
  body: string;
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type TimelineItem =
  | ({ kind: 'interaction' } & Interaction)
  | ({ kind: 'task' } & Task & { occurredAt: string })
  | ({ kind: 'note' } & Note & { occurredAt: string })
  | ({ kind: 'audit' } & AuditEntry & { occurredAt: string })
  | ({ kind: 'order' } & Order & { occurredAt: string })
  | ({ kind: 'invoice' } & Invoice & { occurredAt: string });
export type TimelineKind = TimelineItem['kind'];

export type TimelineFilters = { kinds: TimelineKind[]; channels: string[]; outcomes: string[] };

export function useOutcomes() {
  return useQuery({
    queryKey: ['outcomes'],
    queryFn: async ({ signal }) => (await api<Page<Outcome>>('/outcomes', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

export function useTimeline(type: RecordType, id: string, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: ['timeline', type, id, filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<TimelineItem>>(`/${type}s/${id}/timeline`, {
        query: {
          limit: 25,
          cursor: pageParam,
          'filter[kind][in]': filters.kinds.join(','),
          'filter[channel][in]': filters.channels.join(','),
          'filter[outcome][in]': filters.outcomes.join(','),
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useInteraction(id: string | null) {
  return useQuery({
    queryKey: ['interactions', 'one', id],
    queryFn: async ({ signal }) => (await api<Single<Interaction>>(`/interactions/${id}`, { signal })).data,
    enabled: Boolean(id),
  });
}

/** Everything on a record page that an interaction or task changes. */
export function useInvalidateActivity() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['interactions'] });
  };
}

export function useCreateInteraction() {
  const invalidate = useInvalidateActivity();
  return useMutation({
    mutationFn: async (body: InteractionCreate) =>
      (
        await api<Single<Interaction & { callbackTaskId: string | null }>>('/interactions', {
          method: 'POST',
          body,
        })
      ).data,
    onSuccess: invalidate,
  });
}
