import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client.ts';

/** A fact on a contact's profile as `GET /contacts/{id}/facts` presents it. */
export type Fact = {
  id: string;
  key: string;
  value: unknown;
  source: string;
  /** Null when the fact did not come from a survey; `name` null when the survey was deleted. */
  survey: { id: string; name: string | null } | null;
  question: { key: string; text: string | null } | null;
  responseId: string | null;
  recordedAt: string;
};

export function useFacts(contactId: string) {
  return useInfiniteQuery({
    queryKey: ['facts', contactId],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Fact>>(`/contacts/${contactId}/facts`, { query: { cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
