import type { CustomerType } from '@relata/domain';

/** The search of the /flows page: a day range and the customer type, all optional. */
export type FlowsSearch = { from?: string; to?: string; type?: CustomerType };

const day = /^\d{4}-\d{2}-\d{2}$/;

export const flowsSearch = (search: Record<string, unknown>): FlowsSearch => ({
  ...(typeof search.from === 'string' && day.test(search.from) ? { from: search.from } : {}),
  ...(typeof search.to === 'string' && day.test(search.to) ? { to: search.to } : {}),
  ...(search.type === 'contact' || search.type === 'account' ? { type: search.type } : {}),
});

/** A local calendar day as YYYY-MM-DD. */
export const localIsoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** From `days` days ago to today. */
export function lastDays(days: number): { from: string; to: string } {
  const to = new Date();
  const from = new Date(to);
  from.setDate(to.getDate() - days);
  return { from: localIsoDay(from), to: localIsoDay(to) };
}
