import type { RecordType } from '@relata/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import { type ListParams, listSearchParams } from '../../lib/list-query.ts';
import { collectionOf, type Duplicate, type RecordOf } from './record-types.ts';

export const recordKeys = {
  all: (type: RecordType) => [collectionOf(type)] as const,
  list: (type: RecordType, params: ListParams) => [collectionOf(type), 'list', params] as const,
  one: (type: RecordType, id: string) => [collectionOf(type), 'one', id] as const,
  duplicates: (type: RecordType, id: string) => [collectionOf(type), 'duplicates', id] as const,
};

export function useRecordList<T extends RecordType>(type: T, params: ListParams) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(type, params),
    queryFn: ({ pageParam, signal }) =>
      api<Page<RecordOf<T>>>(`/${collectionOf(type)}`, {
        query: listSearchParams(params, pageParam),
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRecord<T extends RecordType>(type: T, id: string) {
  return useQuery({
    queryKey: recordKeys.one(type, id),
    queryFn: async ({ signal }) =>
      (await api<Single<RecordOf<T>>>(`/${collectionOf(type)}/${id}`, { signal })).data,
  });
}

/** A one-off search, for pickers. */
export async function searchRecords<T extends RecordType>(
  type: T,
  q: string,
  limit = 10,
): Promise<RecordOf<T>[]> {
  const res = await api<Page<RecordOf<T>>>(`/${collectionOf(type)}`, {
    query: listSearchParams({ q, limit, sort: 'name' }),
  });
  return res.data;
}

export function useCreateRecord<T extends RecordType>(type: T) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: unknown) =>
      (await api<Single<RecordOf<T>>>(`/${collectionOf(type)}`, { method: 'POST', body })).data,
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.one(type, record.id), record);
      void queryClient.invalidateQueries({ queryKey: [collectionOf(type), 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export type RecordPatch = { id: string; version: number; patch: Record<string, unknown> };

export function useUpdateRecord<T extends RecordType>(type: T) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, patch }: RecordPatch) =>
      (
        await api<Single<RecordOf<T>>>(`/${collectionOf(type)}/${id}`, {
          method: 'PATCH',
          body: patch,
          version,
        })
      ).data,
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.one(type, record.id), record);
      void queryClient.invalidateQueries({ queryKey: [collectionOf(type), 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', record.id] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: [collectionOf(type), 'duplicates', record.id] });
    },
  });
}

export function useDeleteRecord(type: RecordType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>(`/${collectionOf(type)}/${id}`, { method: 'DELETE', version }),
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: recordKeys.one(type, id) });
      void queryClient.invalidateQueries({ queryKey: [collectionOf(type), 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useDuplicates<T extends RecordType>(type: T, id: string, enabled = true) {
  return useQuery({
    queryKey: recordKeys.duplicates(type, id),
    queryFn: async ({ signal }) =>
      (await api<{ data: Duplicate<RecordOf<T>>[] }>(`/${collectionOf(type)}/${id}/duplicates`, { signal }))
        .data,
    enabled,
  });
}

export async function checkDuplicates<T extends RecordType>(
  type: T,
  body: unknown,
): Promise<Duplicate<RecordOf<T>>[]> {
  const res = await api<{ data: Duplicate<RecordOf<T>>[] }>(`/${collectionOf(type)}/duplicate-check`, {
    method: 'POST',
    body,
  });
  return res.data;
}

export function useMergeRecords<T extends RecordType>(type: T) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; mergeId: string; fields: Record<string, 'target' | 'source'> }) =>
      (
        await api<Single<RecordOf<T>>>(`/${collectionOf(type)}/${input.id}/merge`, {
          method: 'POST',
          body: { mergeId: input.mergeId, fields: input.fields },
        })
      ).data,
    onSuccess: (record, input) => {
      queryClient.setQueryData(recordKeys.one(type, record.id), record);
      queryClient.removeQueries({ queryKey: recordKeys.one(type, input.mergeId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(type) });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      void queryClient.invalidateQueries({ queryKey: ['relationships'] });
    },
  });
}
