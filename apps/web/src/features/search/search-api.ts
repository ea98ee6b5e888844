import { useQuery } from '@tanstack/react-query';
import { api, type Single } from '../../lib/api-client.ts';
import type { Interaction } from '../interactions/interactions-api.ts';

export type SearchHit = {
  type: 'contact' | 'account' | 'interaction';
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
};

export const searchGroups: SearchHit['type'][] = ['contact', 'account', 'interaction'];

/** Global search over contacts, accounts and interaction subjects (at least two characters). */
export function useGlobalSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: async ({ signal }) =>
      (await api<{ data: SearchHit[] }>('/search', { query: { q: text, limit: 20 }, signal })).data,
    enabled: text.length >= 2,
    staleTime: 10_000,
  });
}

/** Where an interaction hit leads: its contact, else its account. */
export async function interactionTarget(id: string) {
  const { data } = await api<Single<Interaction>>(`/interactions/${id}`);
  if (data.contactId) return { type: 'contact' as const, id: data.contactId };
  if (data.accountId) return { type: 'account' as const, id: data.accountId };
  return null;
}
