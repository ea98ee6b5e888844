import { and, asc, eq, getTableColumns, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { dealStageTotals, lostReasons, pipelineStages, pipelines } from '../../db/schema.ts';

export type PipelineRow = typeof pipelines.$inferSelect;
export type PipelineInsert = typeof pipelines.$inferInsert;
export type StageRow = typeof pipelineStages.$inferSelect;
export type StageInsert = typeof pipelineStages.$inferInsert;
export type LostReasonRow = typeof lostReasons.$inferSelect;
export type LostReasonInsert = typeof lostReasons.$inferInsert;

export async function pagePipelines(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(pipelines), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(pipelines)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getPipeline(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<PipelineRow | undefined> {
  const q = ex.select().from(pipelines).where(eq(pipelines.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function defaultPipeline(ex: Executor): Promise<PipelineRow | undefined> {
  const [row] = await ex
    .select()
    .from(pipelines)
    .orderBy(sql`${pipelines.isDefault} DESC`, asc(pipelines.position), asc(pipelines.createdAt))
    .limit(1);
  return row;
}

export async function stagesOf(ex: Executor, pipelineIds: string[]): Promise<Map<string, StageRow[]>> {
  const out = new Map<string, StageRow[]>();
  if (!pipelineIds.length) return out;
  const rows = await ex
    .select()
    .from(pipelineStages)
    .where(inArray(pipelineStages.pipelineId, pipelineIds))
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position));
  for (const r of rows) out.set(r.pipelineId, [...(out.get(r.pipelineId) ?? []), r]);
  return out;
}

export async function getStage(ex: Executor, id: string): Promise<StageRow | undefined> {
  const [row] = await ex.select().from(pipelineStages).where(eq(pipelineStages.id, id));
  return row;
}

export async function stagesByIds(ex: Executor, ids: string[]): Promise<StageRow[]> {
  return ids.length ? ex.select().from(pipelineStages).where(inArray(pipelineStages.id, ids)) : [];
}

export async function insertPipeline(ex: Executor, v: PipelineInsert): Promise<PipelineRow> {
  const [row] = await ex.insert(pipelines).values(v).returning();
  return row!;
}

export async function updatePipeline(
  ex: Executor,
  id: string,
  v: Partial<PipelineInsert>,
): Promise<PipelineRow> {
  const [row] = await ex.update(pipelines).set(v).where(eq(pipelines.id, id)).returning();
  return row!;
}

export async function deletePipeline(ex: Executor, id: string): Promise<void> {
  await ex.delete(pipelines).where(eq(pipelines.id, id));
}

/** Takes the default flag from every other pipeline. */
export async function clearDefault(ex: Executor, except: string): Promise<void> {
  await ex
    .update(pipelines)
    .set({ isDefault: false })
    .where(and(eq(pipelines.isDefault, true), ne(pipelines.id, except)));
}

export async function insertStages(ex: Executor, rows: StageInsert[]): Promise<StageRow[]> {
  if (!rows.length) return [];
  const created = await ex.insert(pipelineStages).values(rows).returning();
  await ex
    .insert(dealStageTotals)
    .values(created.map((s) => ({ stageId: s.id })))
    .onConflictDoNothing();
  return created;
}

export async function updateStage(ex: Executor, id: string, v: Partial<StageInsert>): Promise<void> {
  await ex.update(pipelineStages).set(v).where(eq(pipelineStages.id, id));
}

export async function deleteStages(ex: Executor, ids: string[]): Promise<void> {
  if (ids.length) await ex.delete(pipelineStages).where(inArray(pipelineStages.id, ids));
}

/** Deals per stage, from the trigger-kept totals. */
export async function dealCounts(ex: Executor, stageIds: string[]): Promise<Map<string, number>> {
  if (!stageIds.length) return new Map();
  const rows = await ex
    .select({ stageId: dealStageTotals.stageId, deals: dealStageTotals.deals })
    .from(dealStageTotals)
    .where(inArray(dealStageTotals.stageId, stageIds));
  return new Map(rows.map((r) => [r.stageId, Number(r.deals)]));
}

/**
 * Moves every deal of a stage that is about to be removed into another stage of the same
 * pipeline, writing one history row per deal, in two statements.
 */
export async function moveAllDeals(
  ex: Executor,
  from: StageRow,
  to: StageRow,
  by: string | null,
  at: Date,
): Promise<number> {
  const moved = await queryRows<{ id: string }>(
    ex,
    sql`UPDATE deals SET stage_id = ${to.id}::uuid, stage_entered_at = ${at.toISOString()}::timestamptz,
          updated_at = ${at.toISOString()}::timestamptz, version = version + 1
        WHERE stage_id = ${from.id}::uuid RETURNING id`,
  );
  if (moved.length) {
    await ex.execute(
      sql`INSERT INTO deal_stage_history (deal_id, from_stage_id, to_stage_id, from_stage_name, to_stage_name,
            moved_by, moved_at, seconds_in_from)
          SELECT d.id, ${from.id}::uuid, ${to.id}::uuid, ${from.name}, ${to.name}, ${by}::uuid,
            ${at.toISOString()}::timestamptz, NULL
          FROM unnest(${sql.param(moved.map((m) => m.id))}::uuid[]) AS d (id)`,
    );
  }
  return moved.length;
}

export async function pipelineHasDeals(ex: Executor, id: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    ex,
    sql`SELECT 1 AS n FROM deals WHERE pipeline_id = ${id}::uuid LIMIT 1`,
  );
  return rows.length > 0;
}

// Lost reasons ---------------------------------------------------------------------------------------

export async function pageLostReasons(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(lostReasons), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(lostReasons)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getLostReason(ex: Executor, id: string, forUpdate = false) {
  const q = ex.select().from(lostReasons).where(eq(lostReasons.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function lostReasonByLabel(ex: Executor, label: string): Promise<LostReasonRow | undefined> {
  const [row] = await ex.select().from(lostReasons).where(sql`lower(${lostReasons.label}) = lower(${label})`);
  return row;
}

export async function insertLostReason(ex: Executor, v: LostReasonInsert): Promise<LostReasonRow> {
  const [row] = await ex.insert(lostReasons).values(v).returning();
  return row!;
}

export async function updateLostReason(ex: Executor, id: string, v: Partial<LostReasonInsert>) {
  const [row] = await ex.update(lostReasons).set(v).where(eq(lostReasons.id, id)).returning();
  return row!;
}

export async function deleteLostReason(ex: Executor, id: string): Promise<void> {
  await ex.delete(lostReasons).where(eq(lostReasons.id, id));
}
