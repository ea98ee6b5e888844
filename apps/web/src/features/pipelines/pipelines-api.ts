import type { LostReasonCreate, LostReasonUpdate, PipelineCreate, PipelineUpdate } from '@relata/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Single } from '../../lib/api-client.ts';
import type { LostReason, Pipeline } from '../deals/deals-api.ts';

export function useSavePipeline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { id?: string; version?: number; body: PipelineCreate | PipelineUpdate }) =>
      v.id
        ? (
            await api<Single<Pipeline>>(`/pipelines/${v.id}`, {
              method: 'PATCH',
              body: v.body,
              version: v.version,
            })
          ).data
        : (await api<Single<Pipeline>>('/pipelines', { method: 'POST', body: v.body })).data,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pipelines'] });
      void qc.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}

export function useDeletePipeline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (p: Pipeline) =>
      api<void>(`/pipelines/${p.id}`, { method: 'DELETE', version: p.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['pipelines'] }),
  });
}

export function useSaveLostReason() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { id?: string; version?: number; body: LostReasonCreate | LostReasonUpdate }) =>
      v.id
        ? (
            await api<Single<LostReason>>(`/lost-reasons/${v.id}`, {
              method: 'PATCH',
              body: v.body,
              version: v.version,
            })
          ).data
        : (await api<Single<LostReason>>('/lost-reasons', { method: 'POST', body: v.body })).data,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['lost-reasons'] }),
  });
}

export function useDeleteLostReason() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (r: LostReason) =>
      api<void>(`/lost-reasons/${r.id}`, { method: 'DELETE', version: r.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['lost-reasons'] }),
  });
}
