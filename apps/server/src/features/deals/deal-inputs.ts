/** Checks and resolves what a deal write refers to: pipeline and stage, owner, currency rate. */
import { type Actor, scopeOf } from '@relata/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import {
  defaultPipeline,
  getPipeline,
  getStage,
  type PipelineRow,
  type StageRow,
  stagesOf,
} from '../pipelines/pipelines.repository.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';

/** The stage a new deal starts in: the given one, else the first open stage of its pipeline. */
export async function startingStage(
  ex: Executor,
  input: { pipelineId?: string | undefined; stageId?: string | undefined },
): Promise<{ pipeline: PipelineRow; stage: StageRow }> {
  if (input.stageId) {
    const stage = await getStage(ex, input.stageId);
    if (!stage) throw invalid([{ field: 'stageId', code: 'not_found', message: 'no such stage' }]);
    if (input.pipelineId && stage.pipelineId !== input.pipelineId)
      throw invalid([
        { field: 'stageId', code: 'invalid_value', message: 'is not a stage of this pipeline' },
      ]);
    if (stage.kind === 'lost')
      throw invalid([{ field: 'stageId', code: 'invalid_value', message: 'a new deal cannot start lost' }]);
    return { pipeline: (await getPipeline(ex, stage.pipelineId))!, stage };
  }
  const pipeline = input.pipelineId ? await getPipeline(ex, input.pipelineId) : await defaultPipeline(ex);
  if (!pipeline) throw invalid([{ field: 'pipelineId', code: 'not_found', message: 'no such pipeline' }]);
  const stage = (await stagesOf(ex, [pipeline.id])).get(pipeline.id)?.find((s) => s.kind === 'open');
  if (!stage) throw invalid([{ field: 'pipelineId', code: 'invalid_value', message: 'has no open stage' }]);
  return { pipeline, stage };
}

/** Company-currency units per deal-currency unit: 1 for the company currency, else the one given. */
export async function rateFor(
  ex: Executor,
  currency: string | undefined,
  exchangeRate: number | null | undefined,
): Promise<{ currency: string; rate: number }> {
  const settings = await getValueSettings(ex);
  const cur = currency ?? settings.currency;
  if (cur === settings.currency) return { currency: cur, rate: 1 };
  if (!exchangeRate)
    throw invalid([
      {
        field: 'exchangeRate',
        code: 'required',
        message: `is needed to convert ${cur} to the company currency ${settings.currency}`,
      },
    ]);
  return { currency: cur, rate: exchangeRate };
}

/**
 * The owner of a deal and the team it belongs to: the owner's team. Giving a deal to someone
 * else needs the "all" scope.
 */
export async function ownerOf(
  ex: Executor,
  actor: Actor,
  action: 'create' | 'update',
  ownerId: string | null,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  if (ownerId === actor.userId) return { ownerId, teamId: actor.teamId };
  if (scopeOf(actor, action, 'deals') !== 'all')
    throw forbidden(
      action === 'create'
        ? 'Only managers may create deals for someone else'
        : 'Only managers may reassign deals',
    );
  if (ownerId === null) return { ownerId: null, teamId: null };
  const [u] = await queryRows<{ team_id: string | null }>(
    ex,
    sql`SELECT team_id FROM users WHERE id = ${ownerId}::uuid`,
  );
  if (!u) throw invalid([{ field: 'ownerId', code: 'not_found', message: 'no such user' }]);
  return { ownerId, teamId: u.team_id };
}
