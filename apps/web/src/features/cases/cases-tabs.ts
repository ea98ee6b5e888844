export const casesTabs = ['queue', 'disputes', 'sla'] as const;
export type CasesTab = (typeof casesTabs)[number];
