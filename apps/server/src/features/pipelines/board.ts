/**
 * The pipeline board: per stage the number of deals, their amount and weighted amount, and the
 * first cards of the column with a cursor for more. A fixed number of queries at any size: stage
 * totals come from the trigger-kept table (or one grouped index scan when filtered), and the
 * cards of all columns from one LATERAL query over the (stage, rank) index.
 */
import { type Actor, daysSince, idSchema, scopeOf, weightedAmount } from '@relata/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, type Executor, queryRows } from '../../db/connection.ts';
import { encodeCursor } from '../../http/cursor.ts';
import { forbidden } from '../../http/errors.ts';
import { authorize } from '../shared/guards.ts';
import { andAll, scopeSql } from '../shared/list-query.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';
import { presentPipeline } from './pipelines.presenter.ts';
import { getPipeline, stagesOf } from './pipelines.repository.ts';

export const boardQuerySchema = z
  .object({
    /** Cards per column (1–100, default 20). */
    limit: z.coerce.number().int().min(1).max(100).default(20),
    ownerId: z.union([idSchema, z.literal('me')]).optional(),
    teamId: idSchema.optional(),
  })
  .strict();
export type BoardQuery = z.infer<typeof boardQuerySchema>;

type CardRow = {
  id: string;
  stage_id: string;
  name: string;
  amount: number;
  currency: string;
  amount_base: number;
  rank: number;
  expected_close_date: string | null;
  stage_entered_at: Date | string;
  status: string;
  version: number;
  owner_id: string | null;
  owner_name: string | null;
  account_id: string | null;
  account_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
};

async function totals(ex: Executor, pipelineId: string, filter: SQL | undefined) {
  const rows = filter
    ? await queryRows<{ stage_id: string; deals: number; amount: string }>(
        ex,
        sql`SELECT stage_id, count(*)::int AS deals, coalesce(sum(amount_base), 0)::text AS amount
            FROM deals WHERE pipeline_id = ${pipelineId}::uuid AND ${filter} GROUP BY stage_id`,
      )
    : await queryRows<{ stage_id: string; deals: number; amount: string }>(
        ex,
        sql`SELECT t.stage_id, t.deals::int AS deals, t.amount_base::text AS amount FROM deal_stage_totals t
            JOIN pipeline_stages s ON s.id = t.stage_id WHERE s.pipeline_id = ${pipelineId}::uuid`,
      );
  return new Map(rows.map((r) => [r.stage_id, { count: Number(r.deals), amount: Number(r.amount) }]));
}

async function cards(ex: Executor, pipelineId: string, filter: SQL | undefined, limit: number) {
  return queryRows<CardRow>(
    ex,
    sql`SELECT d.id, d.stage_id, d.name, d.amount, d.currency, d.amount_base, d.rank, d.expected_close_date::text,
          d.stage_entered_at, d.status, d.version, d.owner_id, u.name AS owner_name, d.account_id,
          a.name AS account_name, d.contact_id, c.name AS contact_name
        FROM pipeline_stages s
        CROSS JOIN LATERAL (
          SELECT * FROM deals WHERE stage_id = s.id ${filter ? sql`AND ${filter}` : sql``}
          ORDER BY rank, id LIMIT ${limit + 1}
        ) d
        LEFT JOIN users u ON u.id = d.owner_id
        LEFT JOIN accounts a ON a.id = d.account_id
        LEFT JOIN contacts c ON c.id = d.contact_id
        WHERE s.pipeline_id = ${pipelineId}::uuid
        ORDER BY s.position, d.rank, d.id`,
  );
}

export function createBoardService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  return {
    async board(actor: Actor, pipelineId: string, q: BoardQuery) {
      const pipeline = authorize(actor, 'read', 'pipelines', await getPipeline(db, pipelineId), 'Pipeline');
      const scope = scopeOf(actor, 'read', 'deals');
      if (!scope) throw forbidden();
      const ownerId = q.ownerId === 'me' ? actor.userId : q.ownerId;
      const parts = [
        scopeSql(scope, actor),
        ownerId ? sql`owner_id = ${ownerId}::uuid` : undefined,
        q.teamId ? sql`team_id = ${q.teamId}::uuid` : undefined,
      ].filter((p): p is SQL => p !== undefined);
      const filter = parts.length ? andAll(parts) : undefined;
      const [stages, sums, rows, settings] = await Promise.all([
        stagesOf(db, [pipelineId]).then((m) => m.get(pipelineId) ?? []),
        totals(db, pipelineId, filter),
        cards(db, pipelineId, filter, q.limit),
        getValueSettings(db),
      ]);
      const now = deps.clock();
      const byStage = new Map<string, CardRow[]>();
      for (const r of rows) byStage.set(r.stage_id, [...(byStage.get(r.stage_id) ?? []), r]);
      const empty = () => ({ count: 0, amount: 0, weighted: 0 });
      const summary = { open: empty(), won: empty(), lost: empty() };
      const columns = stages.map((s) => {
        const sum = sums.get(s.id) ?? { count: 0, amount: 0 };
        const weighted = weightedAmount(sum.amount, s.probability);
        const k = summary[s.kind];
        k.count += sum.count;
        k.amount += sum.amount;
        k.weighted += weighted;
        const list = byStage.get(s.id) ?? [];
        const page = list.slice(0, q.limit);
        const last = page[page.length - 1];
        return {
          id: s.id,
          name: s.name,
          kind: s.kind,
          probability: s.probability,
          position: s.position,
          count: sum.count,
          amount: sum.amount,
          weighted,
          deals: page.map((d) => ({
            id: d.id,
            name: d.name,
            stageId: d.stage_id,
            status: d.status,
            amount: Number(d.amount),
            currency: d.currency,
            amountBase: Number(d.amount_base),
            expectedCloseDate: d.expected_close_date,
            daysInStage: daysSince(new Date(d.stage_entered_at), now),
            owner: d.owner_id ? { id: d.owner_id, name: d.owner_name ?? '' } : null,
            account: d.account_id ? { id: d.account_id, name: d.account_name ?? '' } : null,
            contact: d.contact_id ? { id: d.contact_id, name: d.contact_name ?? '' } : null,
            rank: Number(d.rank),
            version: d.version,
          })),
          /** For `GET /deals?filter[stageId]=<id>&sort=rank&cursor=…` (with the same owner/team filter). */
          nextCursor:
            list.length > q.limit && last
              ? encodeCursor({ s: 'rank:asc', v: String(Number(last.rank)), id: last.id })
              : null,
        };
      });
      return {
        pipeline: presentPipeline(pipeline, stages),
        currency: settings.currency,
        stages: columns,
        totals: summary,
      };
    },
  };
}
export type BoardService = ReturnType<typeof createBoardService>;
