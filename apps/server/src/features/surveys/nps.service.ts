/** The NPS dashboard: overall, by month, by value tier and by lifecycle state. */
import { type Actor, npsScore } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { requireCan } from '../shared/guards.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
type Counts = { promoters: number; passives: number; detractors: number };
const withScore = <T extends Counts>(r: T) => ({
  ...r,
  promoters: Number(r.promoters),
  passives: Number(r.passives),
  detractors: Number(r.detractors),
  score: npsScore({
    promoters: Number(r.promoters),
    passives: Number(r.passives),
    detractors: Number(r.detractors),
  }),
});
const counted = sql.raw(`count(*) FILTER (WHERE cat = 'promoter')::int AS promoters,
  count(*) FILTER (WHERE cat = 'passive')::int AS passives,
  count(*) FILTER (WHERE cat = 'detractor')::int AS detractors`);

export function createNpsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async summary(actor: Actor, q: { months: number }) {
      requireCan(actor, 'read', 'contacts');
      const latest = sql`SELECT c.id, c.nps_category AS cat FROM contacts c WHERE c.nps_category IS NOT NULL`;
      const [overall, trend, byTier, byState] = await Promise.all([
        db.execute(sql`SELECT ${counted} FROM (${latest}) x`),
        // Every NPS answer given in a month counts for that month.
        db.execute(sql`
          SELECT to_char(date_trunc('month', recorded_at), 'YYYY-MM') AS month, ${counted}
          FROM (SELECT recorded_at, CASE WHEN (value #>> '{}')::int >= 9 THEN 'promoter'
                                         WHEN (value #>> '{}')::int >= 7 THEN 'passive' ELSE 'detractor' END AS cat
                FROM facts WHERE key = 'nps' AND recorded_at >= date_trunc('month', now()) - make_interval(months => ${q.months - 1})) x
          GROUP BY 1 ORDER BY 1`),
        db.execute(sql`
          SELECT v.tier, ${counted} FROM (${latest}) x
          LEFT JOIN customer_values v ON v.customer_type = 'contact' AND v.customer_id = x.id GROUP BY 1 ORDER BY 1 NULLS LAST`),
        db.execute(sql`
          SELECT coalesce(v.lifecycle_state, 'prospect') AS state, ${counted} FROM (${latest}) x
          LEFT JOIN customer_values v ON v.customer_type = 'contact' AND v.customer_id = x.id GROUP BY 1 ORDER BY 1`),
      ]);
      return {
        overall: withScore(rowsOf<Counts>(overall)[0] ?? { promoters: 0, passives: 0, detractors: 0 }),
        byMonth: rowsOf<Counts & { month: string }>(trend).map(withScore),
        byTier: rowsOf<Counts & { tier: string | null }>(byTier).map(withScore),
        byLifecycleState: rowsOf<Counts & { state: string }>(byState).map(withScore),
      };
    },
  };
}
export type NpsService = ReturnType<typeof createNpsService>;
