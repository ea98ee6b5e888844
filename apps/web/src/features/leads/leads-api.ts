import type {
  LeadActivityKind,
  LeadFormField,
  LeadScoring,
  LeadStatus,
  MatchedCondition,
  ScoreReason,
} from '@relata/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, apiVersioned, type Page, type Single } from '../../lib/api-client.ts';
import { type ListParams, listSearchParams } from '../../lib/list-query.ts';

/** A lead as the API presents it (docs/leads.md). */
export type Lead = {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  jobTitle: string | null;
  country: string | null;
  language: string | null;
  message: string | null;
  source: string;
  campaign: string | null;
  score: number;
  scoreReasons: ScoreReason[];
  status: LeadStatus;
  ownerId: string | null;
  teamId: string | null;
  formId: string | null;
  matchedContactId: string | null;
  matchedAccountId: string | null;
  duplicateOfId: string | null;
  consent: {
    purpose: string;
    channel: string;
    text: string;
    capturedAt: string;
    formName: string | null;
    recordedAt: string | null;
  } | null;
  conversion: {
    convertedAt: string;
    convertedBy: string | null;
    contactId: string | null;
    accountId: string | null;
    dealId: string | null;
  } | null;
  routing?: {
    ruleName: string | null;
    reason: string;
    matched: MatchedCondition[];
    decidedAt: string;
    assigneeId: string | null;
  } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type LeadDuplicate = {
  type: 'contact' | 'account' | 'lead';
  record: { id: string; name: string; email: string | null; phone: string | null };
  reasons: ('email' | 'phone' | 'domain' | 'company')[];
};

export type LeadActivity = {
  id: string;
  kind: LeadActivityKind;
  channel: string | null;
  direction: 'inbound' | 'outbound' | null;
  subject: string;
  body: string;
  actorName: string;
  occurredAt: string;
  movedTo: { type: 'interaction' | 'note'; id: string } | null;
};

export type LeadForm = {
  id: string;
  key: string;
  name: string;
  fields: LeadFormField[];
  defaultSource: string;
  defaultCampaign: string | null;
  consentText: string | null;
  consentRequired: boolean;
  consentPurpose: string;
  consentChannel: 'email' | 'phone' | 'sms' | 'post';
  thankYouMessage: string;
  redirectUrl: string | null;
  rateLimitPerHour: number;
  language: 'en' | 'sv' | 'nb' | 'ru';
  active: boolean;
  submissions: number;
  lastSubmissionAt: string | null;
  endpoint: string;
  embed: { html: string; script: string };
  version: number;
};

const keys = {
  list: (p: ListParams) => ['leads', 'list', p] as const,
  one: (id: string) => ['leads', 'one', id] as const,
  duplicates: (id: string) => ['leads', 'duplicates', id] as const,
  activities: (id: string) => ['leads', 'activities', id] as const,
  forms: ['lead-forms'] as const,
  scoring: ['lead-scoring'] as const,
};

export function useLeads(params: ListParams) {
  return useInfiniteQuery({
    queryKey: keys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Lead>>('/leads', { query: listSearchParams(params, pageParam), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async ({ signal }) => (await api<Single<Lead>>(`/leads/${id}`, { signal })).data,
  });
}

/** Everything that shows a lead: after a change, all of it is fetched again. */
function useInvalidateLead() {
  const queryClient = useQueryClient();
  return (lead?: Lead) => {
    if (lead) queryClient.setQueryData(keys.one(lead.id), (old: Lead | undefined) => ({ ...old, ...lead }));
    void queryClient.invalidateQueries({ queryKey: ['leads'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateLead() {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: async (body: unknown) => (await api<Single<Lead>>('/leads', { method: 'POST', body })).data,
    onSuccess: (lead) => invalidate(lead),
  });
}

export function useUpdateLead() {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: async ({
      id,
      version,
      patch,
    }: {
      id: string;
      version: number;
      patch: Record<string, unknown>;
    }) => (await api<Single<Lead>>(`/leads/${id}`, { method: 'PATCH', body: patch, version })).data,
    onSuccess: (lead) => invalidate(lead),
  });
}

export function useDeleteLead() {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>(`/leads/${id}`, { method: 'DELETE', version }),
    onSuccess: () => invalidate(),
  });
}

export type ConvertInput = {
  contactId?: string | null;
  accountId?: string | null;
  createAccount: boolean;
  createDeal: boolean;
  dealName?: string | null;
  amount?: number | null;
  currency?: string | null;
};

export function useConvertLead(id: string) {
  const invalidate = useInvalidateLead();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: ConvertInput }) =>
      (await api<Single<Lead>>(`/leads/${id}/convert`, { method: 'POST', body, version })).data,
    onSuccess: (lead) => {
      invalidate(lead);
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}

export function useLeadDuplicates(id: string) {
  return useQuery({
    queryKey: keys.duplicates(id),
    queryFn: async ({ signal }) =>
      (await api<{ data: LeadDuplicate[] }>(`/leads/${id}/duplicates`, { signal })).data,
  });
}

export function useLeadActivities(id: string) {
  return useInfiniteQuery({
    queryKey: keys.activities(id),
    queryFn: ({ pageParam, signal }) =>
      api<Page<LeadActivity>>(`/leads/${id}/activities`, {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAddLeadActivity(id: string) {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Single<LeadActivity>>(`/leads/${id}/activities`, { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

export function useLeadForms() {
  return useQuery({
    queryKey: keys.forms,
    queryFn: async ({ signal }) =>
      (await api<Page<LeadForm>>('/lead-forms', { query: { limit: 200 }, signal })).data,
  });
}

export function useLeadFormMutations() {
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: keys.forms });
  return {
    save: useMutation({
      mutationFn: async ({ id, version, body }: { id?: string; version?: number; body: unknown }) =>
        (
          await api<Single<LeadForm>>(id ? `/lead-forms/${id}` : '/lead-forms', {
            method: id ? 'PATCH' : 'POST',
            body,
            ...(version !== undefined ? { version } : {}),
          })
        ).data,
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api<void>(`/lead-forms/${id}`, { method: 'DELETE', version }),
      onSuccess: done,
    }),
  };
}

export function useLeadScoring() {
  return useQuery({
    queryKey: keys.scoring,
    queryFn: async ({ signal }) => {
      const r = await apiVersioned<Single<LeadScoring>>('/lead-scoring', { signal });
      return { rules: r.body.data, version: r.version ?? 1 };
    },
  });
}

export function useSaveLeadScoring() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ rules, version }: { rules: LeadScoring; version: number }) => {
      const r = await apiVersioned<Single<LeadScoring>>('/lead-scoring', {
        method: 'PUT',
        body: rules,
        version,
      });
      return { rules: r.body.data, version: r.version ?? version + 1 };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.scoring, saved);
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}
