import type { EmailCreate } from '@relata/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

export type Email = {
  id: string;
  direction: 'inbound' | 'outbound';
  status: string;
  threadId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** Plain text; shown as text, never as HTML. */
  text: string;
  contactId: string | null;
  accountId: string | null;
  interactionId: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  createdAt: string;
  version: number;
};

/** When a message was sent or received (or queued). */
export const emailTime = (e: Email) => e.receivedAt ?? e.sentAt ?? e.createdAt;

export function useEmailThread(id: string | null) {
  return useQuery({
    queryKey: ['emails', 'thread', id],
    queryFn: async ({ signal }) => (await api<{ data: Email[] }>(`/emails/${id}/thread`, { signal })).data,
    enabled: Boolean(id),
  });
}

export function useUnmatchedEmails() {
  return useInfiniteQuery({
    queryKey: ['emails', 'unmatched'],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Email>>('/emails/unmatched', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useInvalidateEmail() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['emails'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useSendEmail() {
  const invalidate = useInvalidateEmail();
  return useMutation({
    mutationFn: async (body: EmailCreate) =>
      (await api<Single<Email>>('/emails', { method: 'POST', body })).data,
    onSuccess: invalidate,
  });
}

export function useAssignEmail() {
  const invalidate = useInvalidateEmail();
  return useMutation({
    mutationFn: async ({ id, contactId }: { id: string; contactId: string }) =>
      (await api<Single<Email>>(`/emails/${id}/assign`, { method: 'POST', body: { contactId } })).data,
    onSuccess: invalidate,
  });
}
