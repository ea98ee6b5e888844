import type { ContactRow } from './contacts.repository.ts';

export function presentContact(r: ContactRow) {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    name: r.name ?? `${r.firstName} ${r.lastName}`.trim(),
    jobTitle: r.jobTitle,
    emails: r.emails,
    phones: r.phones,
    primaryEmail: r.primaryEmail,
    primaryPhone: r.primaryPhone,
    address: r.address ?? null,
    language: r.language,
    ownerId: r.ownerId,
    teamId: r.teamId,
    custom: r.custom,
    creditScore: r.creditScore,
    withheldFields: r.withheldFields,
    erasedAt: r.erasedAt?.toISOString() ?? null,
    nps: r.npsCategory
      ? { category: r.npsCategory, score: r.npsScore, answeredAt: r.npsAnsweredAt?.toISOString() ?? null }
      : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type ContactView = ReturnType<typeof presentContact>;
