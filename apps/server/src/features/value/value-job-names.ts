/** Job names of the value engine, shared by the producers (orders, CLI) and the worker. */
export const VALUE_RECOMPUTE_JOB = 'value.recompute';
export const VALUE_RESCORE_JOB = 'value.rescore';
export const VALUE_NIGHTLY_JOB = 'value.nightly';

export type RescoreTarget = { type: 'contact' | 'account'; id: string };

/** The customers an order, invoice or change touches, deduplicated. */
export function rescoreTargets(
  ...rows: ({ contactId: string | null; accountId: string | null } | undefined)[]
) {
  const out = new Map<string, RescoreTarget>();
  for (const r of rows) {
    if (!r) continue;
    if (r.contactId) out.set(`c${r.contactId}`, { type: 'contact', id: r.contactId });
    if (r.accountId) out.set(`a${r.accountId}`, { type: 'account', id: r.accountId });
  }
  return [...out.values()];
}
