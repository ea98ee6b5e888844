import type { RecordType } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

export type RecordRef = { type: RecordType; id: string; name: string };

export type Relationship = {
  id: string;
  type: string;
  fromType: RecordType;
  fromId: string;
  toType: RecordType;
  toId: string;
  since: string | null;
  until: string | null;
  notes: string;
  from: RecordRef;
  to: RecordRef;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type RelationshipType = {
  key: string;
  name: string;
  inverseName: string;
  fromType: RecordType;
  toType: RecordType;
  builtin: boolean;
};

export function useRelationships(recordId: string) {
  return useQuery({
    queryKey: ['relationships', recordId],
    queryFn: async ({ signal }) =>
      (
        await api<Page<Relationship>>('/relationships', {
          query: { 'filter[recordId][eq]': recordId, limit: 200 },
          signal,
        })
      ).data,
  });
}

export function useRelationshipTypes() {
  return useQuery({
    queryKey: ['relationship-types'],
    queryFn: async ({ signal }) =>
      (await api<{ data: RelationshipType[] }>('/relationship-types', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

export function useRelationshipMutations() {
  const queryClient = useQueryClient();
  const refresh = (r: { fromId: string; toId: string }) => {
    void queryClient.invalidateQueries({ queryKey: ['relationships', r.fromId] });
    void queryClient.invalidateQueries({ queryKey: ['relationships', r.toId] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
  const create = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      (await api<Single<Relationship>>('/relationships', { method: 'POST', body })).data,
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (r: Relationship) =>
      api<void>(`/relationships/${r.id}`, { method: 'DELETE', version: r.version }),
    onSuccess: (_, r) => refresh(r),
  });
  return { create, remove };
}
