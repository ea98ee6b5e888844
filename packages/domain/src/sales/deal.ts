// Deals: an opportunity in a pipeline stage, with product lines, a stage history and the rules of
// moving between stages. Money is integer minor units.
import { z } from 'zod';
import { currencySchema, isoDay, orderLineSchema } from '../commerce.schema.ts';
import { type FieldError, idSchema, optionalText } from '../common.ts';
import type { StageKind } from './pipeline.ts';

export const dealStatuses = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof dealStatuses)[number];

const minor = z
  .number()
  .int('must be whole minor units (cents)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER / 1000);

/** A deal line: a product from the catalogue (or free text), quantity, unit price, discount. */
export const dealLineSchema = orderLineSchema;
export type DealLineInput = z.infer<typeof dealLineSchema>;

const dealFields = {
  name: z.string().trim().min(1, 'is required').max(300),
  /** Defaults to the default pipeline. */
  pipelineId: idSchema.optional(),
  /** Defaults to the pipeline's first stage. */
  stageId: idSchema.optional(),
  /** Defaults to the total of the lines (or 0). */
  amount: minor.optional(),
  /** Defaults to the company currency. */
  currency: currencySchema.optional(),
  /** Company-currency units per deal-currency unit; required when the currencies differ. */
  exchangeRate: z.number().positive().max(1_000_000).nullish(),
  expectedCloseDate: isoDay.nullish(),
  ownerId: idSchema.nullish(),
  contactId: idSchema.nullish(),
  accountId: idSchema.nullish(),
  notes: z.string().trim().max(10_000).default(''),
  source: optionalText(100),
  lines: z.array(dealLineSchema).max(200).default([]),
};

export const dealCreateSchema = z.object(dealFields).strict();
export type DealCreate = z.infer<typeof dealCreateSchema>;
export type DealCreateInput = z.input<typeof dealCreateSchema>;

export const dealUpdateSchema = z
  .object({
    name: dealFields.name.optional(),
    amount: minor.optional(),
    currency: currencySchema.optional(),
    exchangeRate: dealFields.exchangeRate,
    expectedCloseDate: dealFields.expectedCloseDate,
    ownerId: dealFields.ownerId,
    contactId: dealFields.contactId,
    accountId: dealFields.accountId,
    notes: z.string().trim().max(10_000).optional(),
    source: dealFields.source,
    /** Replaces the lines; the amount follows their total unless given too. */
    lines: z.array(dealLineSchema).max(200).optional(),
  })
  .strict();
export type DealUpdate = z.infer<typeof dealUpdateSchema>;
export type DealUpdateInput = z.input<typeof dealUpdateSchema>;

export const dealMoveSchema = z
  .object({
    stageId: idSchema,
    /** Where in the target column the card goes (0 = top); the top when left out. */
    position: z.number().int().min(0).max(1_000_000).optional(),
    /** Required when the target is a lost stage. */
    lostReasonId: idSchema.nullish(),
    lostNote: optionalText(1000),
  })
  .strict();
export type DealMove = z.infer<typeof dealMoveSchema>;
export type DealMoveInput = z.input<typeof dealMoveSchema>;

export const forecastQuerySchema = z
  .object({
    pipelineId: idSchema.optional(),
    /** First and last expected-close month, YYYY-MM (default: this month and the next 11). */
    from: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .optional(),
    ownerId: z.union([idSchema, z.literal('me')]).optional(),
  })
  .strict();
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

export const statusOfStage = (kind: StageKind): DealStatus => kind;

export type MoveOutcome = {
  status: DealStatus;
  wonAt: Date | null;
  lostAt: Date | null;
  lostReasonId: string | null;
  lostNote: string | null;
};

/**
 * What a move does to a deal's closing fields: entering a won stage stamps `wonAt`, a lost stage
 * needs a lost reason and stamps `lostAt`; going back to an open stage clears both.
 */
export function moveOutcome(
  deal: { wonAt: Date | null; lostAt: Date | null; lostReasonId: string | null; lostNote: string | null },
  to: { kind: StageKind },
  input: { lostReasonId?: string | null | undefined; lostNote?: string | null | undefined },
  now: Date,
): { errors: FieldError[]; outcome: MoveOutcome } {
  const errors: FieldError[] = [];
  const status = statusOfStage(to.kind);
  if (status === 'lost' && !input.lostReasonId && !deal.lostReasonId)
    errors.push({ field: 'lostReasonId', code: 'required', message: 'say why the deal was lost' });
  const outcome: MoveOutcome =
    status === 'won'
      ? { status, wonAt: deal.wonAt ?? now, lostAt: null, lostReasonId: null, lostNote: null }
      : status === 'lost'
        ? {
            status,
            wonAt: null,
            lostAt: deal.lostAt ?? now,
            lostReasonId: input.lostReasonId ?? deal.lostReasonId,
            lostNote: input.lostNote === undefined ? deal.lostNote : input.lostNote,
          }
        : { status, wonAt: null, lostAt: null, lostReasonId: null, lostNote: null };
  return { errors, outcome };
}

/**
 * A rank between two neighbours of a board column (cards sort by rank ascending). `null` means
 * no neighbour on that side. `exhausted` says the gap is too small and the column needs re-ranking.
 */
export function rankBetween(
  before: number | null,
  after: number | null,
): { rank: number; exhausted: boolean } {
  if (before === null && after === null) return { rank: 0, exhausted: false };
  if (before === null) return { rank: (after as number) - 1024, exhausted: false };
  if (after === null) return { rank: before + 1024, exhausted: false };
  const rank = before + (after - before) / 2;
  return { rank, exhausted: !(rank > before && rank < after) || after - before < 1e-6 };
}

export type StageMove = { fromStageId: string | null; toStageId: string; movedAt: Date };
export type StageSpell = { stageId: string; enteredAt: Date; leftAt: Date | null; seconds: number };

/** Time in each stage from the move history (oldest first): one spell per stay, the last still open. */
export function stageSpells(moves: readonly StageMove[], now: Date): StageSpell[] {
  const sorted = [...moves].sort((a, b) => a.movedAt.getTime() - b.movedAt.getTime());
  return sorted.map((m, i) => {
    const next = sorted[i + 1];
    const leftAt = next ? next.movedAt : null;
    const end = (leftAt ?? now).getTime();
    return {
      stageId: m.toStageId,
      enteredAt: m.movedAt,
      leftAt,
      seconds: Math.max(0, Math.round((end - m.movedAt.getTime()) / 1000)),
    };
  });
}

/** Whole days since a moment (for "days in stage" on cards). */
export const daysSince = (at: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - at.getTime()) / 86_400_000));
