import { and, asc, desc, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { dealLines, dealStageHistory, deals } from '../../db/schema.ts';

export type DealRow = typeof deals.$inferSelect;
export type DealInsert = typeof deals.$inferInsert;
export type DealLineRow = typeof dealLines.$inferSelect;
export type DealLineInsert = typeof dealLines.$inferInsert;
export type HistoryRow = typeof dealStageHistory.$inferSelect;

export async function pageDeals(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(deals), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(deals)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getDeal(ex: Executor, id: string, forUpdate = false): Promise<DealRow | undefined> {
  const q = ex.select().from(deals).where(eq(deals.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertDeal(ex: Executor, v: DealInsert): Promise<DealRow> {
  const [row] = await ex.insert(deals).values(v).returning();
  return row!;
}

export async function updateDeal(ex: Executor, id: string, v: Partial<DealInsert>): Promise<DealRow> {
  const [row] = await ex.update(deals).set(v).where(eq(deals.id, id)).returning();
  return row!;
}

export async function deleteDeal(ex: Executor, id: string): Promise<void> {
  await ex.delete(deals).where(eq(deals.id, id));
}

export async function linesOf(ex: Executor, dealIds: string[]): Promise<Map<string, DealLineRow[]>> {
  const out = new Map<string, DealLineRow[]>();
  if (!dealIds.length) return out;
  const rows = await ex
    .select()
    .from(dealLines)
    .where(inArray(dealLines.dealId, dealIds))
    .orderBy(asc(dealLines.dealId), asc(dealLines.position));
  for (const r of rows) out.set(r.dealId, [...(out.get(r.dealId) ?? []), r]);
  return out;
}

export async function replaceLines(ex: Executor, dealId: string, lines: Omit<DealLineInsert, 'dealId'>[]) {
  await ex.delete(dealLines).where(eq(dealLines.dealId, dealId));
  if (!lines.length) return [];
  return ex
    .insert(dealLines)
    .values(lines.map((l) => ({ ...l, dealId })))
    .returning();
}

export async function insertHistory(ex: Executor, v: typeof dealStageHistory.$inferInsert): Promise<void> {
  await ex.insert(dealStageHistory).values(v);
}

/** A deal's moves, oldest first, a page at a time (keyset on moved_at, id). */
export async function historyOf(
  ex: Executor,
  dealId: string,
  opts: { after?: { at: string; id: string }; limit: number },
): Promise<HistoryRow[]> {
  const after = opts.after
    ? or(
        sql`${dealStageHistory.movedAt} > ${opts.after.at}::timestamptz`,
        and(
          sql`${dealStageHistory.movedAt} = ${opts.after.at}::timestamptz`,
          sql`${dealStageHistory.id} > ${opts.after.id}::uuid`,
        ),
      )
    : undefined;
  return ex
    .select()
    .from(dealStageHistory)
    .where(and(eq(dealStageHistory.dealId, dealId), after))
    .orderBy(asc(dealStageHistory.movedAt), asc(dealStageHistory.id))
    .limit(opts.limit + 1);
}

/** The rank of the card `position` places from the top of a column, and of the one before it. */
export async function neighbourRanks(
  ex: Executor,
  stageId: string,
  position: number,
  except: string,
): Promise<{ before: number | null; after: number | null }> {
  const rows = await queryRows<{ rank: number }>(
    ex,
    sql`SELECT rank FROM deals WHERE stage_id = ${stageId}::uuid AND id <> ${except}::uuid
        ORDER BY rank, id OFFSET ${Math.max(0, position - 1)} LIMIT 2`,
  );
  if (position === 0) return { before: null, after: rows[0] ? Number(rows[0].rank) : null };
  return {
    before: rows[0] ? Number(rows[0].rank) : null,
    after: rows[1] ? Number(rows[1].rank) : null,
  };
}

/** The rank above the top card of a column. */
export async function topRank(ex: Executor, stageId: string): Promise<number | null> {
  const rows = await queryRows<{ rank: number | null }>(
    ex,
    sql`SELECT min(rank) AS rank FROM deals WHERE stage_id = ${stageId}::uuid`,
  );
  return rows[0]?.rank === null || rows[0]?.rank === undefined ? null : Number(rows[0].rank);
}

/** Spreads a column's ranks out again (1024 apart) when a drop found no room between two cards. */
export async function rerankStage(ex: Executor, stageId: string): Promise<void> {
  await ex.execute(
    sql`UPDATE deals d SET rank = r.n * 1024 FROM (
          SELECT id, row_number() OVER (ORDER BY rank, id) AS n FROM deals WHERE stage_id = ${stageId}::uuid
        ) r WHERE d.id = r.id`,
  );
}

export type Named = { id: string; name: string };

/** Names of the accounts, contacts and owners a page of deals points at: three queries at most. */
export async function namesFor(
  ex: Executor,
  rows: readonly { accountId: string | null; contactId: string | null; ownerId: string | null }[],
) {
  const ids = (k: 'accountId' | 'contactId' | 'ownerId') => [
    ...new Set(rows.map((r) => r[k]).filter((x): x is string => !!x)),
  ];
  const q = (table: string, list: string[]) =>
    list.length
      ? queryRows<Named>(
          ex,
          sql`SELECT id, name FROM ${sql.raw(table)} WHERE id = ANY(${sql.param(list)}::uuid[])`,
        )
      : Promise.resolve([] as Named[]);
  // One after the other: inside a transaction they share one connection.
  const a = await q('accounts', ids('accountId'));
  const c = await q('contacts', ids('contactId'));
  const u = await q('users', ids('ownerId'));
  const map = (xs: Named[]) => new Map(xs.map((x) => [x.id, x.name]));
  return { accounts: map(a), contacts: map(c), users: map(u) };
}
export type DealNames = Awaited<ReturnType<typeof namesFor>>;

/** Open deals of a customer, by expected close (360° view, screen pop). */
export async function openDealsFor(
  ex: Executor,
  column: 'contact' | 'account',
  id: string,
  limit = 20,
): Promise<DealRow[]> {
  const c = column === 'contact' ? deals.contactId : deals.accountId;
  return ex
    .select()
    .from(deals)
    .where(and(eq(c, id), eq(deals.status, 'open')))
    .orderBy(sql`${deals.expectedCloseDate} ASC NULLS LAST`, desc(deals.createdAt))
    .limit(limit);
}

/** Forecast groups: open deals by close month, owner and stage probability. */
export async function forecastGroups(
  ex: Executor,
  opts: {
    from: string;
    to: string;
    pipelineId?: string | undefined;
    ownerId?: string | undefined;
    scope?: SQL;
  },
) {
  return queryRows<{
    month: string | null;
    owner_id: string | null;
    probability: number;
    n: number;
    amount: string;
  }>(
    ex,
    sql`SELECT to_char(d.expected_close_date, 'YYYY-MM') AS month, d.owner_id, s.probability,
          count(*)::int AS n, sum(d.amount_base)::text AS amount
        FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id
        WHERE d.status = 'open'
          AND (d.expected_close_date IS NULL OR (d.expected_close_date >= ${`${opts.from}-01`}::date
            AND d.expected_close_date < (${`${opts.to}-01`}::date + interval '1 month')))
          ${opts.pipelineId ? sql`AND d.pipeline_id = ${opts.pipelineId}::uuid` : sql``}
          ${opts.ownerId ? sql`AND d.owner_id = ${opts.ownerId}::uuid` : sql``}
          ${opts.scope ? sql`AND ${opts.scope}` : sql``}
        GROUP BY 1, 2, 3`,
  );
}
