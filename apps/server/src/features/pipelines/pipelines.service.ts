import {
  type Actor,
  checkStages,
  diffFields,
  type FieldError,
  type ListQuery,
  type LostReasonCreate,
  type LostReasonUpdate,
  type PipelineCreate,
  type PipelineUpdate,
  planStageChanges,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import {
  type LostReasonView,
  type PipelineView,
  presentLostReason,
  presentPipeline,
} from './pipelines.presenter.ts';
import * as repo from './pipelines.repository.ts';

const col = (c: string) => sql.raw(c);
const pipelineFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  position: { kind: 'number', sortable: true, notNull: true, expr: col('position') },
  isDefault: { kind: 'boolean', expr: col('is_default') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const reasonFields: ListFields = {
  label: { kind: 'text', sortable: true, notNull: true, expr: col('label') },
  position: { kind: 'number', sortable: true, notNull: true, expr: col('position') },
  active: { kind: 'boolean', expr: col('active') },
};
/** Set-up records have no owner: an "own" or "team" scope on them reaches nothing. */
const unowned = { owner: 'NULL::uuid', team: 'NULL::uuid' };
const stageNames = (stages: { name: string }[]) => stages.map((s) => s.name);

export function createPipelineService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  async function view(ex: Executor, row: repo.PipelineRow): Promise<PipelineView> {
    return presentPipeline(row, (await repo.stagesOf(ex, [row.id])).get(row.id) ?? []);
  }

  async function nameTaken(ex: Executor, name: string, except?: string) {
    const rows = await ex.execute(
      sql`SELECT 1 FROM pipelines WHERE lower(name) = lower(${name}) AND id IS DISTINCT FROM ${except ?? null}::uuid`,
    );
    if ((rows as unknown as { rows: unknown[] }).rows.length)
      throw new AppError('conflict', 'Another pipeline has this name', {
        errors: [{ field: 'name', code: 'duplicate', message: 'another pipeline has this name' }],
      });
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<PipelineView>> {
      const req = pageRequest({
        actor,
        resource: 'pipelines',
        query,
        fields: pipelineFields,
        defaultSort: { field: 'position', dir: 'asc' },
        idExpr: col('id'),
        scopeColumns: unowned,
      });
      const rows = await repo.pagePipelines(db, req.where, req.order, req.sortValue, req.limit);
      const stages = await repo.stagesOf(
        db,
        rows.map((r) => r.id),
      );
      return toPage(rows, req, (r) => presentPipeline(r, stages.get(r.id) ?? []));
    },

    async get(actor: Actor, id: string): Promise<PipelineView> {
      return view(db, authorize(actor, 'read', 'pipelines', await repo.getPipeline(db, id), 'Pipeline'));
    },

    async create(actor: Actor, input: PipelineCreate): Promise<PipelineView> {
      requireCan(actor, 'create', 'pipelines');
      const errors = checkStages(input.stages);
      const withIds = input.stages.flatMap((s, i) =>
        s.id ? [{ field: `stages.${i}.id`, code: 'invalid_value', message: 'a new stage has no id' }] : [],
      );
      if (errors.length || withIds.length) throw invalid([...errors, ...withIds]);
      return db.transaction(async (tx) => {
        await nameTaken(tx, input.name);
        const row = await repo.insertPipeline(tx, {
          name: input.name,
          position: input.position,
          isDefault: input.isDefault,
        });
        if (input.isDefault) await repo.clearDefault(tx, row.id);
        await repo.insertStages(
          tx,
          input.stages.map((s, i) => ({ ...s, id: undefined, pipelineId: row.id, position: i + 1 })),
        );
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'pipeline', row.id, {
            name: { from: null, to: row.name },
            stages: { from: null, to: stageNames(input.stages) },
          }),
        );
        return view(tx, row);
      });
    },

    async update(actor: Actor, id: string, input: PipelineUpdate, expected?: number): Promise<PipelineView> {
      return db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'pipelines', await repo.getPipeline(tx, id, true), 'Pipeline');
        checkVersion(cur.version, expected);
        if (input.name !== undefined) await nameTaken(tx, input.name, id);
        const before = (await repo.stagesOf(tx, [id])).get(id) ?? [];
        let stagesChange: { from: string[]; to: string[] } | undefined;
        if (input.stages) {
          const counts = await repo.dealCounts(
            tx,
            before.map((s) => s.id),
          );
          const plan = planStageChanges(before, input.stages, counts, input.stageMoves);
          const byId = new Map(before.map((s) => [s.id, s]));
          const errors: FieldError[] = [...plan.errors];
          plan.keep.forEach((s, i) => {
            const old = s.id ? byId.get(s.id) : undefined;
            if (old && old.kind !== s.kind && (counts.get(old.id) ?? 0) > 0)
              errors.push({
                field: `stages.${i}.kind`,
                code: 'invalid_value',
                message: 'a stage that holds deals keeps its kind',
              });
          });
          for (const m of plan.moves)
            if (byId.get(m.from)?.kind !== byId.get(m.to)?.kind)
              errors.push({
                field: `stageMoves.${m.from}`,
                code: 'invalid_value',
                message: 'deals move to a stage of the same kind',
              });
          if (errors.length) throw invalid(errors);
          const now = deps.clock();
          for (const m of plan.moves)
            await repo.moveAllDeals(tx, byId.get(m.from)!, byId.get(m.to)!, actor.userId, now);
          await repo.deleteStages(tx, plan.removed);
          for (const s of plan.keep)
            if (s.id)
              await repo.updateStage(tx, s.id, {
                name: s.name,
                kind: s.kind,
                probability: s.probability,
                position: s.position,
              });
          await repo.insertStages(
            tx,
            plan.keep
              .filter((s) => !s.id)
              .map((s) => ({
                pipelineId: id,
                name: s.name,
                kind: s.kind,
                probability: s.probability,
                position: s.position,
              })),
          );
          stagesChange = { from: stageNames(before), to: stageNames(input.stages) };
        }
        if (input.isDefault) await repo.clearDefault(tx, id);
        const next = await repo.updatePipeline(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
          ...(input.isDefault ? { isDefault: true } : {}),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        const changes = diffFields(cur, next, ['name', 'position', 'isDefault']);
        if (stagesChange && stagesChange.from.join('\n') !== stagesChange.to.join('\n'))
          changes.stages = stagesChange;
        await insertAudit(tx, auditEntry(actor, 'update', 'pipeline', id, changes));
        return view(tx, next);
      });
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'pipelines', await repo.getPipeline(tx, id, true), 'Pipeline');
        checkVersion(cur.version, expected);
        if (cur.isDefault) throw new AppError('conflict', 'The default pipeline cannot be deleted');
        if (await repo.pipelineHasDeals(tx, id))
          throw new AppError('conflict', 'The pipeline holds deals: move or delete them first');
        await repo.deletePipeline(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'pipeline', id, snapshotDiff(cur, ['name', 'position'], 'deleted')),
        );
      });
    },

    lostReasons: {
      async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<LostReasonView>> {
        const req = pageRequest({
          actor,
          resource: 'pipelines',
          query,
          fields: reasonFields,
          defaultSort: { field: 'position', dir: 'asc' },
          idExpr: col('id'),
          scopeColumns: unowned,
        });
        const rows = await repo.pageLostReasons(db, req.where, req.order, req.sortValue, req.limit);
        return toPage(rows, req, presentLostReason);
      },
      async get(actor: Actor, id: string): Promise<LostReasonView> {
        return presentLostReason(
          authorize(actor, 'read', 'pipelines', await repo.getLostReason(db, id), 'Lost reason'),
        );
      },
      async create(actor: Actor, input: LostReasonCreate): Promise<LostReasonView> {
        requireCan(actor, 'create', 'pipelines');
        return db.transaction(async (tx) => {
          if (await repo.lostReasonByLabel(tx, input.label))
            throw new AppError('conflict', 'This lost reason exists', {
              errors: [{ field: 'label', code: 'duplicate', message: 'this lost reason exists' }],
            });
          const row = await repo.insertLostReason(tx, input);
          await insertAudit(
            tx,
            auditEntry(actor, 'create', 'lost_reason', row.id, { label: { from: null, to: row.label } }),
          );
          return presentLostReason(row);
        });
      },
      async update(actor: Actor, id: string, input: LostReasonUpdate, expected?: number) {
        return db.transaction(async (tx) => {
          const cur = authorize(
            actor,
            'update',
            'pipelines',
            await repo.getLostReason(tx, id, true),
            'Lost reason',
          );
          checkVersion(cur.version, expected);
          if (input.label !== undefined) {
            const other = await repo.lostReasonByLabel(tx, input.label);
            if (other && other.id !== id)
              throw new AppError('conflict', 'This lost reason exists', {
                errors: [{ field: 'label', code: 'duplicate', message: 'this lost reason exists' }],
              });
          }
          const next = await repo.updateLostReason(tx, id, {
            ...input,
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          await insertAudit(
            tx,
            auditEntry(
              actor,
              'update',
              'lost_reason',
              id,
              diffFields(cur, next, ['label', 'position', 'active']),
            ),
          );
          return presentLostReason(next);
        });
      },
      async remove(actor: Actor, id: string, expected?: number): Promise<void> {
        await db.transaction(async (tx) => {
          const cur = authorize(
            actor,
            'delete',
            'pipelines',
            await repo.getLostReason(tx, id, true),
            'Lost reason',
          );
          checkVersion(cur.version, expected);
          // Deals lost for this reason keep their lost date and note; the reason becomes empty.
          await repo.deleteLostReason(tx, id);
          await insertAudit(
            tx,
            auditEntry(actor, 'delete', 'lost_reason', id, { label: { from: cur.label, to: null } }),
          );
        });
      },
    },
  };
}
export type PipelineService = ReturnType<typeof createPipelineService>;
