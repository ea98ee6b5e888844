/**
 * The respondent's side of a survey: `GET/POST /s/{token}`, public and outside `/api/v1`. These
 * requests carry no session or CSRF token and never send anyone to the sign-in page.
 */
import type { AnswerValue, Language, QuestionType } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, toError } from '../../lib/api-client.ts';

export type PublicQuestion = {
  key: string;
  type: QuestionType;
  text: string;
  options?: { value: string; label: string }[] | undefined;
  required: boolean;
};

export type PublicSurvey = {
  survey: { name: string; description: string; language: Language };
  questions: PublicQuestion[];
  answers: Record<string, AnswerValue>;
  submittedAt: string | null;
  closed: boolean;
  expiresAt: string;
};

export type Answers = Record<string, AnswerValue | undefined>;

async function publicRequest<T>(token: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/s/${encodeURIComponent(token)}`, {
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : null);
  }
  if (!res.ok) throw await toError(res);
  return ((await res.json()) as { data: T }).data;
}

const key = (token: string) => ['survey-link', token] as const;

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: key(token),
    queryFn: () => publicRequest<PublicSurvey>(token),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useSubmitAnswers(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Answers) => {
      // Empty answers are left out: the API treats a missing answer as "not answered".
      const given = Object.fromEntries(
        Object.entries(answers).filter(
          ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
        ),
      );
      return publicRequest<{ submittedAt: string; edits: number; nps: string | null }>(token, {
        method: 'POST',
        body: JSON.stringify({ answers: given }),
      });
    },
    onSuccess: (result, answers) => {
      queryClient.setQueryData<PublicSurvey>(key(token), (old) =>
        old
          ? {
              ...old,
              answers: Object.fromEntries(
                Object.entries(answers).filter((e): e is [string, AnswerValue] => e[1] !== undefined),
              ),
              submittedAt: result.submittedAt,
            }
          : old,
      );
    },
  });
}

/** Per-question messages from a failed submit (`answers.<key>` → key). */
export function answerErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError)
    for (const err of e.errors) {
      const k = err.field.replace(/^answers\./, '');
      out[k] ??= err.code;
    }
  return out;
}
