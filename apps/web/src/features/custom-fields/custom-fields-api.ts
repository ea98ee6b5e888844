import type { CustomFieldType, RecordType } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

export type CustomField = {
  id: string;
  entity: RecordType;
  key: string;
  label: string;
  type: CustomFieldType;
  options: { value: string; label: string }[];
  required: boolean;
  position: number;
  version?: number;
};

export function useCustomFields(entity: RecordType) {
  return useQuery({
    queryKey: ['custom-fields', entity],
    queryFn: async ({ signal }) => {
      const res = await api<Page<CustomField>>('/custom-fields', {
        query: { 'filter[entity][eq]': entity, limit: 200 },
        signal,
      });
      return [...res.data].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
    },
    staleTime: 60_000,
  });
}

export function useCustomFieldMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: ['custom-fields'] });
  const create = useMutation({
    mutationFn: async (body: unknown) =>
      (await api<Single<CustomField>>('/custom-fields', { method: 'POST', body })).data,
    onSuccess,
  });
  const update = useMutation({
    mutationFn: async ({ field, patch }: { field: CustomField; patch: Record<string, unknown> }) =>
      (
        await api<Single<CustomField>>(`/custom-fields/${field.id}`, {
          method: 'PATCH',
          body: patch,
          version: field.version,
        })
      ).data,
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (field: CustomField) =>
      api<void>(`/custom-fields/${field.id}`, { method: 'DELETE', version: field.version }),
    onSuccess,
  });
  return { create, update, remove };
}
