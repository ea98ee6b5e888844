import type { AccountRow } from './accounts.repository.ts';

export function presentAccount(r: AccountRow) {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    type: r.type,
    industry: r.industry,
    size: r.size,
    address: r.address ?? null,
    ownerId: r.ownerId,
    teamId: r.teamId,
    custom: r.custom,
    creditScore: r.creditScore,
    nps: {
      score: r.npsScore === null ? null : Number(r.npsScore),
      promoters: r.npsPromoters,
      passives: r.npsPassives,
      detractors: r.npsDetractors,
    },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type AccountView = ReturnType<typeof presentAccount>;
