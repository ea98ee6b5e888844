// Pipelines: ordered stages, each with a win probability and a kind (open, won, lost), and the
// rules for changing them while deals sit in them.
import { z } from 'zod';
import { type FieldError, idSchema } from '../common.ts';

export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];

const name = z.string().trim().min(1, 'is required').max(100);

export const stageInputSchema = z
  .object({
    /** An existing stage keeps its id; a new one comes without. */
    id: idSchema.optional(),
    name,
    probability: z.number().int('must be a whole percentage').min(0).max(100),
    kind: z.enum(stageKinds).default('open'),
  })
  .strict();
export type StageInput = z.infer<typeof stageInputSchema>;

const stages = z.array(stageInputSchema).min(2, 'a pipeline needs at least a won and a lost stage').max(30);

export const pipelineCreateSchema = z
  .object({
    name,
    stages,
    isDefault: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type PipelineCreate = z.infer<typeof pipelineCreateSchema>;

export const pipelineUpdateSchema = z
  .object({
    name: name.optional(),
    /** The whole ordered list: stages left out are removed, stages without an id are added. */
    stages: stages.optional(),
    /** Only `true` is meaningful: the default moves here from the pipeline that had it. */
    isDefault: z.literal(true).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    /** Where the deals of removed stages go: `{ removedStageId: keptStageId }`. */
    stageMoves: z.record(idSchema, idSchema).optional(),
  })
  .strict();
export type PipelineUpdate = z.infer<typeof pipelineUpdateSchema>;

export const lostReasonCreateSchema = z
  .object({
    label: z.string().trim().min(1, 'is required').max(100),
    position: z.number().int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  })
  .strict();
export type LostReasonCreate = z.infer<typeof lostReasonCreateSchema>;
export const lostReasonUpdateSchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type LostReasonUpdate = z.infer<typeof lostReasonUpdateSchema>;

export type Stage = { id: string; name: string; probability: number; kind: StageKind };

/** Checks an ordered stage list on its own: names, kinds and probabilities. */
export function checkStages(list: readonly Omit<StageInput, 'id'>[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  list.forEach((s, i) => {
    const key = s.name.trim().toLocaleLowerCase();
    if (seen.has(key))
      errors.push({ field: `stages.${i}.name`, code: 'duplicate', message: 'another stage has this name' });
    seen.set(key, i);
    if (s.kind === 'won' && s.probability !== 100)
      errors.push({
        field: `stages.${i}.probability`,
        code: 'invalid_value',
        message: 'a won stage is 100 %',
      });
    if (s.kind === 'lost' && s.probability !== 0)
      errors.push({
        field: `stages.${i}.probability`,
        code: 'invalid_value',
        message: 'a lost stage is 0 %',
      });
  });
  if (!list.some((s) => s.kind === 'won'))
    errors.push({ field: 'stages', code: 'required', message: 'a pipeline needs a won stage' });
  if (!list.some((s) => s.kind === 'lost'))
    errors.push({ field: 'stages', code: 'required', message: 'a pipeline needs a lost stage' });
  if (!list.some((s) => s.kind === 'open'))
    errors.push({ field: 'stages', code: 'required', message: 'a pipeline needs an open stage' });
  return errors;
}

export type StagePlan = {
  errors: FieldError[];
  /** Stages in their new order; `id` is null for the ones to create. */
  keep: (Omit<StageInput, 'id'> & { id: string | null; position: number })[];
  removed: string[];
  /** Deals to move before the removed stages go. */
  moves: { from: string; to: string }[];
};

/**
 * Plans an edit of a pipeline's stages: added (no id), renamed, reordered and removed stages.
 * A stage that still holds deals may only be removed when `stageMoves` sends them to a stage that
 * stays; ids must belong to this pipeline.
 */
export function planStageChanges(
  current: readonly Stage[],
  next: readonly StageInput[],
  dealCounts: ReadonlyMap<string, number>,
  stageMoves: Readonly<Record<string, string>> = {},
): StagePlan {
  const errors = checkStages(next);
  const known = new Set(current.map((s) => s.id));
  const keptIds = new Set<string>();
  next.forEach((s, i) => {
    if (!s.id) return;
    if (!known.has(s.id))
      errors.push({ field: `stages.${i}.id`, code: 'not_found', message: 'no such stage in this pipeline' });
    else if (keptIds.has(s.id))
      errors.push({ field: `stages.${i}.id`, code: 'duplicate', message: 'this stage is listed twice' });
    keptIds.add(s.id);
  });
  const removed = current.filter((s) => !keptIds.has(s.id)).map((s) => s.id);
  const moves: { from: string; to: string }[] = [];
  for (const id of removed) {
    if (!(dealCounts.get(id) ?? 0)) continue;
    const to = stageMoves[id];
    if (!to)
      errors.push({
        field: `stageMoves.${id}`,
        code: 'required',
        message: 'this stage holds deals: say which stage they move to',
      });
    else if (!keptIds.has(to))
      errors.push({
        field: `stageMoves.${id}`,
        code: 'invalid_value',
        message: 'must be a stage that stays',
      });
    else moves.push({ from: id, to });
  }
  return {
    errors,
    keep: next.map((s, i) => ({ ...s, id: s.id ?? null, position: i + 1 })),
    removed,
    moves,
  };
}

/** The default pipeline every installation starts with. */
export const defaultStages: readonly Omit<Stage, 'id'>[] = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Needs analysis', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
];
