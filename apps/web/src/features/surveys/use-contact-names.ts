import { useQueries } from '@tanstack/react-query';
import { api, type Single } from '../../lib/api-client.ts';
import type { Contact } from '../records/record-types.ts';
import { recordKeys } from '../records/records-api.ts';

/**
 * Names of the contacts behind invitations and responses, which carry only ids: one cached
 * `GET /contacts/{id}` each (the same cache as the contact page).
 */
export function useContactNames(ids: readonly (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: recordKeys.one('contact', id),
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        (await api<Single<Contact>>(`/contacts/${id}`, { signal })).data,
      staleTime: 60_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    if (r.data) names.set(unique[i]!, r.data.name);
  });
  return names;
}
