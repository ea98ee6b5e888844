/** SLA compliance per priority, queue, channel or customer tier, for cases opened in a period. */
import type { Actor } from '@relata/domain';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { requireCan } from '../shared/guards.ts';
import { slaReport } from './cases.repository.ts';

const day = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
export const slaReportQuerySchema = z
  .object({
    from: day,
    to: day,
    groupBy: z.enum(['priority', 'queue', 'channel', 'tier']).default('priority'),
  })
  .strict();
export type SlaReportQuery = z.infer<typeof slaReportQuerySchema>;

const share = (met: number, missed: number) => (met + missed ? met / (met + missed) : null);

export async function slaCompliance(db: Db, actor: Actor, q: SlaReportQuery, now: Date) {
  requireCan(actor, 'read', 'cases');
  const from = new Date(`${q.from}T00:00:00Z`);
  const to = new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000);
  if (to <= from) throw invalid([{ field: 'to', code: 'invalid_value', message: 'must not be before from' }]);
  if (to.getTime() - from.getTime() > 3 * 366 * 86_400_000)
    throw invalid([{ field: 'to', code: 'invalid_value', message: 'a report covers at most three years' }]);
  const rows = await slaReport(db, from, to, q.groupBy, now);
  const groups = rows.map((r) => ({
    key: r.key,
    label: r.label,
    cases: r.cases,
    firstResponse: { met: r.fr_met, missed: r.fr_missed, compliance: share(r.fr_met, r.fr_missed) },
    resolution: { met: r.res_met, missed: r.res_missed, compliance: share(r.res_met, r.res_missed) },
    avgFirstResponseMinutes: r.avg_first_response_minutes,
    avgResolutionMinutes: r.avg_resolution_minutes,
  }));
  const sum = (f: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + f(g), 0);
  const frMet = sum((g) => g.firstResponse.met);
  const frMissed = sum((g) => g.firstResponse.missed);
  const resMet = sum((g) => g.resolution.met);
  const resMissed = sum((g) => g.resolution.missed);
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    groups,
    total: {
      cases: sum((g) => g.cases),
      firstResponse: { met: frMet, missed: frMissed, compliance: share(frMet, frMissed) },
      resolution: { met: resMet, missed: resMissed, compliance: share(resMet, resMissed) },
    },
  };
}
