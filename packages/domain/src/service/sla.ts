// SLA policies: first-response and resolution targets per priority, for the customers of some
// value tiers, on a business calendar. The clocks of a case are derived from its policy, its
// priority, when it was opened and how long it waited on the customer.
import { z } from 'zod';
import { idSchema } from '../common.ts';
import { type Priority, priorities } from '../routing/routing.schema.ts';
import { addBusinessMinutes, type BusinessCalendar } from './business-hours.ts';

const minutes = z
  .number()
  .int('must be whole minutes')
  .min(1)
  .max(60 * 24 * 365);
const target = z
  .object({ firstResponseMinutes: minutes.nullable(), resolutionMinutes: minutes.nullable() })
  .strict();
export const slaTargetsSchema = z
  .object(Object.fromEntries(priorities.map((p) => [p, target])) as Record<Priority, typeof target>)
  .strict();
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

const policyFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  active: z.boolean().default(true),
  /** Value tiers the policy serves; empty: every customer. */
  tiers: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  calendarId: idSchema.nullable().default(null),
  targets: slaTargetsSchema,
  /** Warn when this share of a target's business time is used. */
  warnAtPercent: z.number().int().min(1).max(99).default(75),
};
export const slaPolicyCreateSchema = z
  .object({ ...policyFields, position: z.number().int().min(0).max(100_000).optional() })
  .strict();
export type SlaPolicyCreate = z.infer<typeof slaPolicyCreateSchema>;
export const slaPolicyUpdateSchema = z
  .object({
    name: policyFields.name.optional(),
    active: z.boolean().optional(),
    tiers: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
    calendarId: idSchema.nullable().optional(),
    targets: slaTargetsSchema.optional(),
    warnAtPercent: z.number().int().min(1).max(99).optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type SlaPolicyUpdate = z.infer<typeof slaPolicyUpdateSchema>;

export type SlaPolicy = {
  id: string;
  active: boolean;
  tiers: readonly string[];
  targets: SlaTargets;
  warnAtPercent: number;
};

/**
 * The policy of a case: the one routing named when it is active, else the first active policy
 * (in order) serving the customer's tier, else the first active one serving every tier.
 */
export function selectSlaPolicy<P extends SlaPolicy>(
  policies: readonly P[],
  opts: { tier: string | null; chosenId?: string | null },
): P | null {
  const active = policies.filter((p) => p.active);
  if (opts.chosenId) {
    const chosen = active.find((p) => p.id === opts.chosenId);
    if (chosen) return chosen;
  }
  const tier = opts.tier?.toLowerCase() ?? null;
  return (
    (tier ? active.find((p) => p.tiers.some((t) => t.toLowerCase() === tier)) : undefined) ??
    active.find((p) => p.tiers.length === 0) ??
    null
  );
}

export type SlaDue = {
  firstResponseDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionWarnAt: Date | null;
};

/**
 * Due and warning instants of a case opened at `openedAt` with `pausedMinutes` of business time
 * spent waiting on the customer (which moves the resolution clock, not the first response).
 */
export function slaDue(
  policy: SlaPolicy | null,
  cal: BusinessCalendar | null,
  priority: Priority,
  openedAt: Date,
  pausedMinutes = 0,
): SlaDue {
  const t = policy?.targets[priority];
  const at = (m: number | null | undefined, share = 1, extra = 0) =>
    m ? addBusinessMinutes(cal, openedAt, Math.max(1, Math.round(m * share)) + extra) : null;
  const warn = (policy?.warnAtPercent ?? 75) / 100;
  return {
    firstResponseDueAt: at(t?.firstResponseMinutes),
    firstResponseWarnAt: at(t?.firstResponseMinutes, warn),
    resolutionDueAt: at(t?.resolutionMinutes, 1, pausedMinutes),
    resolutionWarnAt: at(t?.resolutionMinutes, warn, pausedMinutes),
  };
}

export type SlaClockState = 'none' | 'running' | 'warning' | 'breached' | 'met' | 'missed' | 'paused';

/** Where one clock stands: met or missed once stopped, else running, warning or breached. */
export function slaClockState(
  c: { dueAt: Date | null; warnAt: Date | null; stoppedAt: Date | null; pausedAt?: Date | null },
  now: Date,
): SlaClockState {
  if (!c.dueAt) return 'none';
  if (c.stoppedAt) return c.stoppedAt.getTime() <= c.dueAt.getTime() ? 'met' : 'missed';
  if (c.pausedAt) return 'paused';
  if (now.getTime() >= c.dueAt.getTime()) return 'breached';
  if (c.warnAt && now.getTime() >= c.warnAt.getTime()) return 'warning';
  return 'running';
}
