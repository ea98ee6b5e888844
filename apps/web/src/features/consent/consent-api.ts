import type { ConsentChannel, ConsentStatus } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

/** One purpose × channel of a contact; `recordedAt` is null while nothing was recorded. */
export type Consent = {
  purpose: string;
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  evidence: string;
  recordedAt: string | null;
  recordedBy: string | null;
};

export type ConsentPurpose = { key: string; label: string; builtin: boolean };

export type ConsentChange = {
  purpose: string;
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  evidence: string;
  recordedAt?: string;
};

const keys = {
  matrix: (id: string) => ['consents', id] as const,
  history: (id: string) => ['consents', id, 'history'] as const,
  purposes: ['consent-purposes'] as const,
};

export function useConsents(contactId: string) {
  return useQuery({
    queryKey: keys.matrix(contactId),
    queryFn: async ({ signal }) =>
      (await api<Single<Consent[]>>(`/contacts/${contactId}/consents`, { signal })).data,
  });
}

export function useConsentHistory(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.history(contactId),
    queryFn: async ({ signal }) =>
      (await api<Page<Consent>>(`/contacts/${contactId}/consents/history`, { signal })).data,
    enabled,
  });
}

export function useRecordConsents(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (consents: ConsentChange[]) =>
      (await api<Single<Consent[]>>(`/contacts/${contactId}/consents`, { method: 'PUT', body: { consents } }))
        .data,
    onSuccess: (matrix) => {
      queryClient.setQueryData(keys.matrix(contactId), matrix);
      void queryClient.invalidateQueries({ queryKey: keys.history(contactId) });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', contactId] });
    },
  });
}

export function useConsentPurposes() {
  return useQuery({
    queryKey: keys.purposes,
    queryFn: async ({ signal }) => (await api<Page<ConsentPurpose>>('/consent-purposes', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

export function useAddPurpose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { key: string; label: string }) =>
      (await api<Single<ConsentPurpose>>('/consent-purposes', { method: 'POST', body })).data,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.purposes });
      void queryClient.invalidateQueries({ queryKey: ['consents'] });
    },
  });
}
