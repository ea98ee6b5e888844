/** The weighted forecast of open deals by expected-close month and owner. */
import { type Actor, type ForecastQuery, forecast, monthRange, scopeOf } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { forbidden } from '../../http/errors.ts';
import { scopeSql } from '../shared/list-query.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';
import { forecastGroups, namesFor } from './deals.repository.ts';

const monthOf = (d: Date, plus = 0) => {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1));
  return x.toISOString().slice(0, 7);
};

export function createForecastService(deps: { db: Db; clock: () => Date }) {
  return {
    /**
     * Open deals within the actor's read scope, amount × stage probability, in the company
     * currency (each deal's amount converted at its own exchange rate).
     */
    async forecast(actor: Actor, q: ForecastQuery) {
      const scope = scopeOf(actor, 'read', 'deals');
      if (!scope) throw forbidden();
      const now = deps.clock();
      const from = q.from ?? monthOf(now);
      const to = q.to ?? monthOf(now, 11);
      const range = monthRange(from, to).length ? { from, to } : { from, to: from };
      const ownerId = q.ownerId === 'me' ? (actor.userId ?? undefined) : q.ownerId;
      const scopeFilter = scopeSql(scope, actor);
      const rows = await forecastGroups(deps.db, {
        ...range,
        pipelineId: q.pipelineId,
        ownerId,
        ...(scopeFilter ? { scope: scopeFilter } : {}),
      });
      const f = forecast(
        rows.map((r) => ({
          month: r.month,
          ownerId: r.owner_id,
          probability: Number(r.probability),
          count: Number(r.n),
          amount: Number(r.amount),
        })),
        range,
      );
      const names = await namesFor(
        deps.db,
        f.owners.map((o) => ({ ownerId: o.ownerId, accountId: null, contactId: null })),
      );
      const { currency } = await getValueSettings(deps.db);
      return {
        ...range,
        currency,
        ...f,
        owners: f.owners.map((o) => ({
          ...o,
          ownerName: o.ownerId ? (names.users.get(o.ownerId) ?? '') : null,
        })),
      };
    },
  };
}
export type ForecastService = ReturnType<typeof createForecastService>;
