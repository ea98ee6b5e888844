/** The SLA clocks of a case: chosen policy, calendar and due/warning times from the domain rules. */
import {
  type BusinessCalendar,
  businessMinutesBetween,
  type Priority,
  type SlaDue,
  selectSlaPolicy,
  slaDue,
} from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import { type CalendarRow, type CaseRow, type SlaPolicyRow, slaSetup } from './cases.repository.ts';

const asCalendar = (c: CalendarRow | undefined): BusinessCalendar | null =>
  c ? { timezone: c.timezone, hours: c.hours, holidays: c.holidays } : null;

export type SlaContext = {
  policies: SlaPolicyRow[];
  calendarOf(policy: SlaPolicyRow | null): BusinessCalendar | null;
};

export async function loadSla(ex: Executor): Promise<SlaContext> {
  const { policies, calendars } = await slaSetup(ex);
  return {
    policies,
    calendarOf: (p) => (p?.calendarId ? asCalendar(calendars.get(p.calendarId)) : null),
  };
}

export const policyById = (ctx: SlaContext, id: string | null) =>
  id ? (ctx.policies.find((p) => p.id === id) ?? null) : null;

/** The policy for a new case: routing's choice when active, else by the customer's tier. */
export function choosePolicy(ctx: SlaContext, tier: string | null, chosenId: string | null) {
  return selectSlaPolicy(ctx.policies, { tier, chosenId });
}

/** Due and warning times, and the flags of warnings or breaches a later due time undoes. */
export function clockColumns(
  ctx: SlaContext,
  policy: SlaPolicyRow | null,
  priority: Priority,
  openedAt: Date,
  pausedMinutes: number,
  now: Date,
  cur?: Pick<
    CaseRow,
    | 'firstResponseDueAt'
    | 'firstResponseWarnAt'
    | 'firstRespondedAt'
    | 'resolutionDueAt'
    | 'resolutionWarnAt'
    | 'resolvedAt'
    | 'firstResponseWarnedAt'
    | 'firstResponseBreachedAt'
    | 'resolutionWarnedAt'
    | 'resolutionBreachedAt'
  >,
): SlaDue & Partial<CaseRow> {
  const fresh = slaDue(policy, ctx.calendarOf(policy), priority, openedAt, pausedMinutes);
  // A clock that has stopped keeps the target it was measured against.
  const due: SlaDue = {
    ...fresh,
    ...(cur?.firstRespondedAt
      ? { firstResponseDueAt: cur.firstResponseDueAt, firstResponseWarnAt: cur.firstResponseWarnAt }
      : {}),
    ...(cur?.resolvedAt
      ? { resolutionDueAt: cur.resolutionDueAt, resolutionWarnAt: cur.resolutionWarnAt }
      : {}),
  };
  const later = (t: Date | null) => !t || t.getTime() > now.getTime();
  return {
    ...due,
    ...(cur
      ? {
          firstResponseWarnedAt: later(due.firstResponseWarnAt) ? null : cur.firstResponseWarnedAt,
          firstResponseBreachedAt: later(due.firstResponseDueAt) ? null : cur.firstResponseBreachedAt,
          resolutionWarnedAt: later(due.resolutionWarnAt) ? null : cur.resolutionWarnedAt,
          resolutionBreachedAt: later(due.resolutionDueAt) ? null : cur.resolutionBreachedAt,
        }
      : {}),
  };
}

/** Business minutes a case waited on the customer since `since`. */
export function waitedMinutes(ctx: SlaContext, policy: SlaPolicyRow | null, since: Date, now: Date): number {
  return businessMinutesBetween(ctx.calendarOf(policy), since, now);
}
