import type { LifecycleState, NpsCategory } from '@relata/domain';
import { useQuery } from '@tanstack/react-query';
import { api, type Single } from '../../lib/api-client.ts';

/** A contact's latest NPS answer (on contact objects). */
export type ContactNps = { category: NpsCategory; score: number; answeredAt: string | null };

/** An account's NPS over its contacts' latest answers (score null without answers). */
export type NpsTally = { score: number | null; promoters: number; passives: number; detractors: number };

export type NpsSummary = {
  overall: NpsTally;
  byMonth: (NpsTally & { month: string })[];
  byTier: (NpsTally & { tier: string | null })[];
  byLifecycleState: (NpsTally & { state: LifecycleState })[];
};

export function useNpsSummary(months: number) {
  return useQuery({
    queryKey: ['nps', 'summary', months],
    queryFn: async ({ signal }) =>
      (await api<Single<NpsSummary>>('/nps/summary', { query: { months }, signal })).data,
  });
}

export const answered = (n: Pick<NpsTally, 'promoters' | 'passives' | 'detractors'>) =>
  n.promoters + n.passives + n.detractors;
