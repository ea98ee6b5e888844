import { slaClockState } from '@relata/domain';
import type { CustomerName } from '../commerce/names.ts';
import type { RoutingDecisionView } from '../routing/routing.presenter.ts';
import type { CaseRow, DisputeRow } from './cases.repository.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentDispute(d: DisputeRow, customer?: CustomerName | null) {
  return {
    id: d.id,
    caseId: d.caseId,
    interactionId: d.interactionId,
    contactId: d.contactId,
    accountId: d.accountId,
    ...(customer !== undefined ? { customer } : {}),
    reasons: d.reasons,
    reason: d.reason,
    status: d.status,
    ownerId: d.ownerId,
    teamId: d.teamId,
    resolution: d.resolution,
    openedAt: d.openedAt.toISOString(),
    resolvedAt: iso(d.resolvedAt),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}
export type DisputeView = ReturnType<typeof presentDispute>;

/** A case with where its two SLA clocks stand now. */
export function presentCase(
  r: CaseRow,
  now: Date,
  extra: {
    dispute?: DisputeRow | null | undefined;
    customer?: CustomerName | null | undefined;
    routing?: RoutingDecisionView | null | undefined;
  } = {},
) {
  const d = extra.dispute;
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    description: r.description,
    channel: r.channel,
    type: r.type,
    queueId: r.queueId,
    priority: r.priority,
    status: r.status,
    assigneeId: r.assigneeId,
    teamId: r.teamId,
    contactId: r.contactId,
    accountId: r.accountId,
    ...(extra.customer !== undefined ? { customer: extra.customer } : {}),
    orderId: r.orderId,
    tags: r.tags,
    slaPolicyId: r.slaPolicyId,
    firstResponseDueAt: iso(r.firstResponseDueAt),
    resolutionDueAt: iso(r.resolutionDueAt),
    firstRespondedAt: iso(r.firstRespondedAt),
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    nextDueAt: iso(r.nextDueAt),
    sla: {
      firstResponse: {
        dueAt: iso(r.firstResponseDueAt),
        warnAt: iso(r.firstResponseWarnAt),
        metAt: iso(r.firstRespondedAt),
        state: slaClockState(
          { dueAt: r.firstResponseDueAt, warnAt: r.firstResponseWarnAt, stoppedAt: r.firstRespondedAt },
          now,
        ),
      },
      resolution: {
        dueAt: iso(r.resolutionDueAt),
        warnAt: iso(r.resolutionWarnAt),
        metAt: iso(r.resolvedAt),
        pausedSince: iso(r.pendingSince),
        pausedMinutes: Math.round(r.pausedMinutes),
        state: slaClockState(
          {
            dueAt: r.resolutionDueAt,
            warnAt: r.resolutionWarnAt,
            stoppedAt: r.resolvedAt,
            pausedAt: r.pendingSince,
          },
          now,
        ),
      },
      escalationLevel: r.escalationLevel,
    },
    dispute: Boolean(d),
    disputeReason: d?.reason ?? null,
    disputeStatus: d?.status ?? null,
    disputeId: d?.id ?? null,
    ...(extra.routing !== undefined ? { routing: extra.routing } : {}),
    csatInvitationId: r.csatInvitationId,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type CaseView = ReturnType<typeof presentCase>;

/** A case in a customer's 360° view: what it is about and how its next deadline stands. */
export function presentCaseSummary(r: CaseRow, now: Date) {
  const clock = r.firstRespondedAt
    ? {
        dueAt: r.resolutionDueAt,
        warnAt: r.resolutionWarnAt,
        stoppedAt: r.resolvedAt,
        pausedAt: r.pendingSince,
      }
    : { dueAt: r.firstResponseDueAt, warnAt: r.firstResponseWarnAt, stoppedAt: null };
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    queueId: r.queueId,
    assigneeId: r.assigneeId,
    nextDueAt: iso(r.nextDueAt),
    slaState: slaClockState(clock, now),
    createdAt: r.createdAt.toISOString(),
  };
}
export type CaseSummary = ReturnType<typeof presentCaseSummary>;
