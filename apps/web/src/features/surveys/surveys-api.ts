import type { AnswerValue, Language, QuestionType, SurveyQuestion } from '@relata/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

/** Surveys as the API presents them (docs/surveys-consent.md). */
export type SurveyStatus = 'draft' | 'open' | 'closed';
export const surveyStatuses: readonly SurveyStatus[] = ['draft', 'open', 'closed'];

export type Survey = {
  id: string;
  name: string;
  description: string;
  /** Name and description by language. */
  names?: Partial<Record<Language, string>>;
  descriptions?: Partial<Record<Language, string>>;
  language: Language;
  status: SurveyStatus;
  linkDays: number;
  /** The question version new invitations get; it grows when sent questions change. */
  currentVersion: number;
  questions: SurveyQuestion[];
  /** Only on `GET /surveys/{id}`. */
  invitations?: number;
  responses?: number;
  ownerId: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Invitation = {
  id: string;
  contactId: string | null;
  version: number;
  expiresAt: string;
  emailId: string | null;
  openedAt: string | null;
  respondedAt: string | null;
  createdAt: string;
};

export type InviteResult = {
  data: { id: string; contactId: string; token: string; url: string; emailed: boolean }[];
  blocked: { contactId: string; reason: string }[];
};

export type SurveyResponse = {
  id: string;
  invitationId: string;
  contactId: string | null;
  version: number;
  answers: Record<string, AnswerValue>;
  interactionId: string | null;
  submittedAt: string;
  updatedAt: string;
  edits: number;
};

export type NpsCounts = { promoters: number; passives: number; detractors: number; score: number | null };

export type QuestionSummary = {
  key: string;
  type: QuestionType;
  text: string;
  answered: number;
  /** Answers per value (options, scores, numbers, dates, texts). */
  counts: Record<string, number>;
  mean: number | null;
  nps?: NpsCounts;
  samples?: AnswerValue[];
};

export type SurveySummary = { responses: number; questions: QuestionSummary[] };

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (q: string) => ['surveys', 'list', q] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  part: (id: string, part: 'invitations' | 'responses' | 'summary') => ['surveys', part, id] as const,
};

export function useSurveys(q: string) {
  return useInfiniteQuery({
    queryKey: surveyKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Survey>>('/surveys', { query: { q, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.one(id),
    queryFn: async ({ signal }) => (await api<Single<Survey>>(`/surveys/${id}`, { signal })).data,
    enabled,
  });
}

function usePaged<T>(id: string, part: 'invitations' | 'responses') {
  return useInfiniteQuery({
    queryKey: surveyKeys.part(id, part),
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(`/surveys/${id}/${part}`, { query: { cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useInvitations = (id: string) => usePaged<Invitation>(id, 'invitations');
export const useResponses = (id: string) => usePaged<SurveyResponse>(id, 'responses');

export function useSurveySummary(id: string) {
  return useQuery({
    queryKey: surveyKeys.part(id, 'summary'),
    queryFn: async ({ signal }) =>
      (await api<Single<SurveySummary>>(`/surveys/${id}/summary`, { signal })).data,
  });
}

export function useSurveyMutations() {
  const queryClient = useQueryClient();
  const refresh = (s: Survey) => {
    queryClient.setQueryData<Survey>(surveyKeys.one(s.id), (old) => ({ ...old, ...s }));
    void queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
  };
  const create = useMutation({
    mutationFn: async (body: unknown) =>
      (await api<Single<Survey>>('/surveys', { method: 'POST', body })).data,
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async ({ survey, patch }: { survey: Survey; patch: Record<string, unknown> }) =>
      (
        await api<Single<Survey>>(`/surveys/${survey.id}`, {
          method: 'PATCH',
          body: patch,
          version: survey.version,
        })
      ).data,
    onSuccess: (s) => {
      refresh(s);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.one(s.id) });
      void queryClient.invalidateQueries({ queryKey: surveyKeys.part(s.id, 'summary') });
    },
  });
  const remove = useMutation({
    mutationFn: (survey: Survey) =>
      api<void>(`/surveys/${survey.id}`, { method: 'DELETE', version: survey.version }),
    onSuccess: (_, survey) => {
      queryClient.removeQueries({ queryKey: surveyKeys.one(survey.id) });
      void queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
    },
  });
  return { create, update, remove };
}

export function useInvite(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { contactIds: string[]; sendEmail: boolean }) =>
      api<InviteResult>(`/surveys/${surveyId}/invitations`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.one(surveyId) });
      void queryClient.invalidateQueries({ queryKey: surveyKeys.part(surveyId, 'invitations') });
      void queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
    },
  });
}
