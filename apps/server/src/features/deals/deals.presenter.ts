import { daysSince } from '@relata/domain';
import type { StageRow } from '../pipelines/pipelines.repository.ts';
import type { DealLineRow, DealNames, DealRow, HistoryRow } from './deals.repository.ts';

export function presentDealLine(l: DealLineRow) {
  return {
    id: l.id,
    position: l.position,
    productId: l.productId,
    sku: l.sku,
    description: l.description,
    quantity: Number(l.quantity),
    unitPrice: l.unitPrice,
    discountPercent: Number(l.discountPercent),
    lineTotal: l.lineTotal,
  };
}

const ref = (id: string | null, names: Map<string, string> | undefined) =>
  id ? { id, name: names?.get(id) ?? '' } : null;

/** A deal as the API shows it; `names` adds the account, contact and owner names. */
export function presentDeal(
  r: DealRow,
  opts: { now: Date; names?: DealNames; stage?: StageRow; lines?: DealLineRow[] },
) {
  return {
    id: r.id,
    name: r.name,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    ...(opts.stage
      ? {
          stage: {
            id: opts.stage.id,
            name: opts.stage.name,
            kind: opts.stage.kind,
            probability: opts.stage.probability,
          },
        }
      : {}),
    status: r.status,
    amount: r.amount,
    currency: r.currency,
    exchangeRate: Number(r.exchangeRate),
    amountBase: r.amountBase,
    expectedCloseDate: r.expectedCloseDate,
    ownerId: r.ownerId,
    teamId: r.teamId,
    contactId: r.contactId,
    accountId: r.accountId,
    ...(opts.names
      ? {
          owner: ref(r.ownerId, opts.names.users),
          contact: ref(r.contactId, opts.names.contacts),
          account: ref(r.accountId, opts.names.accounts),
        }
      : {}),
    lostReasonId: r.lostReasonId,
    lostNote: r.lostNote,
    stageEnteredAt: r.stageEnteredAt.toISOString(),
    daysInStage: daysSince(r.stageEnteredAt, opts.now),
    wonAt: r.wonAt?.toISOString() ?? null,
    lostAt: r.lostAt?.toISOString() ?? null,
    source: r.source,
    notes: r.notes,
    rank: r.rank,
    ...(opts.lines ? { lines: opts.lines.map(presentDealLine) } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type DealView = ReturnType<typeof presentDeal>;

/** One move in a deal's stage history, with the time spent in the stage it entered. */
export function presentMove(h: HistoryRow, leftAt: Date | null, now: Date, names: Map<string, string>) {
  return {
    id: h.id,
    fromStageId: h.fromStageId,
    fromStageName: h.fromStageName,
    toStageId: h.toStageId,
    toStageName: h.toStageName,
    movedBy: h.movedBy ? { id: h.movedBy, name: names.get(h.movedBy) ?? '' } : null,
    movedAt: h.movedAt.toISOString(),
    leftAt: leftAt?.toISOString() ?? null,
    secondsInStage: Math.max(0, Math.round(((leftAt ?? now).getTime() - h.movedAt.getTime()) / 1000)),
  };
}
